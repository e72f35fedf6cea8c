## validation

## Checks of one field: lengths, lists, codes, addresses, dates, numbers
validation-too_long = Ce texte dépasse { $max } caractères.
validation-too_many = Pas plus de { $max } éléments.
validation-unknown_code = « { $value } » n'est pas une valeur autorisée (valeurs possibles : { $allowed }).
validation-duplicate = « { $value } » est en double.
validation-invalid_url = « { $value } » n'est pas une adresse http(s) valide.
validation-invalid_date = « { $value } » n'est pas une date (AAAA, AAAA-MM ou AAAA-MM-JJ).
validation-invalid_date-end_before_start = La date de fin précède la date de début.
validation-invalid_date-review = La date de revue prévue précède la dernière revue.
validation-invalid_language = « { $value } » n'est pas un code de langue BCP-47 (ex. fr, fr-FR, oc).
validation-invalid_number-amount = Le montant doit être un nombre positif (en euros).
validation-invalid_number-value = La valeur doit être un nombre.
validation-invalid_code-siren = Le SIREN compte 9 chiffres.
validation-invalid_code-siret = Le SIRET compte 14 chiffres.
validation-invalid_slug = L'identifiant d'URL ne doit contenir que des minuscules sans accent, des chiffres et des tirets.
validation-invalid_email = « { $value } » n'est pas une adresse électronique valide.
validation-invalid_phone = « { $value } » n'est pas un numéro de téléphone (chiffres, espaces, +, points ; ex. 05 61 02 03 04).
validation-out_of_range-fte = Le temps de travail est un pourcentage d'ETP entre 0 et { $max } (100 = un temps plein).
validation-out_of_range-rate = Le taux d'aide est un pourcentage entre 0 et 100.
validation-out_of_range-share = La part du budget est un pourcentage entre 0 et 100.
validation-inconsistent_amount = Le montant ({ $amount } €) ne correspond pas au taux appliqué à l'assiette ({ $rate } % de { $base } € = { $expected } €). Laissez le montant vide s'il n'est pas dans la source.
validation-shares_over_total = Les parts du budget totalisent { $total } %, plus de 100 %.
validation-shares_over_total-plan = Les parts du budget du plan « { $plan } » totalisent { $total } %, plus de 100 %.

## Required fields
validation-required-kind = Le type de fiche est obligatoire (project_sheet, good_practice ou experience).
validation-required-title = Le titre est obligatoire.
validation-required-title-draft = Le titre est obligatoire, même pour un brouillon.
validation-required-summary = Le résumé est obligatoire.
validation-required-body = Le corps du texte est obligatoire.
validation-required-license = La licence est obligatoire.
validation-required-authors = Indiquez au moins un auteur ou une autrice.
validation-required-name = Le nom est obligatoire.
validation-required-tag = Un mot-clé ne peut pas être vide.
validation-required-document-title = Le titre du document est obligatoire.
validation-required-project_sheet = Les champs de la fiche projet sont obligatoires.
validation-required-good_practice = Les champs de la bonne pratique sont obligatoires.
validation-required-experience = Les champs du retour d'expérience sont obligatoires.
validation-required-carrier = La structure porteuse est obligatoire.
validation-required-carrier-name = Le nom de la structure porteuse est obligatoire.
validation-required-status = Le statut du projet est obligatoire.
validation-required-location = La localisation est obligatoire.
validation-required-perimeter = Le périmètre est obligatoire.
validation-required-start_date = La date de début est obligatoire.
validation-required-partner-name = Le nom du partenaire est obligatoire.
validation-required-step-name = Le nom de l'étape est obligatoire.
validation-required-work_package-code = Le code du groupe de travail est obligatoire.
validation-required-work_package-name = Le nom du groupe de travail est obligatoire.
validation-required-event-name = Le nom de l'événement est obligatoire.
validation-required-problem = Le problème ou contexte est obligatoire.
validation-required-objectives = Indiquez au moins un objectif.
validation-required-steps = Une méthode compte au moins une étape.
validation-required-resources_needed = Indiquez les moyens nécessaires (humains, financiers ou techniques).
validation-required-maturity = La maturité est obligatoire.
validation-required-transferability = Les conditions de transférabilité sont obligatoires.
validation-required-about = Indiquez la fiche projet concernée (URI) ou un libellé.
validation-required-period = La période couverte est obligatoire.
validation-required-period-start = Le début de la période est obligatoire.
validation-required-speaker = Indiquez qui témoigne (rôle).
validation-required-context = Le contexte est obligatoire.
validation-required-results = Les résultats sont obligatoires.
validation-required-difficulties = Les difficultés rencontrées sont obligatoires.
validation-required-beneficiary = Un effet utile est toujours rattaché à un bénéficiaire.
validation-required-effect = Décrivez l'effet.
validation-required-funder = Le financeur est obligatoire.
validation-required-source = Une source a une adresse, un titre ou les deux.
validation-required-recognition-name = Le nom du label ou de la distinction est obligatoire.
validation-required-contact = Un contact nomme une structure, une personne ou les deux.
validation-required-objective = L'objectif est vide.
validation-required-hypothesis = Une hypothèse ne peut pas être vide.
validation-required-risk = Un risque ne peut pas être vide.
validation-required-staffing-role = Le poste ou le rôle est obligatoire.
validation-required-indicator = Le nom de l'indicateur est obligatoire.
validation-required-method-name = Le nom de la méthode est obligatoire.
validation-required-list-name = Un nom ne peut pas être vide.

