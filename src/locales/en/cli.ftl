## cli
cli-error = error: { $error }
cli-read-failed = { $path }: cannot read
cli-write-failed = { $path }: cannot write
cli-cannot-create = cannot create { $path }
cli-cannot-create-folder = cannot create the folder { $path }
cli-cannot-write = cannot write { $path }
cli-cannot-copy = cannot copy { $from } to { $to }
cli-not-on-open-node = `{ $command }` does not run on an open node
cli-completions-write-failed = cannot write the completions

## cli: the command line's own words (clap)
cli-clap-usage = Usage:
cli-clap-commands = Commands
cli-clap-command-value = COMMAND
cli-clap-help = Print this help
cli-clap-version = Print the version
cli-clap-suggestion = ; did you mean { $suggestion }?
cli-clap-possible-values = ; possible values: { $values }
cli-clap-invalid-value = value “{ $value }” refused for { $argument }
cli-clap-invalid-value-because = value “{ $value }” refused for { $argument }: { $reason }
cli-clap-unknown-option = unknown option { $argument }
cli-clap-unknown-command = unknown command “{ $command }”
cli-clap-missing-argument = { $argument } is missing
cli-clap-missing-command = the command is missing
cli-clap-conflict = { $argument } cannot be used with { $other }
cli-clap-too-many-values = too many values for { $argument }: “{ $value }”
cli-clap-refused = command line refused ({ $kind })
cli-clap-help-hint = `maillage --help` (or `maillage COMMAND --help`) describes each command, with examples.

## cli: which node (--node)
cli-node-demo-missing = the demo node “{ $node }” does not exist in ./{ $folder }: run `maillage demo` from this folder first (it creates the nodes { $nodes })
cli-node-not-found = no node folder “{ $node }”: give with --node the folder of a node (the one holding { $file } or its database) or the name of a demo node ({ $nodes })
cli-node-no-database = no node here: the database { $database } does not exist (nothing was created).
cli-node-no-database-hint = Name an existing node with --node FOLDER, or create one with `maillage serve` in its folder.
cli-node-no-database-demo = For a demo node: maillage --node provence { $command } (nodes: { $nodes }).
cli-node-cannot-create-folder = cannot create the node's folder { $path }

## cli: serve, follow, reshare, relay, media-gc
cli-serve-database-folder-missing = the folder { $folder } of the database { $database } does not exist: create it or correct database.path
cli-serve-node-created = new node created: database { $database } (SQLite) and the node's RSA-2048 key, in that database
cli-serve-serving = node serving: { $url }
cli-serve-stopped-on-error = the HTTP server stopped on an error
cli-follow-sent = follow request sent to { $actor } (delivered by the running node)
cli-not-following = this node does not follow { $actor }
cli-unfollow-done = stopped following { $actor }
cli-media-gc-done = { $unused } unused file(s) and { $stray } stray file(s) removed
cli-reshare-unknown = no replicated item has the URI { $uri }
cli-reshare-queued = reshare queued (delivered by the running node)
cli-reshare-already = already reshared in this version
cli-relay-off = relay off
cli-relay-on = relay on: everything from this node will be reshared

## cli: token, editor, audit
cli-token-unknown-scope = unknown scope “{ $scope }” (possible scopes: { $known })
cli-token-not-created = token not created
cli-token-revoked-on = revoked on { $date }
cli-token-active = active, last used: { $date }
cli-token-never-used = never
cli-token-created-on = created on { $date }
cli-token-unknown = no active token has the id { $id }
cli-token-revoked = token { $id } revoked
cli-editor-saved = account “{ $username }” saved ({ $role })
cli-audit-empty = no entry in the audit log
cli-audit-column-date = date
cli-audit-column-actor = actor
cli-audit-column-action = action
cli-audit-column-target = target
cli-audit-column-detail = detail

## cli: backup, restore
cli-backup-target-exists = { $path } already exists: choose another file
cli-backup-written = consistent backup written to { $file } ({ $files } file(s) in { $media })
cli-restore-not-a-backup = { $file } is not a usable backup
cli-restore-cannot-set-aside = cannot set { $file } aside
cli-restore-kept = current database kept in { $file }
cli-restore-done = { $database } restored from { $file } ({ $files } file(s) put back in { $media })

