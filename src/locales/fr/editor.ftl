# The editors' area: sign-in, dashboard, item forms, retraction.

# Sign-in
editor-login-title = Connexion
editor-login-heading = Espace éditeur : connexion
editor-login-intro = Les éditeurs et éditrices de ce nœud se connectent ici pour publier, modifier ou retirer des fiches.
editor-username = Identifiant
editor-password = Mot de passe
editor-log-in = Se connecter
editor-login-no-account = Pas de compte ? Un administrateur du nœud peut en créer un avec
editor-login-refused = Identifiant ou mot de passe incorrect.
editor-login-throttled = Trop d'essais infructueux : ce compte est bloqué pour quelques minutes.
editor-csrf-refused = Le jeton de sécurité du formulaire est absent ou invalide (la session a peut-être expiré). Rechargez la page et recommencez.

# Dashboard
editor-overdue =
    { $n ->
    [one] { $n } fiche publiée a dépassé leur date de revue : elles sont signalées « à revoir » ci-dessous.
    *[other] { $n } fiches publiées ont dépassé leur date de revue : elles sont signalées « à revoir » ci-dessous.
    }
# Follows the link to the peers page (mind the leading space in French).
editor-peers-description = { " " }: qui suit ce nœud, quels nœuds il suit, et l'état des échanges.
editor-write-new = Rédiger une nouvelle fiche
editor-section-drafts = Brouillons
editor-section-published = Publiées
editor-section-archived = Archivées
editor-section-withdrawn = Retirées
editor-no-items = Aucune fiche.
editor-updated-on = mis à jour le { $date }
editor-review-badge = à revoir
editor-edit = Modifier
editor-quoted-title = « { $title } »
editor-view-public-page = Voir la page publique
editor-public-page-of = de « { $title } »
editor-truncated = Seules les { $n } plus récentes sont affichées.
editor-retracted-notice = La fiche « { $slug } » a été retirée : elle n'est plus publique et les territoires abonnés en sont informés.

# Choosing the kind of a new item
editor-new-item = Nouvelle fiche
editor-choose-kind = Quel type de fiche voulez-vous rédiger ?

# The item form
editor-new-heading = Nouvelle fiche : { $kind }
editor-edit-heading = Modifier « { $title } »
editor-saved = Fiche enregistrée (révision { $revision }).
editor-unchanged = Aucune modification : la fiche est restée telle quelle.
editor-missing-kind = Le type de fiche est manquant ou inconnu. Recommencez depuis l'espace éditeur.
editor-errors-heading =
    { $n ->
    [one] { $n } point à corriger — rien n'a été enregistré
    *[other] { $n } points à corriger — rien n'a été enregistré
    }
editor-preview-heading = Aperçu — non enregistré
editor-preview-note = Voici la fiche telle qu'elle sera publiée. Elle n'est pas encore enregistrée : utilisez « Enregistrer » en bas du formulaire.
editor-form-intro = Type : { $kind }. Un brouillon peut rester incomplet ; les champs marqués « obligatoire pour publier » le deviennent à la publication.
editor-required-to-publish = (obligatoire pour publier)
editor-required-rows = (au moins une ligne pour publier)
editor-rows-hint = Laissez une ligne vide pour ne rien ajouter ; videz une ligne pour la supprimer.
editor-row-title = Ligne { $n }
# How the error summary names an input in a row of a list.
editor-row-field = { $group }, ligne { $n } — { $field }
# One entry of the error summary.
editor-summary-entry = { $field } : { $message }
editor-not-specified = — Non précisé —
editor-unknown-value = { $code } (valeur inconnue)
editor-save = Enregistrer
editor-preview = Prévisualiser
editor-add-rows = Ajouter des lignes
editor-retract-link = Retirer la fiche…

# Retraction
editor-retract-heading = Retirer « { $title } »
editor-back-to-item = Retour à la fiche
editor-already-retracted = Cette fiche est déjà retirée.
editor-retract-explanation = Une fiche retirée n'est plus publique : elle quitte le catalogue et les territoires abonnés sont informés de son retrait. Son historique est conservé et vous pourrez la republier en changeant son état.
editor-retract-button = Retirer la fiche
editor-cancel = Annuler

# The item form: section titles
field-section-presentation = Présentation
field-section-territory = Territoire
field-section-themes = Thématiques
field-section-authors = Auteurs et autrices
field-section-documents = Documents
field-section-lineage = Filiation et revue
field-section-translations = Traductions
field-section-carrier = Structure porteuse
field-section-project = Le projet
field-section-partners = Partenaires
field-section-funding = Coût et financement
field-section-history = Historique et organisation
field-section-results = Résultats et effets
field-section-problem = Problème et objectifs
field-section-method-steps = Étapes de la méthode
field-section-means = Outils et moyens nécessaires
field-section-success = Facteurs de réussite et écueils
field-section-transferability = Maturité et transférabilité
field-section-subject = Objet, période et témoin
field-section-account = Contexte, résultats, difficultés
field-section-effects = Effets utiles et enseignements
field-section-registers = Les six registres du modèle économique
field-section-costs = Coûts, financement et pratiques

