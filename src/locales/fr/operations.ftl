## operations
op-invalid = contenu invalide : { $errors }
op-not_found = introuvable

## operations: items and their queries
op-unknown_code-vocabulary = « { $code } » n'est pas un code de { $parameter } ; codes possibles : { $allowed }.
op-unknown_code-place = « { $code } » est inconnu du Code officiel géographique.
op-invalid_code-place = « { $code } » n'est pas un code de lieu (ex. region:76, departement:09, 09122).
op-query_too_long = La recherche dépasse { $max } caractères.
op-query_only_stop_words = La recherche ne contient que des mots trop courants (le, la, de…) : ajoutez un mot plus précis.
op-slug_taken = L'identifiant « { $slug } » est déjà utilisé par une autre fiche.
op-slug_immutable = L'identifiant d'URL d'une fiche ne change pas après sa création.
op-kind_immutable = Le type d'une fiche ne change pas après sa création.

## operations: files
op-media_quota_exceeded = Le quota de fichiers du nœud est atteint ({ $used } octets utilisés sur { $quota }, media.quota_bytes).
op-media_unknown_file = Ce fichier n'est pas sur ce nœud : envoyez-le d'abord (POST …/media).
op-media_corrupt-digest = empreinte SHA-256 différente du nom du fichier
op-media_too_large-declared = le fichier annoncé ({ $declared } octets) dépasse la limite de { $limit } octets
op-media_size_mismatch = { $got } octets reçus, { $declared } annoncés
op-media_hash_mismatch = l'empreinte SHA-256 des octets reçus ne correspond pas à celle annoncée
op-media_type_mismatch = annoncé { $declared }, reçu { $found }

## operations: accounts, tokens and the audit log
op-invalid_name = Le nom du jeton est obligatoire.
op-missing_scope = Un jeton a au moins une portée ({ $scopes }).
op-weak_credentials = Un nom d'utilisateur et un mot de passe d'au moins 10 caractères sont obligatoires.
op-invalid_role = Le rôle doit être « editor » ou « admin ».
op-unknown_code-action = « { $code } » n'est pas une action connue ({ $known }).
op-out_of_range-limit = Le nombre d'entrées par page va de 1 à { $max }.
op-invalid_cursor = Ce curseur de page n'est pas valide.

## operations: following, re-sharing and syncing peers
op-not_reshareable = Seule une fiche publiée par un autre territoire peut être repartagée.
op-unresolvable_handle = Impossible de trouver « { $target } » : { $error }
op-self_follow = Un nœud ne peut pas se suivre lui-même.
op-unreachable_actor = Impossible de lire l'acteur { $actor } : { $error }
op-actor_unreadable = impossible de lire l'acteur { $actor }
op-outbox_elsewhere = la boîte d'envoi de { $actor } est sur un autre serveur
op-outbox_page_elsewhere = la page de boîte d'envoi { $url } est sur un autre serveur

## operations: inbox
op-invalid_json = le corps n'est pas du JSON : { $error }
op-domain_blocked-actor = ce serveur ne fédère pas avec le domaine de l'acteur
op-domain_blocked-signer = ce serveur ne fédère pas avec le domaine du signataire
op-storage_unavailable = l'activité n'a pas pu être enregistrée ; réessayez plus tard
op-key_unavailable = impossible d'obtenir la clé de { $signer } : { $error }
op-key_unavailable-refetch = impossible de relire la clé de { $signer } : { $error }
op-key_not_owned = { $key } n'est pas la clé de { $actor }
op-signature_host_mismatch = la signature a été faite pour l'hôte « { $signed } », pas pour ce nœud ({ $ours })

## operations: backups
op-backup_unreadable = la sauvegarde écrite ne se relit pas
op-database_in_use = la base est utilisée : arrêtez le nœud avant de restaurer