## Territory
validation-required-territory = Le territoire est obligatoire : choisissez un lieu (commune, EPCI, département, région) ou écrivez un libellé.
validation-required-scale = L'échelle du territoire est obligatoire.
validation-too_many-places = Au plus { $max } lieux.
validation-invalid_code-place = « { $value } » n'est pas un code de lieu : écrivez par exemple commune:09122, departement:09 ou region:76.
validation-wrong_level = « { $value } » n'est pas un code de ce niveau : attendu { validation-level-example }.
# How the codes of a level ($level: a code prefix) are written.
validation-level-example = { $level ->
        [country] country:FR
        [region] region:76 (2 chiffres)
        [departement] departement:09, departement:2A ou departement:974
        [epci] epci:200066231 (SIREN, 9 chiffres)
       *[commune] commune:09122 (code INSEE, 5 caractères)
    }
validation-unknown_code-place = « { $value } » est inconnu du Code officiel géographique ({ $source }).
validation-invalid_code-insee = « { $value } » : le code INSEE compte 5 caractères (ex. 13001, 2A004).
validation-invalid_code-epci = « { $value } » : le code SIREN de l'EPCI compte 9 chiffres.
validation-out_of_range-lat = La latitude doit être comprise entre -90 et 90.
validation-out_of_range-lon = La longitude doit être comprise entre -180 et 180.
validation-required-lat = Donnez la latitude avec la longitude.
validation-required-lon = Donnez la longitude avec la latitude.
validation-outside_france = Le point ({ $lat } ; { $lon }) est hors de France (métropole, Corse et départements d'outre-mer).

## Attached files
validation-too_many_covers = Une seule image de couverture par fiche.
validation-required-media-kind = Le type de fichier (image ou document) est obligatoire.
validation-required-media-title = Le titre du fichier est obligatoire.
validation-required-alt = Décrivez l'image en quelques mots (texte alternatif), pour les personnes qui ne la voient pas.
validation-cover_not_an_image = Seule une image peut servir de couverture.
validation-required-thumbnail = Une image a une vignette.
validation-not_allowed-thumbnail = Seule une image a une vignette.
validation-invalid_digest = L'empreinte SHA-256 compte 64 caractères hexadécimaux en minuscules.
validation-media_type_unsupported-here = Le type « { $media_type } » n'est pas accepté ici.
validation-required-dimensions = Une image a une largeur et une hauteur.

## Files refused before they are stored
validation-media_type_unsupported = Ce type de fichier n'est pas accepté ({ validation-media-content }). Types acceptés : JPEG, PNG, WebP, PDF, OpenDocument, Word, Excel, PowerPoint, CSV, texte.
# What a refused file holds ($content); `named`: the type in $found.
validation-media-content = { $content ->
        [binary] fichier binaire inconnu
        [control_characters] texte avec des caractères de contrôle
        [markup] HTML ou XML
        [other_opendocument] archive OpenDocument d'un autre type
        [zip] archive ZIP
       *[named] { $found }
    }
validation-media_svg_refused = Les images SVG ne sont pas acceptées (elles peuvent contenir du code) : envoyez un PNG ou un JPEG.
validation-media_type_mismatch = Le contenu du fichier ({ $found }) ne correspond pas à son nom (« .{ $extension } »).
validation-media_polyglot = Ce fichier est valide pour plusieurs formats à la fois (fichier polyglotte) : il est refusé.
validation-media_corrupt = Le fichier est endommagé ou illisible : { validation-media-damage }.
# What is damaged ($damage); $error: the decoder's words, or the reason given as text.
validation-media-damage = { $damage ->
        [pdf_version] en-tête PDF sans version (%PDF-1.x ou %PDF-2.x)
        [pdf_end] PDF sans marque de fin (%%EOF)
        [image_header] en-tête d'image illisible ({ $error })
        [no_pixel] image sans pixel
        [image] image illisible ({ $error })
        [reencoding] ré-encodage impossible ({ $error })
       *[described] { $error }
    }
validation-media_too_many_pixels = L'image mesure { $width } × { $height } pixels : pas plus de { $max_side } pixels de côté ni { $max_megapixels } mégapixels.
validation-media_too_large = Le fichier dépasse la taille maximale de { $limit } octets pour ce type.
validation-media_bad_file_name = Le nom de fichier « { $name } » est refusé : pas de chemin (/, \, ..) ni de caractère de contrôle, 200 caractères au plus.
validation-media_empty = Le fichier est vide.

## What the parsers refuse (JSON, YAML, forms)
validation-invalid_date-last_reviewed = Date invalide : format accepté AAAA-MM-JJ, par exemple 2025-03-14.
validation-invalid_date-review_due = Date invalide : format accepté AAAA-MM-JJ, par exemple 2026-03-14.
validation-invalid_date-published = Date invalide : format accepté AAAA-MM-JJTHH:MM:SSZ, par exemple 2025-03-14T09:30:00Z.
validation-unknown_field = Champ inconnu « { $field } ».
validation-unknown_field-hint = Champ inconnu « { $field } » ; champs possibles ici : { $expected }.
validation-unknown_code-variant = Valeur inconnue « { $value } » ; valeurs possibles : { $expected }.
validation-required-field = Champ obligatoire manquant : « { $field } ».
validation-invalid_type = Type incorrect : reçu { validation-serde-received }, attendu { validation-serde-expected }.
# The kind of value received ($received), with its text ($received_text).
validation-serde-received = { $received ->
        [text] le texte { $received_text }
        [number] le nombre { $received_text }
        [value] la valeur { $received_text }
        [list] une liste
        [object] un objet
        [string] un texte
        [boolean] vrai ou faux (true/false)
        [null] une valeur vide (null)
        [integer] un nombre entier
        [float] un nombre
        [date] une date
       *[other] « { $received_text } »
    }
# The kind of value expected ($expected), with its text ($expected_text).
validation-serde-expected = { $expected ->
        [text] le texte { $expected_text }
        [number] le nombre { $expected_text }
        [value] la valeur { $expected_text }
        [list] une liste
        [object] un objet
        [string] un texte
        [boolean] vrai ou faux (true/false)
        [null] une valeur vide (null)
        [integer] un nombre entier
        [float] un nombre
        [date] une date
       *[other] « { $expected_text } »
    }
validation-invalid_value-length = Nombre d'éléments incorrect.
validation-invalid_value = Valeur refusée ({ validation-serde-syntax }).
validation-invalid_json = JSON mal formé, ligne { $line }, colonne { $column } : { validation-serde-syntax }.
validation-invalid_yaml = YAML mal formé : { validation-serde-syntax }.
# A syntax error ($problem), without its position.
validation-serde-syntax = { $problem ->
        [eof] le texte s'arrête avant la fin (un guillemet, une accolade ou un crochet n'est pas refermé)
        [expected_value] une valeur est attendue (texte entre guillemets, nombre, true, false, null, objet ou liste)
        [expected_comma_or_brace] une virgule ou une accolade fermante « {"}"} » est attendue
        [expected_comma_or_bracket] une virgule ou un crochet fermant « ] » est attendu
        [expected_colon] deux-points « : » est attendu après le nom du champ
        [key_not_a_string] un nom de champ doit être entre guillemets
        [trailing_comma] une virgule est en trop avant la fin de l'objet ou de la liste
        [trailing_characters] du texte suit la fin du document JSON
        [control_character] un caractère de contrôle (retour à la ligne…) doit être échappé dans un texte
        [invalid_escape] une séquence d'échappement (\…) est invalide
        [invalid_number] un nombre est invalide
        [expected_ident] un mot inconnu : seuls true, false et null s'écrivent sans guillemets
        [yaml] l'indentation ou la ponctuation YAML est incorrecte
       *[other] syntaxe incorrecte
    }