# The item form: field labels
field-beneficiary = Bénéficiaire (pour qui)
field-effect = Effet
field-effect-kind = Nature
field-evidence-level = Niveau de preuve
field-funder = Financeur
field-amount = Montant (€)
field-funding-type = Type de financement
field-status = Statut
field-programme = Programme
field-title = Titre
field-slug = Identifiant d'URL
field-summary = Résumé
field-body = Texte
field-lifecycle = État
field-language = Langue
field-license = Licence
field-territory-places = Lieux
field-territory-label = Libellé du périmètre
field-place-search = Chercher une commune, une intercommunalité, un département ou une région
field-place-search-button = Chercher
field-place-none = Aucun lieu choisi.
field-place-found = Lieux trouvés : cochez ceux du territoire, puis enregistrez.
field-scale = Échelle
field-lat = Latitude
field-lon = Longitude
field-pillars = Piliers de l'économie circulaire
field-activity-domains = Domaines d'activité
field-resources = Ressources
field-food-themes = Thèmes alimentaires
field-target-audiences = Publics cibles
field-tags = Mots-clés libres
field-authors = Auteurs et autrices
field-name = Nom
field-role = Rôle
field-documents = Documents liés
field-url = Adresse (URL)
field-media-type = Format
field-inspired-by = Inspirée de
field-last-reviewed = Dernière revue
field-review-due = Prochaine revue prévue
field-translations = Traductions
field-translated-title = Titre traduit
field-translated-summary = Résumé traduit
field-translated-body = Texte traduit (Markdown)
field-carrier-name = Nom de la structure
field-org-type = Type de structure
field-siren = SIREN
field-siret = SIRET
field-rna = RNA
field-nature = Nature de l'initiative
field-phase = Phase
field-location = Localisation
field-perimeter = Périmètre
field-start-date = Date de début
field-end-date = Date de fin
field-objectives = Objectifs
field-partners = Partenaires
field-organisation = Organisation
field-consortium = Membres du consortium
field-total-cost = Coût total (€)
field-funding = Plan de financement
field-stages = Étapes et historique
field-stage = Étape
field-start = Début
field-end = Fin
field-description = Description
field-work-packages = Groupes de travail
field-code = Code
field-human-means = Moyens humains
field-technical-means = Moyens techniques et méthodes
field-practices-used = Bonnes pratiques utilisées
field-qualitative-results = Résultats qualitatifs
field-key-figures = Chiffres clés
field-indicator = Indicateur
field-value = Valeur
field-unit = Unité
field-date = Date
field-baseline = Référence
field-target = Cible
field-useful-effects = Effets utiles
field-evaluation-dimensions = Dimensions d'évaluation
field-events = Événements
field-event = Événement
field-place = Lieu
field-problem = Problème ou contexte
field-target-actors = Acteurs ciblés
field-steps = Étapes, dans l'ordre
field-step-name = Nom de l'étape
field-step-section = Section
field-tools = Outils
field-participants = Participants
field-duration = Durée
field-tools-and-supports = Outils et supports
field-financial-means = Moyens financiers
field-technical-resources = Moyens techniques
field-success-factors = Facteurs de réussite
field-pitfalls = Écueils à éviter
field-maturity = Maturité
field-transferability = Transférabilité
field-evidence = Mises en œuvre documentées
field-about-item = Fiche projet concernée (URI)
field-about-label = … ou libellé du projet
field-period-start = Début de la période couverte
field-period-end = Fin de la période couverte
field-speaker-name = Qui témoigne (nom)
field-speaker-role = Rôle de la personne qui témoigne
field-context = Contexte
field-results = Résultats
field-difficulties = Difficultés, ce qui n'a pas marché
field-recommendations = Recommandations
field-value-proposition = Proposition de valeur
field-register-resources = Ressources matérielles et immatérielles
field-contracting = Contractualisation
field-funding-and-value-sharing = Financement et partage de la valeur
field-governance = Gouvernance
field-costs = Coûts
field-practices = Bonnes pratiques utilisées ou produites

