## operations
op-invalid = invalid content: { $errors }
op-not_found = not found

## operations: items and their queries
op-unknown_code-vocabulary = “{ $code }” is not a { $parameter } code; possible codes: { $allowed }.
op-unknown_code-place = “{ $code }” is not in the Official Geographic Code.
op-invalid_code-place = “{ $code }” is not a place code (e.g. region:76, departement:09, 09122).
op-query_too_long = The search is longer than { $max } characters.
op-query_only_stop_words = The search only has very common words (le, la, de…): add a more specific word.
op-slug_taken = The identifier “{ $slug }” is already used by another item.
op-slug_immutable = An item's URL identifier does not change after it is created.
op-kind_immutable = An item's type does not change after it is created.

## operations: files
op-media_quota_exceeded = The node's file quota is reached ({ $used } bytes used of { $quota }, media.quota_bytes).
op-media_unknown_file = This file is not on this node: upload it first (POST …/media).
op-media_corrupt-digest = SHA-256 digest differs from the file name
op-media_too_large-declared = the announced file ({ $declared } bytes) exceeds the limit of { $limit } bytes
op-media_size_mismatch = { $got } bytes received, { $declared } announced
op-media_hash_mismatch = the SHA-256 digest of the bytes received does not match the announced one
op-media_type_mismatch = announced { $declared }, received { $found }

## operations: accounts, tokens and the audit log
op-invalid_name = The token name is required.
op-missing_scope = A token has at least one scope ({ $scopes }).
op-weak_credentials = A user name and a password of at least 10 characters are required.
op-invalid_role = The role must be “editor” or “admin”.
op-unknown_code-action = “{ $code }” is not a known action ({ $known }).
op-out_of_range-limit = The number of entries per page goes from 1 to { $max }.
op-invalid_cursor = This page cursor is not valid.

## operations: following, re-sharing and syncing peers
op-not_reshareable = Only an item published by another territory can be re-shared.
op-unresolvable_handle = Could not find “{ $target }”: { $error }
op-self_follow = A node cannot follow itself.
op-unreachable_actor = Could not read the actor { $actor }: { $error }
op-actor_unreadable = could not read the actor { $actor }
op-outbox_elsewhere = the outbox of { $actor } is on another server
op-outbox_page_elsewhere = the outbox page { $url } is on another server

## operations: inbox
op-invalid_json = the body is not JSON: { $error }
op-domain_blocked-actor = this server does not federate with the actor's domain
op-domain_blocked-signer = this server does not federate with the signer's domain
op-storage_unavailable = the activity could not be recorded; try again later
op-key_unavailable = could not get the key of { $signer }: { $error }
op-key_unavailable-refetch = could not read the key of { $signer } again: { $error }
op-key_not_owned = { $key } is not the key of { $actor }
op-signature_host_mismatch = the signature was made for the host “{ $signed }”, not for this node ({ $ours })

## operations: backups
op-backup_unreadable = the backup written cannot be read back
op-database_in_use = the database is in use: stop the node before restoring

## federation: requests to peers
federation-url_refused = URL refused { $url }: { $reason }
federation-request_failed = request to { $url } failed: { $error }
federation-http_status = { $url } answered HTTP { $status }
federation-response_too_large = the response from { $url } exceeds the maximum size accepted (federation.max_response_bytes, or the announced size of a file)
federation-not_json = the response from { $url } is not JSON: { $error }
federation-signing_failed = signing failed: { $error }
federation-too_many_redirects = { $url } redirects more than { $max } times
federation-refused-https_only = only https is accepted
federation-refused-userinfo = credentials refused in a URL
federation-refused-no_host = URL without a host
federation-refused-policy = host blocked by the federation policy (federation.policy)
federation-refused-private_address = the host points to a private, local or link-local address (refused in production)
federation-refused-not_a_url = this is not a URL
federation-refused-bad_location = the redirect has no valid Location header
federation-refused-redirected_id = the id of the redirected document is on another server
federation-refused-not_a_handle = this is not a name@host address
federation-refused-invalid_host = invalid host

## federation: signatures of incoming requests
federation-signature_missing = the request has no Signature header
federation-signature_rfc9421_unsupported = RFC 9421 signatures are not accepted yet; sign according to draft-cavage
federation-signature_malformed = the signature is malformed: { $detail }
federation-signature_algorithm_unsupported = the signature algorithm “{ $algorithm }” is not accepted; use rsa-sha256
federation-signature_header_not_signed = the signature must cover the “{ $header }” header
federation-date_missing = the request has no Date header
federation-date_out_of_window = the Date header is more than 12 hours old or more than one hour in the future
federation-digest_missing = the request has no SHA-256 Digest header
federation-digest_mismatch = the Digest header does not match the body
federation-signature_invalid = the signature does not verify with the sender's key

## federation: incoming activities and objects
federation-invalid_activity = an activity must have an id (URL), a type and an actor
federation-invalid_activity-no_object = the activity has no object id
federation-userinfo_in_id = { $field }: { $url } contains credentials (user@), refused in an id
federation-fragment_in_id = { $field }: { $url } contains a fragment (#…), refused in an object's id
federation-unsupported_scheme = { $field }: { $url } is not an http(s) URL
federation-insecure_id = { $field }: { $url } is in plain http; this node only accepts https
federation-actor_mismatch = signed by { $signer } while the actor is { $actor }
federation-not_the_owner = the activity of { $actor } was read in the outbox of { $owner }
federation-origin_mismatch-activity = the activity's id is not on the actor's server
federation-origin_mismatch-author = the object is attributed to another server
federation-origin_mismatch-object = { $actor } cannot do { $kind } on { $object }: the object is not on its server
federation-origin_mismatch-fetched_id = { $uri } served an object with another id
federation-origin_mismatch-fetched_author = { $uri } is not attributed to an actor on its server
federation-not_public = this node only keeps public items: an object addressed directly or to followers only is not kept

## federation: the Article other software shows
federation-article-since = since { $date }

## federation: TLS files named in the settings
federation-pem_setting = setting `{ $key }`: { $path }: { $problem }
federation-pem_unreadable = unreadable PEM file ({ $error })
federation-pem_invalid = invalid PEM file ({ $error })
federation-pem_no_certificate = no certificate (“BEGIN CERTIFICATE”) in the file
federation-pem_no_private_key = no readable PEM private key in the file ({ $error })
federation-pem_unusable_ca = unusable certificate authority ({ $error })

## storage: the database file
storage-path_unreadable = unreadable database path: { $path }
storage-open_failed = could not open the database
storage-open_failed-path = could not open the database { $path }
storage-migration_failed = could not update the schema of the database { $path }
storage-backup_path_not_utf8 = the backup path is not UTF-8
storage-backup_write_failed = could not write the backup
storage-not_sqlite = this file does not open as an SQLite database
storage-integrity_unchecked = could not check the integrity
storage-integrity_failed = integrity check failed: { $problems }
storage-not_maillage = this is not a maillage database