validation-invalid_type-not_object = Une fiche est un objet JSON ({"{"} … {"}"}).
validation-missing_front_matter = Le fichier doit commencer par un en-tête YAML délimité par « --- ».
validation-missing_front_matter-unclosed = L'en-tête YAML n'est pas refermé par une ligne « --- ».

## Where a problem is, in an import file or a spreadsheet
validation-file-error = champ { $path } : { $message } ({ $code })
validation-file-error-line = ligne { $line }, champ { $path } : { $message } ({ $code })
validation-file-error-item = élément { $item }, champ { $path } : { $message } ({ $code })
validation-file-error-line-item = ligne { $line }, élément { $item }, champ { $path } : { $message } ({ $code })
validation-row-error = ligne { $line }, champ { $path } : { $message } ({ $code })
validation-row-error-column = ligne { $line }, colonne « { $column } », champ { $path } : { $message } ({ $code })
validation-missing_columns = colonne(s) absente(s) du fichier : { $missing } ; colonnes du fichier : { $header }
validation-required-key_column = La colonne clé « { $column } » est vide : elle identifie la fiche.
validation-invalid_value-default = Valeur par défaut refusée : { $error }.
validation-invalid_value-date = « { $value } » n'est pas une date : formats acceptés JJ/MM/AAAA, MM/AAAA, AAAA-MM-JJ ou AAAA.
validation-invalid_value-amount = « { $value } » n'est pas un montant (par exemple 1 234,50).

## Search
validation-query_too_long = la recherche dépasse { $max } caractères
validation-query_only_stop_words = la recherche ne contient que des mots trop courants (le, la, de…) : ajoutez un mot plus précis