# The item form: hints under the fields
field-hint-lines = Une entrée par ligne.
field-hint-uris = Adresses (URI) de fiches, sur ce nœud ou un autre ; une par ligne.
field-hint-partial-date = AAAA, AAAA-MM ou AAAA-MM-JJ.
field-hint-euros = En euros, ex. 12 500 ou 12 500,50.
field-hint-programme = ex. AMI Démonstrateurs territoriaux – France 2030
field-hint-slug = Minuscules sans accent, chiffres et tirets. Laissez vide pour le déduire du titre ; il ne change plus ensuite.
field-hint-summary = Texte brut, 500 caractères au plus : c'est ce que montrent les autres logiciels du fédivers.
field-hint-body = Markdown : titres (#), listes (-), liens [texte](https://…), *italique*, **gras**.
field-hint-lifecycle = Un brouillon n'est visible que des éditeurs ; une fiche publiée est diffusée aux territoires abonnés.
field-hint-language = Code BCP-47, ex. fr, oc, fr-FR.
field-hint-territory-places = Les lieux du Code officiel géographique (INSEE) où se situe la fiche : leurs noms s'écrivent alors de la même façon sur tous les nœuds, et les filtres par région ou département les trouvent.
field-hint-territory-label = Pour un périmètre sans code (PETR, pays, bassin de vie, quartier) : ex. « PETR de l'Ariège ». Sinon, laissez vide.
field-hint-nine-digits = 9 chiffres.
field-hint-lat = ex. 43,5297
field-hint-lon = ex. 5,4474
field-hint-authors = Les personnes qui ont écrit la fiche (nom et rôle).
field-hint-media-type = ex. application/pdf
field-hint-inspired-by = Adresses (URI) des fiches, sur n'importe quel nœud, que celle-ci adapte ; une par ligne.
field-hint-review-due = Passé cette date, la fiche est signalée « à revoir ».
field-hint-fourteen-digits = 14 chiffres.
field-hint-work-package-code = ex. Gt1
field-hint-steps = Au moins une étape. « Section » regroupe des étapes (ex. démarche initiale).
field-hint-resources-needed = Au moins un des trois types de moyens.
field-hint-transferability = Conditions et adaptations pour un autre territoire.
field-hint-about-item = L'adresse de la fiche projet, ici ou sur un autre nœud ; ou bien un libellé ci-dessous.
field-hint-slug-fixed = L'identifiant d'URL ne change pas après la création.

field-hint-aid-amount = En euros. Laissez vide si la source ne donne que le taux et l'assiette.
field-aid-rate = Taux d'aide (%)
field-hint-percent = Un pourcentage entre 0 et 100.
field-eligible-base = Assiette éligible
field-tax-basis = HT ou TTC
field-budget-share = Part du budget (%)
field-purpose = Objet (animation, investissement…)
field-plan = Plan ou scénario
field-hint-plan = Regroupe les lignes d'un même plan de financement.
field-section-contacts = Contacts
field-contacts = Contacts
field-hint-contacts = Une structure, une personne ou les deux. Le nom, le courriel et le téléphone d'une personne restent sur ce nœud, visibles des seuls éditeurs, tant que la case « Publier ces coordonnées » n'est pas cochée.
field-person = Personne
field-email = Courriel
field-phone = Téléphone
field-website = Site web
field-contact-public = Publier ces coordonnées
field-hint-contact-public = Cochez seulement avec l'accord de la personne.
field-section-recognitions = Labels et distinctions
field-recognitions = Labels, prix, sélections et marques
field-recognition-kind = Nature
field-issuer = Décerné par
field-valid-until = Valable jusqu'à
field-details = Précisions
field-section-sources = Sources et rédaction
field-sources = Sources
field-consulted = Consulté le
field-page-author = Autrice ou auteur de la fiche
field-page-moderator = Modération de la fiche
field-document-kind = Type de document
field-project-context = Contexte et appel auquel le projet répond
field-approach = Démarche et cadre (triple performance…)
field-section-objectives = Objectifs, hypothèses et risques
field-objective = Objectif
field-objective-level = Niveau
field-hypotheses = Hypothèses de travail
field-risks = Risques et limites assumés
field-relationship = Relation
field-staffing = Équipe (postes et temps de travail)
field-post = Poste ou rôle
field-headcount = Nombre de personnes
field-fte = Temps de travail (% d'ETP)
field-hint-fte = 100 = un temps plein.
field-external-methods = Méthodes et outils extérieurs au réseau
field-event-format = Format
field-speakers = Intervenants
field-hosts = Structures d'accueil
field-attendance = Nombre de participants
editor-files-heading = Images et documents
editor-files-none = Aucun fichier pour l'instant.
editor-file-remove = Retirer
editor-file-file = Fichier
editor-file-file-hint = JPEG, PNG ou WebP (10 Mo au plus) ; PDF, OpenDocument, Word, Excel, PowerPoint, CSV ou texte (25 Mo au plus). Les images sont réenregistrées sans leurs métadonnées (EXIF, GPS).
editor-file-title = Titre
editor-file-alt = Texte alternatif (images)
editor-file-alt-hint = Ce que montre l'image, pour les personnes qui ne la voient pas. Obligatoire pour publier une image.
editor-file-credit = Crédit (autrice, auteur, structure)
editor-file-license = Licence
editor-file-cover-choice = Image de couverture (montrée en tête de la fiche et sur les cartes)
editor-file-upload = Ajouter le fichier
editor-file-cover = couverture
editor-file-no-alt = sans texte alternatif
editor-file-added = Fichier ajouté (révision { $revision }).
editor-file-removed = Fichier retiré (révision { $revision }).
editor-file-license-hint = Sans choix, le fichier prend la licence de la fiche.

## Place picker (with JavaScript)
field-place-added = ajouté aux lieux
field-place-found-count = lieux proposés