## cli: import, export, spreadsheets
cli-import-refused = { $count } problem(s), nothing was imported:
cli-import-failed = cannot import { $file }
cli-import-done = { $created } created, { $updated } updated, { $unchanged } unchanged
cli-import-file_unreadable = file “{ $path }” unreadable ({ $error })
cli-import-file_unreadable-error = { $error }
cli-import-cannot-plan = cannot prepare the import
cli-import-dry-run = dry run, nothing was written: { $create } to create, { $update } to update, { $unchanged } unchanged, { $problems } problem(s)
cli-import-mapping-refused = { $file }: mapping file refused, { $error }
cli-import-mapping-refused-at-line = { $file }: mapping file refused, line { $line }: { $error }
cli-import-spreadsheet-needs-mapping = { $file }: a spreadsheet is imported with a mapping file (--mapping correspondance.toml)
cli-import-unknown-extension = { $file }: unknown extension (expected .json, .md, or .csv, .xlsx, .ods with --mapping)
cli-spreadsheet-unreadable = cannot read ({ $error })
cli-spreadsheet-csv-invalid = line { $line }: unreadable CSV (unclosed quote?)
cli-spreadsheet-workbook-unreadable = unreadable workbook ({ $error })
cli-spreadsheet-no-such-sheet = no sheet “{ $sheet }”; sheets of the workbook: { $sheets }
cli-spreadsheet-no-sheet = the workbook has no sheet
cli-spreadsheet-sheet-unreadable = sheet “{ $sheet }” unreadable ({ $error })
cli-export-cannot-read = cannot read the items
cli-export-cannot-write-json = cannot write the items as JSON
cli-export-cannot-write-markdown = cannot write an item as Markdown
cli-export-done = { $items } item(s) exported, { $files } file(s) in { $folder }
cli-export-media-unreadable = file { $sha256 } unreadable in the media folder

## cli: sync, reindex
cli-sync-nothing-followed = no followed node
cli-sync-progress = { $message } { $bar } { $position }/{ $length } activities
cli-sync-unchanged = { $peer }: nothing new
cli-sync-done = { $peer }: { $activities } activity(ies) in { $pages } page(s)
cli-sync-failed = { $peer }: failed
cli-sync-error = cannot synchronise with { $peer }: { $error }
cli-reindex-progress = reindexing { $bar } { $position }/{ $length } items ({ $rate }, { $eta } left)
cli-reindex-done = { $count } item(s) reindexed in { $seconds } s; index: { $megabytes } MB

## cli: doctor
cli-doctor-settings-file = settings { $file }
cli-doctor-settings-default = no { $file } in { $folder }: default settings and environment
cli-doctor-config-loaded = configuration loaded
cli-doctor-config-detail = node { $username } “{ $name }” at { $url } ({ $source })
cli-doctor-public-https = public address over https
cli-doctor-public-http = public address over http
cli-doctor-http-dev-only = accepted in development mode only
cli-doctor-http-production = server.base_url must be https in production
cli-doctor-dev-mode = development mode
cli-doctor-dev-mode-detail = http and private addresses allowed (not for production)
cli-doctor-database-intact = database intact
cli-doctor-database-readable = database readable
cli-doctor-media-folder = media folder
cli-doctor-media-detail = { $folder }: { $files } file(s), { $megabytes } MB of a { $quota } MB quota (media.quota_bytes)
cli-doctor-media-queue = replica files to download
cli-doctor-media-queue-detail = { $queued } waiting, { $failing } of them failing (retried later)
cli-doctor-uncoded = { $count } item(s) whose territory has no code of the reference (label only; to complete in the editor, “Places”):
cli-doctor-uncoded-item = { $slug } “{ $title }”: { $territory }
cli-doctor-uncoded-replica = { $slug } “{ $title }”: { $territory } (replica of { $origin })
cli-doctor-key = node's RSA key usable
cli-doctor-trust = certificate authorities
cli-doctor-trust-detail = { $bundled } bundled, { $system } from the system, { $extra } added (federation.extra_ca_certs)
cli-doctor-no-peers = no peer yet
cli-doctor-peer-ok = peer reachable
cli-doctor-peer-unreachable = peer unreachable
cli-doctor-problems = { $count } problem(s) found
cli-doctor-all-good = all is well
cli-doctor-tls_unknown_issuer = certificate not recognised (unknown authority: add it to federation.extra_ca_certs)
cli-doctor-tls_name_mismatch = certificate issued for another host name
cli-doctor-tls_expired = certificate expired or not yet valid
cli-doctor-tls_other = TLS connection failed
cli-doctor-timeout = no answer in time (federation.request_timeout)
cli-doctor-dns_failure = host name not found
cli-doctor-connect_failed = cannot connect
cli-doctor-network_error = network error

