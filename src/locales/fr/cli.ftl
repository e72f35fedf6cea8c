## cli
cli-error = erreur : { $error }
cli-read-failed = { $path } : lecture impossible
cli-write-failed = { $path } : écriture impossible
cli-cannot-create = impossible de créer { $path }
cli-cannot-create-folder = impossible de créer le dossier { $path }
cli-cannot-write = impossible d'écrire { $path }
cli-cannot-copy = impossible de copier { $from } vers { $to }
cli-not-on-open-node = `{ $command }` ne s'exécute pas sur un nœud ouvert
cli-completions-write-failed = impossible d'écrire les complétions

## cli: the command line's own words (clap)
cli-clap-usage = Utilisation :
cli-clap-commands = Commandes
cli-clap-command-value = COMMANDE
cli-clap-help = Affiche cette aide
cli-clap-version = Affiche la version
cli-clap-suggestion = ; vouliez-vous dire { $suggestion } ?
cli-clap-possible-values = ; valeurs possibles : { $values }
cli-clap-invalid-value = valeur « { $value } » refusée pour { $argument }
cli-clap-invalid-value-because = valeur « { $value } » refusée pour { $argument } : { $reason }
cli-clap-unknown-option = option inconnue { $argument }
cli-clap-unknown-command = commande inconnue « { $command } »
cli-clap-missing-argument = il manque { $argument }
cli-clap-missing-command = il manque la commande
cli-clap-conflict = { $argument } ne va pas avec { $other }
cli-clap-too-many-values = trop de valeurs pour { $argument } : « { $value } »
cli-clap-refused = ligne de commande refusée ({ $kind })
cli-clap-help-hint = `maillage --help` (ou `maillage COMMANDE --help`) décrit chaque commande, avec des exemples.

## cli: which node (--node)
cli-node-demo-missing = le nœud de démonstration « { $node } » n'existe pas dans ./{ $folder } : lancez d'abord `maillage demo` depuis ce dossier (il crée les nœuds { $nodes })
cli-node-not-found = aucun dossier de nœud « { $node } » : indiquez avec --node le dossier d'un nœud (celui qui contient { $file } ou sa base) ou le nom d'un nœud de la démonstration ({ $nodes })
cli-node-no-database = aucun nœud ici : la base { $database } n'existe pas (rien n'a été créé).
cli-node-no-database-hint = Désignez un nœud existant avec --node DOSSIER, ou créez-en un avec `maillage serve` dans son dossier.
cli-node-no-database-demo = Pour un nœud de la démonstration : maillage --node provence { $command } (nœuds : { $nodes }).
cli-node-cannot-create-folder = impossible de créer le dossier du nœud { $path }

## cli: serve, follow, reshare, relay, media-gc
cli-serve-database-folder-missing = le dossier { $folder } de la base { $database } n'existe pas : créez-le ou corrigez database.path
cli-serve-node-created = nouveau nœud créé : base { $database } (SQLite) et clé RSA-2048 du nœud, dans cette base
cli-serve-serving = nœud en service : { $url }
cli-serve-stopped-on-error = le serveur HTTP s'est arrêté sur une erreur
cli-follow-sent = demande d'abonnement envoyée à { $actor } (livrée par le nœud en service)
cli-not-following = ce nœud ne suit pas { $actor }
cli-unfollow-done = abonnement à { $actor } arrêté
cli-media-gc-done = { $unused } fichier(s) inutilisé(s) et { $stray } fichier(s) orphelin(s) supprimé(s)
cli-reshare-unknown = aucune fiche répliquée n'a l'URI { $uri }
cli-reshare-queued = repartage en file d'attente (livré par le nœud en service)
cli-reshare-already = déjà repartagé dans cette version
cli-relay-off = relais désactivé
cli-relay-on = relais activé : tout ce qui vient de ce nœud sera repartagé

