## api

## JSON API: errors of any route
api-unauthorized = Missing, invalid or revoked access token.
api-insufficient_scope = This token lacks the “{ $scope }” scope this request needs.
api-not_found = This resource does not exist.
api-validation_failed = { $n } field(s) to correct.
api-internal_error = Internal server error; it has been logged.
api-docs-internal_error = internal error

## JSON API: request bodies and query strings
api-invalid_body = Unreadable request body: { $reason }
api-payload_too_large = The request body exceeds the limit of { $limit } bytes.
api-unsupported_media_type = The body must be JSON (Content-Type: application/json).
api-invalid_json-refused = JSON body refused: { $message } ({ $code })
api-invalid_json-unreadable = Unreadable JSON body ({ $reason })
api-invalid_query-integer = Invalid parameter `{ $parameter }`: “{ $given }” given, a whole number expected.
api-invalid_query-boolean = Invalid parameter `{ $parameter }`: “{ $given }” given, true or false expected.
api-invalid_query-other = Invalid parameter `{ $parameter }`: “{ $given }” given, a value of another format expected.

## JSON API: items
api-invalid_date = “{ $value }” is neither a YYYY-MM-DD date nor an RFC 3339 date-time.
api-unknown_code-lifecycle = “{ $code }” is not a state (draft, published, archived, withdrawn).
api-unknown_code-kind = “{ $code }” is not an item type.
api-unsupported_media_type-item = The request body must be JSON (Content-Type: application/json).
api-retracted = This item was withdrawn on { $date } by the node { $node }.
api-invalid_json-patch = Malformed JSON: { $reason }
api-invalid_patch = A JSON patch (RFC 7396) is an object.

## Uploads (multipart/form-data) and files
api-upload-unsupported_media_type = Send the file as multipart/form-data (field “file”).
api-upload-media_too_large = The file exceeds the maximum size of { $limit } bytes.
api-upload-too_long = The field “{ $field }” is too long.
api-upload-media_missing = No file received (field “file”).
api-upload-invalid_body = Unreadable upload: { $reason }
api-upload-invalid_body-utf8 = Unreadable upload: field “{ $field }” is not UTF-8
api-media-not_found = No file at this address.

## ActivityPub
api-ap-not_found-item = no item at this address
api-ap-not_found-public_activity = no public activity at this address
api-ap-not_found-activity = no activity at this address
api-ap-internal_error = internal error; it has been logged
api-ap-missing_resource = the resource parameter is required
api-ap-unknown_resource = no account of that name on this node
api-ap-signature_required = this node requires signed requests (authorized fetch)
api-ap-overloaded = the inbox is saturated; try again later
api-ap-backlog_full = too many activities are waiting to be applied; try again later
api-ap-unsupported_media_type = content type “{ $given }” refused: an inbox takes application/activity+json or application/ld+json; profile="https://www.w3.org/ns/activitystreams"

## editor
page-editor-required = This field is required.
page-editor-invalid_number = “{ $text }” is not a number (e.g. 12,500 or 12,500.50).
# An operation's conflict (a slug already taken…), worded by the operation.