## cli: demo
cli-demo-item-unreadable = unreadable demo item
cli-demo-item-unreadable-rewritten = unreadable demo item after its links were rewritten
cli-demo-cannot-load = cannot load demo/{ $name }
cli-demo-ports-out-of-range = --port: the four ports must exist (65532 at most)
cli-demo-port-in-use = port { $port } is already in use on 127.0.0.1 (a demo may still be running): stop it, or choose other ports with `maillage demo --port 9000` (it takes four in a row)
cli-demo-stopping = Stopping…
cli-demo-running = maillage demo network serving:
cli-demo-editor-command = editor: echo 'a long password' | { $program } --node { $address } editor add camille --role admin
cli-demo-token-command = token:  { $program } --node { $address } token create my-tool
cli-demo-directions-end = Editors sign in: /login on each node. Settings and databases: { $folder }/<node>/. Ctrl-C to stop everything.
cli-demo-cannot-wait-signal = cannot wait for the stop signal
cli-demo-cannot-wait-ctrl-c = cannot wait for Ctrl-C

## cli: geography
cli-geography-no-match = no place matches “{ $text }”
cli-geography-outlines-written = { $file } written ({ $bytes } bytes, { $count } départements)
cli-geography-reference-unreadable = the reference produced cannot be read back: { $error }
cli-geography-compression = compressing the reference
cli-geography-reference-written = { $file } written ({ $bytes } bytes): { $counts }

## settings
settings-unreadable = unreadable settings
settings-key = setting `{ $key }`
settings-placeholder-key = (settings)
settings-unreadable-detail = unreadable
settings-config-file-missing = file not found: { $path } (option --config; check the path)
settings-hint = expected: { $expected }. Example: `{ $name } = { $example }` in the section [{ $section }] of the settings file, or { $variable }={ $bare }
settings-origin-settings = settings
settings-origin-file = file { $path }
settings-origin-env = environment variable { $variable }
settings-origin-defaults = default settings
settings-quoted = “{ $value }”
settings-actual-bool = “{ $value }” (true/false)
settings-actual-number = the number { $value }
settings-actual-text = the text “{ $value }”
settings-actual-list = a list
settings-actual-table = a table
settings-actual-empty = an empty value
settings-actual-other = this value
settings-actual-the-value = the value
settings-toml-syntax = malformed TOML, line { $line }, column { $column }
settings-unknown-key = unknown key; possible keys here: { $allowed }
settings-missing = missing setting
settings-unknown-variant = “{ $value }” is not a possible value ({ $allowed })
settings-not-accepted = { $value } is not accepted
settings-base-url-with-path = an http(s) origin without a path is expected
settings-base-url-invalid = “{ $value }” is not a URL
settings-display-name-empty = the name cannot be empty
settings-too-small = too small
settings-allowlist-empty = an allowlist (policy = "allowlist") needs at least one domain
settings-path-empty = the path cannot be empty
settings-required-with = required with { $other }
settings-host-lowercase = the host name must be in lower case

## settings: what each key accepts
settings-expected-listen-address = an IP address to listen on
settings-expected-port = a whole number from 0 to 65535 (0: a free port)
settings-expected-base-url = the node's public http(s) origin, without a path
settings-expected-max-body = a number of bytes, at least 1024
settings-expected-ip-list = a list of IP addresses
settings-expected-pem-file = the path of a PEM file
settings-expected-username = ASCII lower-case letters, digits, “-” or “_”
settings-expected-display-name = a non-empty text
settings-expected-text = a text
settings-expected-territory = place codes separated by commas, or a text
settings-expected-database-path = the path of the SQLite file
settings-expected-boolean = true or false
settings-expected-duration = a duration with its unit: 500ms, 10s, 15m, 1h
settings-expected-bytes = a number of bytes
settings-expected-at-least-one = a whole number, at least 1
settings-expected-policy = open, blocklist or allowlist
settings-expected-domains = a list of domain names
settings-expected-ca-certs = a list of paths of PEM files
settings-expected-resolve = a table host name = "address:port"
settings-expected-resolve-entry = an address and a port
settings-expected-media-directory = the path of a folder (empty: beside the database, “maillage.db.media”)
settings-expected-image-side = a number of pixels, at least 16
settings-expected-log-format = text or json
settings-expected-log-filter = a log filter: error, warn, info, debug or trace, per module

## startup
startup-invalid-listen-address = invalid listening address { $address } (server.host)
startup-port-in-use = port { $port } is already in use on { $host } (another maillage node may still be running). Stop it, or choose another port: server.port in maillage.toml, MAILLAGE__SERVER__PORT=8090 maillage serve, or maillage demo --port 9000 for the demo
startup-address-not-local = the address { $host } does not belong to this machine: correct server.host
startup-cannot-listen = cannot listen on { $address }
startup-cannot-listen-because = cannot listen on { $address }: { $error }
startup-tls-key-mismatch = the key does not match the certificate { $certificate } ({ $error })
startup-invalid-base-url = invalid public URL { $url } (server.base_url)
startup-http-client = cannot build the HTTP client
startup-cannot-start-server = cannot start the HTTP server