## cli: token, editor, audit
cli-token-unknown-scope = portée inconnue « { $scope } » (portées possibles : { $known })
cli-token-not-created = jeton non créé
cli-token-revoked-on = révoqué le { $date }
cli-token-active = actif, dernier usage : { $date }
cli-token-never-used = jamais
cli-token-created-on = créé le { $date }
cli-token-unknown = aucun jeton actif n'a l'identifiant { $id }
cli-token-revoked = jeton { $id } révoqué
cli-editor-saved = compte « { $username } » enregistré ({ $role })
cli-audit-empty = aucune entrée dans le journal d'audit
cli-audit-column-date = date
cli-audit-column-actor = acteur
cli-audit-column-action = action
cli-audit-column-target = cible
cli-audit-column-detail = détail

## cli: backup, restore
cli-backup-target-exists = { $path } existe déjà : choisissez un autre fichier
cli-backup-written = sauvegarde cohérente écrite dans { $file } ({ $files } fichier(s) dans { $media })
cli-restore-not-a-backup = { $file } n'est pas une sauvegarde utilisable
cli-restore-cannot-set-aside = impossible de mettre { $file } de côté
cli-restore-kept = base actuelle conservée dans { $file }
cli-restore-done = { $database } restaurée depuis { $file } ({ $files } fichier(s) remis dans { $media })

## cli: import, export, spreadsheets
cli-import-refused = { $count } problème(s), rien n'a été importé :
cli-import-failed = impossible d'importer { $file }
cli-import-done = { $created } créée(s), { $updated } mise(s) à jour, { $unchanged } inchangée(s)
cli-import-file_unreadable = fichier « { $path } » illisible ({ $error })
cli-import-file_unreadable-error = { $error }
cli-import-cannot-plan = impossible de préparer l'import
cli-import-dry-run = essai à blanc, rien n'a été écrit : { $create } à créer, { $update } à mettre à jour, { $unchanged } inchangée(s), { $problems } problème(s)
cli-import-mapping-refused = { $file } : fichier de correspondance refusé, { $error }
cli-import-mapping-refused-at-line = { $file } : fichier de correspondance refusé, ligne { $line } : { $error }
cli-import-spreadsheet-needs-mapping = { $file } : un tableur s'importe avec un fichier de correspondance (--mapping correspondance.toml)
cli-import-unknown-extension = { $file } : extension inconnue (attendu .json, .md, ou .csv, .xlsx, .ods avec --mapping)
cli-spreadsheet-unreadable = lecture impossible ({ $error })
cli-spreadsheet-csv-invalid = ligne { $line } : CSV illisible (guillemet non refermé ?)
cli-spreadsheet-workbook-unreadable = classeur illisible ({ $error })
cli-spreadsheet-no-such-sheet = pas de feuille « { $sheet } » ; feuilles du classeur : { $sheets }
cli-spreadsheet-no-sheet = le classeur n'a aucune feuille
cli-spreadsheet-sheet-unreadable = feuille « { $sheet } » illisible ({ $error })
cli-export-cannot-read = impossible de lire les éléments
cli-export-cannot-write-json = impossible d'écrire les éléments en JSON
cli-export-cannot-write-markdown = impossible d'écrire un élément en Markdown
cli-export-done = { $items } fiche(s) exportée(s), { $files } fichier(s) dans { $folder }
cli-export-media-unreadable = fichier { $sha256 } illisible dans le dossier des médias

## cli: sync, reindex
cli-sync-nothing-followed = aucun nœud suivi
cli-sync-progress = { $message } { $bar } { $position }/{ $length } activités
cli-sync-unchanged = { $peer } : rien de nouveau
cli-sync-done = { $peer } : { $activities } activité(s) en { $pages } page(s)
cli-sync-failed = { $peer } : échec
cli-sync-error = synchronisation avec { $peer } impossible : { $error }
cli-reindex-progress = réindexation { $bar } { $position }/{ $length } fiches ({ $rate }, reste { $eta })
cli-reindex-done = { $count } fiche(s) réindexée(s) en { $seconds } s ; index : { $megabytes } Mo