## federation: requests to peers
federation-url_refused = URL refusée { $url } : { $reason }
federation-request_failed = échec de la requête vers { $url } : { $error }
federation-http_status = { $url } a répondu HTTP { $status }
federation-response_too_large = la réponse de { $url } dépasse la taille maximale acceptée (federation.max_response_bytes, ou la taille annoncée d'un fichier)
federation-not_json = la réponse de { $url } n'est pas du JSON : { $error }
federation-signing_failed = échec de la signature : { $error }
federation-too_many_redirects = { $url } redirige plus de { $max } fois
federation-refused-https_only = seul https est accepté
federation-refused-userinfo = identifiants refusés dans une URL
federation-refused-no_host = URL sans hôte
federation-refused-policy = hôte bloqué par la politique de fédération (federation.policy)
federation-refused-private_address = l'hôte désigne une adresse privée, locale ou de liaison (refusée en production)
federation-refused-not_a_url = ce n'est pas une URL
federation-refused-bad_location = la redirection n'a pas d'en-tête Location valide
federation-refused-redirected_id = l'id du document redirigé est sur un autre serveur
federation-refused-not_a_handle = ce n'est pas une adresse nom@hôte
federation-refused-invalid_host = hôte invalide

## federation: signatures of incoming requests
federation-signature_missing = la requête n'a pas d'en-tête Signature
federation-signature_rfc9421_unsupported = les signatures RFC 9421 ne sont pas encore acceptées ; signez selon draft-cavage
federation-signature_malformed = la signature est mal formée : { $detail }
federation-signature_algorithm_unsupported = l'algorithme de signature « { $algorithm } » n'est pas accepté ; utilisez rsa-sha256
federation-signature_header_not_signed = la signature doit couvrir l'en-tête « { $header } »
federation-date_missing = la requête n'a pas d'en-tête Date
federation-date_out_of_window = l'en-tête Date date de plus de 12 heures ou est à plus d'une heure dans le futur
federation-digest_missing = la requête n'a pas d'en-tête Digest SHA-256
federation-digest_mismatch = l'en-tête Digest ne correspond pas au corps
federation-signature_invalid = la signature ne se vérifie pas avec la clé de l'expéditeur

## federation: incoming activities and objects
federation-invalid_activity = une activité doit avoir un id (URL), un type et un acteur
federation-invalid_activity-no_object = l'activité n'a pas d'id d'objet
federation-userinfo_in_id = { $field } : { $url } contient des identifiants (user@), refusés dans un id
federation-fragment_in_id = { $field } : { $url } contient un fragment (#…), refusé dans l'id d'un objet
federation-unsupported_scheme = { $field } : { $url } n'est pas une URL http(s)
federation-insecure_id = { $field } : { $url } est en http en clair ; ce nœud n'accepte que https
federation-actor_mismatch = signée par { $signer } alors que l'acteur est { $actor }
federation-not_the_owner = l'activité de { $actor } a été lue dans la boîte d'envoi de { $owner }
federation-origin_mismatch-activity = l'id de l'activité n'est pas sur le serveur de l'acteur
federation-origin_mismatch-author = l'objet est attribué à un autre serveur
federation-origin_mismatch-object = { $actor } ne peut pas faire { $kind } sur { $object } : l'objet n'est pas sur son serveur
federation-origin_mismatch-fetched_id = { $uri } a servi un objet d'un autre id
federation-origin_mismatch-fetched_author = { $uri } n'est pas attribué à un acteur de son serveur
federation-not_public = ce nœud ne garde que des fiches publiques : un objet adressé en direct ou aux seuls abonnés n'est pas conservé

## federation: the Article other software shows
federation-article-since = depuis { $date }

## federation: TLS files named in the settings
federation-pem_setting = réglage `{ $key }` : { $path } : { $problem }
federation-pem_unreadable = fichier PEM illisible ({ $error })
federation-pem_invalid = fichier PEM invalide ({ $error })
federation-pem_no_certificate = aucun certificat (« BEGIN CERTIFICATE ») dans le fichier
federation-pem_no_private_key = aucune clé privée PEM lisible dans le fichier ({ $error })
federation-pem_unusable_ca = certificat d'autorité inutilisable ({ $error })

## storage: the database file
storage-path_unreadable = chemin de base de données illisible : { $path }
storage-open_failed = impossible d'ouvrir la base
storage-open_failed-path = impossible d'ouvrir la base { $path }
storage-migration_failed = impossible de mettre à jour le schéma de la base { $path }
storage-backup_path_not_utf8 = le chemin de la sauvegarde n'est pas en UTF-8
storage-backup_write_failed = impossible d'écrire la sauvegarde
storage-not_sqlite = ce fichier ne s'ouvre pas comme une base SQLite
storage-integrity_unchecked = impossible de vérifier l'intégrité
storage-integrity_failed = contrôle d'intégrité en échec : { $problems }
storage-not_maillage = ce n'est pas une base maillage
