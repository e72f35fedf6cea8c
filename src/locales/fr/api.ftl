## api

## JSON API: errors of any route
api-unauthorized = Jeton d'accès manquant, invalide ou révoqué.
api-insufficient_scope = Ce jeton n'a pas la portée « { $scope } » nécessaire à cette requête.
api-not_found = Cette ressource n'existe pas.
api-validation_failed = { $n } champ(s) à corriger.
api-internal_error = Erreur interne du serveur ; elle a été journalisée.
api-docs-internal_error = erreur interne

## JSON API: request bodies and query strings
api-invalid_body = Corps de requête illisible : { $reason }
api-payload_too_large = Le corps de la requête dépasse la limite de { $limit } octets.
api-unsupported_media_type = Le corps doit être du JSON (Content-Type: application/json).
api-invalid_json-refused = Corps JSON refusé : { $message } ({ $code })
api-invalid_json-unreadable = Corps JSON illisible ({ $reason })
api-invalid_query-integer = Paramètre `{ $parameter }` invalide : « { $given } » reçu, un nombre entier attendu.
api-invalid_query-boolean = Paramètre `{ $parameter }` invalide : « { $given } » reçu, true ou false attendu.
api-invalid_query-other = Paramètre `{ $parameter }` invalide : « { $given } » reçu, une valeur d'un autre format attendu.

## JSON API: items
api-invalid_date = « { $value } » n'est pas une date AAAA-MM-JJ ni une date-heure RFC 3339.
api-unknown_code-lifecycle = « { $code } » n'est pas un état (draft, published, archived, withdrawn).
api-unknown_code-kind = « { $code } » n'est pas un type de fiche.
api-unsupported_media_type-item = Le corps de la requête doit être du JSON (Content-Type: application/json).
api-retracted = Cette fiche a été retirée le { $date } par le nœud { $node }.
api-invalid_json-patch = JSON mal formé : { $reason }
api-invalid_patch = Un patch JSON (RFC 7396) est un objet.

## Uploads (multipart/form-data) and files
api-upload-unsupported_media_type = Envoyez le fichier en multipart/form-data (champ « file »).
api-upload-media_too_large = Le fichier dépasse la taille maximale de { $limit } octets.
api-upload-too_long = Le champ « { $field } » est trop long.
api-upload-media_missing = Aucun fichier reçu (champ « file »).
api-upload-invalid_body = Envoi illisible : { $reason }
api-upload-invalid_body-utf8 = Envoi illisible : champ « { $field } » hors UTF-8
api-media-not_found = Aucun fichier à cette adresse.

## ActivityPub
api-ap-not_found-item = aucune fiche à cette adresse
api-ap-not_found-public_activity = aucune activité publique à cette adresse
api-ap-not_found-activity = aucune activité à cette adresse
api-ap-internal_error = erreur interne ; elle a été enregistrée
api-ap-missing_resource = le paramètre resource est obligatoire
api-ap-unknown_resource = aucun compte de ce nom sur ce nœud
api-ap-signature_required = ce nœud exige des requêtes signées (authorized fetch)
api-ap-overloaded = la boîte de réception est saturée ; réessayez plus tard
api-ap-backlog_full = trop d'activités attendent d'être appliquées ; réessayez plus tard
api-ap-unsupported_media_type = type de contenu « { $given } » refusé : une boîte de réception prend application/activity+json ou application/ld+json; profile="https://www.w3.org/ns/activitystreams"

## editor
page-editor-required = Ce champ est obligatoire.
page-editor-invalid_number = « { $text } » n'est pas un nombre (ex. 12 500 ou 12 500,50).
# An operation's conflict (a slug already taken…), worded by the operation.