## cli: doctor
cli-doctor-settings-file = réglages { $file }
cli-doctor-settings-default = pas de { $file } dans { $folder } : réglages par défaut et environnement
cli-doctor-config-loaded = configuration chargée
cli-doctor-config-detail = nœud { $username } « { $name } » sur { $url } ({ $source })
cli-doctor-public-https = adresse publique en https
cli-doctor-public-http = adresse publique en http
cli-doctor-http-dev-only = acceptée en mode développement seulement
cli-doctor-http-production = server.base_url doit être en https en production
cli-doctor-dev-mode = mode développement
cli-doctor-dev-mode-detail = http et adresses privées autorisés (à ne pas utiliser en production)
cli-doctor-database-intact = base de données intègre
cli-doctor-database-readable = base de données lisible
cli-doctor-media-folder = dossier des fichiers
cli-doctor-media-detail = { $folder } : { $files } fichier(s), { $megabytes } Mo sur un quota de { $quota } Mo (media.quota_bytes)
cli-doctor-media-queue = fichiers de répliques à télécharger
cli-doctor-media-queue-detail = { $queued } en attente, dont { $failing } en échec (nouvel essai plus tard)
cli-doctor-uncoded = { $count } fiche(s) dont le territoire n'a pas de code du référentiel (libellé seul ; à compléter dans l'éditeur, « Lieux ») :
cli-doctor-uncoded-item = { $slug } « { $title } » : { $territory }
cli-doctor-uncoded-replica = { $slug } « { $title } » : { $territory } (réplique de { $origin })
cli-doctor-key = clé RSA du nœud utilisable
cli-doctor-trust = autorités de certification
cli-doctor-trust-detail = { $bundled } intégrées, { $system } du système, { $extra } ajoutées (federation.extra_ca_certs)
cli-doctor-no-peers = aucun pair pour l'instant
cli-doctor-peer-ok = pair joignable
cli-doctor-peer-unreachable = pair injoignable
cli-doctor-problems = { $count } problème(s) détecté(s)
cli-doctor-all-good = tout va bien
cli-doctor-tls_unknown_issuer = certificat non reconnu (autorité inconnue : ajoutez-la à federation.extra_ca_certs)
cli-doctor-tls_name_mismatch = certificat établi pour un autre nom d'hôte
cli-doctor-tls_expired = certificat expiré ou pas encore valide
cli-doctor-tls_other = échec de la connexion TLS
cli-doctor-timeout = pas de réponse dans le délai (federation.request_timeout)
cli-doctor-dns_failure = nom d'hôte introuvable
cli-doctor-connect_failed = connexion impossible
cli-doctor-network_error = erreur réseau

## cli: demo
cli-demo-item-unreadable = élément de démonstration illisible
cli-demo-item-unreadable-rewritten = élément de démonstration illisible après réécriture des liens
cli-demo-cannot-load = impossible de charger demo/{ $name }
cli-demo-ports-out-of-range = --port : les quatre ports doivent exister (au plus 65532)
cli-demo-port-in-use = le port { $port } est déjà utilisé sur 127.0.0.1 (une démonstration tourne peut-être encore) : arrêtez-la, ou choisissez d'autres ports avec `maillage demo --port 9000` (il en prend quatre à la suite)
cli-demo-stopping = Arrêt…
cli-demo-running = Réseau de démonstration maillage en service :
cli-demo-editor-command = éditeur : echo 'un mot de passe long' | { $program } --node { $address } editor add camille --role admin
cli-demo-token-command = jeton   : { $program } --node { $address } token create mon-outil
cli-demo-directions-end = Connexion des éditeurs : /login sur chaque nœud. Réglages et bases : { $folder }/<nœud>/. Ctrl-C pour tout arrêter.
cli-demo-cannot-wait-signal = impossible d'attendre le signal d'arrêt
cli-demo-cannot-wait-ctrl-c = impossible d'attendre Ctrl-C

## cli: geography
cli-geography-no-match = aucun lieu ne correspond à « { $text } »
cli-geography-outlines-written = { $file } écrit ({ $bytes } octets, { $count } départements)
cli-geography-reference-unreadable = le référentiel produit ne se relit pas : { $error }
cli-geography-compression = compression du référentiel
cli-geography-reference-written = { $file } écrit ({ $bytes } octets) : { $counts }

## settings
settings-unreadable = réglages illisibles
settings-key = réglage `{ $key }`
settings-placeholder-key = (réglages)
settings-unreadable-detail = illisibles
settings-config-file-missing = fichier introuvable : { $path } (option --config ; vérifiez le chemin)
settings-hint = attendu : { $expected }. Exemple : `{ $name } = { $example }` dans la section [{ $section }] du fichier de réglages, ou { $variable }={ $bare }
settings-origin-settings = réglages
settings-origin-file = fichier { $path }
settings-origin-env = variable d'environnement { $variable }
settings-origin-defaults = réglages par défaut
settings-quoted = « { $value } »
settings-actual-bool = « { $value } » (vrai/faux)
settings-actual-number = le nombre { $value }
settings-actual-text = le texte « { $value } »
settings-actual-list = une liste
settings-actual-table = une table
settings-actual-empty = une valeur vide
settings-actual-other = cette valeur
settings-actual-the-value = la valeur
settings-toml-syntax = TOML mal formé, ligne { $line }, colonne { $column }
settings-unknown-key = clé inconnue ; clés possibles ici : { $allowed }
settings-missing = réglage manquant
settings-unknown-variant = « { $value } » n'est pas une valeur possible ({ $allowed })
settings-not-accepted = { $value } n'est pas accepté
settings-base-url-with-path = une origine http(s) sans chemin est attendue
settings-base-url-invalid = « { $value } » n'est pas une URL
settings-display-name-empty = le nom ne peut pas être vide
settings-too-small = trop petit
settings-allowlist-empty = une liste d'autorisation (policy = "allowlist") demande au moins un domaine
settings-path-empty = le chemin ne peut pas être vide
settings-required-with = nécessaire avec { $other }
settings-host-lowercase = le nom d'hôte doit être en minuscules

## settings: what each key accepts
settings-expected-listen-address = une adresse IP d'écoute
settings-expected-port = un nombre entier de 0 à 65535 (0 : un port libre)
settings-expected-base-url = l'origine http(s) publique du nœud, sans chemin
settings-expected-max-body = un nombre d'octets, au moins 1024
settings-expected-ip-list = une liste d'adresses IP
settings-expected-pem-file = le chemin d'un fichier PEM
settings-expected-username = des minuscules ASCII, des chiffres, « - » ou « _ »
settings-expected-display-name = un texte non vide
settings-expected-text = un texte
settings-expected-territory = des codes de lieu séparés par des virgules, ou un texte
settings-expected-database-path = le chemin du fichier SQLite
settings-expected-boolean = true ou false
settings-expected-duration = une durée avec son unité : 500ms, 10s, 15m, 1h
settings-expected-bytes = un nombre d'octets
settings-expected-at-least-one = un nombre entier, au moins 1
settings-expected-policy = open, blocklist ou allowlist
settings-expected-domains = une liste de noms de domaine
settings-expected-ca-certs = une liste de chemins de fichiers PEM
settings-expected-resolve = une table nom d'hôte = "adresse:port"
settings-expected-resolve-entry = une adresse et un port
settings-expected-media-directory = le chemin d'un dossier (vide : à côté de la base, « maillage.db.media »)
settings-expected-image-side = un nombre de pixels, au moins 16
settings-expected-log-format = text ou json
settings-expected-log-filter = un filtre de journal : error, warn, info, debug ou trace, par module

## startup
startup-invalid-listen-address = adresse d'écoute invalide { $address } (server.host)
startup-port-in-use = le port { $port } est déjà utilisé sur { $host } (un autre nœud maillage tourne peut-être encore). Arrêtez-le, ou choisissez un autre port : server.port dans maillage.toml, MAILLAGE__SERVER__PORT=8090 maillage serve, ou maillage demo --port 9000 pour la démonstration
startup-address-not-local = l'adresse { $host } n'appartient pas à cette machine : corrigez server.host
startup-cannot-listen = impossible d'écouter sur { $address }
startup-cannot-listen-because = impossible d'écouter sur { $address } : { $error }
startup-tls-key-mismatch = la clé ne va pas avec le certificat { $certificate } ({ $error })
startup-invalid-base-url = URL publique invalide { $url } (server.base_url)
startup-http-client = impossible de construire le client HTTP
startup-cannot-start-server = impossible de démarrer le serveur HTTP
