## validation

## Checks of one field: lengths, lists, codes, addresses, dates, numbers
validation-too_long = This text is longer than { $max } characters.
validation-too_many = No more than { $max } entries.
validation-unknown_code = “{ $value }” is not an allowed value (possible values: { $allowed }).
validation-duplicate = “{ $value }” appears twice.
validation-invalid_url = “{ $value }” is not a valid http(s) address.
validation-invalid_date = “{ $value }” is not a date (YYYY, YYYY-MM or YYYY-MM-DD).
validation-invalid_date-end_before_start = The end date is before the start date.
validation-invalid_date-review = The next review date is before the last review.
validation-invalid_language = “{ $value }” is not a BCP-47 language code (e.g. fr, fr-FR, oc).
validation-invalid_number-amount = The amount must be a positive number (in euros).
validation-invalid_number-value = The value must be a number.
validation-invalid_code-siren = The SIREN number has 9 digits.
validation-invalid_code-siret = The SIRET number has 14 digits.
validation-invalid_slug = The URL identifier may contain only lowercase letters without accents, digits and hyphens.
validation-invalid_email = “{ $value }” is not a valid e-mail address.
validation-invalid_phone = “{ $value }” is not a phone number (digits, spaces, +, dots; e.g. 05 61 02 03 04).
validation-out_of_range-fte = The working time is a percentage of a full-time post between 0 and { $max } (100 = one full-time post).
validation-out_of_range-rate = The aid rate is a percentage between 0 and 100.
validation-out_of_range-share = The share of the budget is a percentage between 0 and 100.
validation-inconsistent_amount = The amount ({ $amount } €) does not match the rate applied to the eligible base ({ $rate } % of { $base } € = { $expected } €). Leave the amount empty when the source does not give it.
validation-shares_over_total = The shares of the budget add up to { $total } %, more than 100 %.
validation-shares_over_total-plan = The shares of the budget of plan “{ $plan }” add up to { $total } %, more than 100 %.

## Required fields
validation-required-kind = The kind of item is required (project_sheet, good_practice or experience).
validation-required-title = A title is required.
validation-required-title-draft = A title is required, even for a draft.
validation-required-summary = A summary is required.
validation-required-body = The text is required.
validation-required-license = A licence is required.
validation-required-authors = Give at least one author.
validation-required-name = A name is required.
validation-required-tag = A keyword cannot be empty.
validation-required-document-title = The document's title is required.
validation-required-project_sheet = The fields of the project sheet are required.
validation-required-good_practice = The fields of the good practice are required.
validation-required-experience = The fields of the experience report are required.
validation-required-carrier = The lead organisation is required.
validation-required-carrier-name = The name of the lead organisation is required.
validation-required-status = The status of the project is required.
validation-required-location = The location is required.
validation-required-perimeter = The scope is required.
validation-required-start_date = The start date is required.
validation-required-partner-name = The partner's name is required.
validation-required-step-name = The name of the step is required.
validation-required-work_package-code = The code of the work package is required.
validation-required-work_package-name = The name of the work package is required.
validation-required-event-name = The name of the event is required.
validation-required-problem = The problem or context is required.
validation-required-objectives = Give at least one objective.
validation-required-steps = A method has at least one step.
validation-required-resources_needed = Give the resources needed (human, financial or technical).
validation-required-maturity = The maturity is required.
validation-required-transferability = The conditions of transferability are required.
validation-required-about = Give the project sheet concerned (URI) or a name.
validation-required-period = The period covered is required.
validation-required-period-start = The start of the period is required.
validation-required-speaker = Say who is speaking (role).
validation-required-context = The context is required.
validation-required-results = The results are required.
validation-required-difficulties = The difficulties met are required.
validation-required-beneficiary = A useful effect always has a beneficiary.
validation-required-effect = Describe the effect.
validation-required-funder = The funder is required.
validation-required-source = A source has an address, a title or both.
validation-required-recognition-name = The name of the label or award is required.
validation-required-contact = A contact names an organisation, a person or both.
validation-required-objective = The objective is empty.
validation-required-hypothesis = A hypothesis cannot be empty.
validation-required-risk = A risk cannot be empty.
validation-required-staffing-role = The post or role is required.
validation-required-indicator = The name of the indicator is required.
validation-required-method-name = The name of the method is required.
validation-required-list-name = A name cannot be empty.

## Territory
validation-required-territory = The territory is required: choose a place (municipality, EPCI, département, region) or write a name.
validation-required-scale = The scale of the territory is required.
validation-too_many-places = No more than { $max } places.
validation-invalid_code-place = “{ $value }” is not a place code: write e.g. commune:09122, departement:09 or region:76.
validation-wrong_level = “{ $value }” is not a code of this level: expected { validation-level-example }.
# How the codes of a level ($level: a code prefix) are written.
validation-level-example = { $level ->
        [country] country:FR
        [region] region:76 (2 digits)
        [departement] departement:09, departement:2A or departement:974
        [epci] epci:200066231 (SIREN, 9 digits)
       *[commune] commune:09122 (INSEE code, 5 characters)
    }
validation-unknown_code-place = “{ $value }” is not in the Code officiel géographique ({ $source }).
validation-invalid_code-insee = “{ $value }”: the INSEE code has 5 characters (e.g. 13001, 2A004).
validation-invalid_code-epci = “{ $value }”: the SIREN code of the EPCI has 9 digits.
validation-out_of_range-lat = The latitude must be between -90 and 90.
validation-out_of_range-lon = The longitude must be between -180 and 180.
validation-required-lat = Give the latitude with the longitude.
validation-required-lon = Give the longitude with the latitude.
validation-outside_france = The point ({ $lat }; { $lon }) lies outside France (mainland, Corsica and the overseas départements).

## Attached files
validation-too_many_covers = One cover picture per item at most.
validation-required-media-kind = The kind of file (image or document) is required.
validation-required-media-title = The file's title is required.
validation-required-alt = Describe the picture in a few words (alternative text), for people who cannot see it.
validation-cover_not_an_image = Only a picture can be the cover.
validation-required-thumbnail = A picture has a thumbnail.
validation-not_allowed-thumbnail = Only a picture has a thumbnail.
validation-invalid_digest = A SHA-256 digest has 64 lowercase hexadecimal characters.
validation-media_type_unsupported-here = The type “{ $media_type }” is not accepted here.
validation-required-dimensions = A picture has a width and a height.

## Files refused before they are stored
validation-media_type_unsupported = This type of file is not accepted ({ validation-media-content }). Accepted types: JPEG, PNG, WebP, PDF, OpenDocument, Word, Excel, PowerPoint, CSV, text.
# What a refused file holds ($content); `named`: the type in $found.
validation-media-content = { $content ->
        [binary] unknown binary file
        [control_characters] text with control characters
        [markup] HTML or XML
        [other_opendocument] OpenDocument archive of another type
        [zip] ZIP archive
       *[named] { $found }
    }
validation-media_svg_refused = SVG pictures are not accepted (they can contain code): send a PNG or a JPEG.
validation-media_type_mismatch = The file's content ({ $found }) does not match its name (“.{ $extension }”).
validation-media_polyglot = This file is valid in several formats at once (a polyglot file): it is refused.
validation-media_corrupt = The file is damaged or unreadable: { validation-media-damage }.
# What is damaged ($damage); $error: the decoder's words, or the reason given as text.
validation-media-damage = { $damage ->
        [pdf_version] PDF header without a version (%PDF-1.x or %PDF-2.x)
        [pdf_end] PDF without an end marker (%%EOF)
        [image_header] unreadable picture header ({ $error })
        [no_pixel] picture without pixels
        [image] unreadable picture ({ $error })
        [reencoding] the picture could not be encoded again ({ $error })
       *[described] { $error }
    }
validation-media_too_many_pixels = The picture is { $width } × { $height } pixels: no more than { $max_side } pixels a side nor { $max_megapixels } megapixels.
validation-media_too_large = The file is larger than the limit of { $limit } bytes for this type.
validation-media_bad_file_name = The file name “{ $name }” is refused: no path (/, \, ..) nor control character, 200 characters at most.
validation-media_empty = The file is empty.

## What the parsers refuse (JSON, YAML, forms)
validation-invalid_date-last_reviewed = Invalid date: accepted format YYYY-MM-DD, e.g. 2025-03-14.
validation-invalid_date-review_due = Invalid date: accepted format YYYY-MM-DD, e.g. 2026-03-14.
validation-invalid_date-published = Invalid date: accepted format YYYY-MM-DDTHH:MM:SSZ, e.g. 2025-03-14T09:30:00Z.
validation-unknown_field = Unknown field “{ $field }”.
validation-unknown_field-hint = Unknown field “{ $field }”; possible fields here: { $expected }.
validation-unknown_code-variant = Unknown value “{ $value }”; possible values: { $expected }.
validation-required-field = Missing required field: “{ $field }”.
validation-invalid_type = Wrong type: received { validation-serde-received }, expected { validation-serde-expected }.
# The kind of value received ($received), with its text ($received_text).
validation-serde-received = { $received ->
        [text] the text { $received_text }
        [number] the number { $received_text }
        [value] the value { $received_text }
        [list] a list
        [object] an object
        [string] a text
        [boolean] true or false
        [null] an empty value (null)
        [integer] a whole number
        [float] a number
        [date] a date
       *[other] “{ $received_text }”
    }
# The kind of value expected ($expected), with its text ($expected_text).
validation-serde-expected = { $expected ->
        [text] the text { $expected_text }
        [number] the number { $expected_text }
        [value] the value { $expected_text }
        [list] a list
        [object] an object
        [string] a text
        [boolean] true or false
        [null] an empty value (null)
        [integer] a whole number
        [float] a number
        [date] a date
       *[other] “{ $expected_text }”
    }
validation-invalid_value-length = Wrong number of entries.
validation-invalid_value = Value refused ({ validation-serde-syntax }).
validation-invalid_json = Malformed JSON, line { $line }, column { $column }: { validation-serde-syntax }.
validation-invalid_yaml = Malformed YAML: { validation-serde-syntax }.
# A syntax error ($problem), without its position.
validation-serde-syntax = { $problem ->
        [eof] the text stops before the end (a quotation mark, a brace or a bracket is not closed)
        [expected_value] a value is expected (text in quotation marks, number, true, false, null, object or list)
        [expected_comma_or_brace] a comma or a closing brace “{"}"}” is expected
        [expected_comma_or_bracket] a comma or a closing bracket “]” is expected
        [expected_colon] a colon “:” is expected after the field name
        [key_not_a_string] a field name must be in quotation marks
        [trailing_comma] a comma is left over before the end of the object or list
        [trailing_characters] text follows the end of the JSON document
        [control_character] a control character (line break…) must be escaped in a text
        [invalid_escape] an escape sequence (\…) is invalid
        [invalid_number] a number is invalid
        [expected_ident] an unknown word: only true, false and null are written without quotation marks
        [yaml] the YAML indentation or punctuation is incorrect
       *[other] incorrect syntax
    }
validation-invalid_type-not_object = An item is a JSON object ({"{"} … {"}"}).
validation-missing_front_matter = The file must start with a YAML header between “---” lines.
validation-missing_front_matter-unclosed = The YAML header is not closed by a “---” line.

## Where a problem is, in an import file or a spreadsheet
validation-file-error = field { $path }: { $message } ({ $code })
validation-file-error-line = line { $line }, field { $path }: { $message } ({ $code })
validation-file-error-item = item { $item }, field { $path }: { $message } ({ $code })
validation-file-error-line-item = line { $line }, item { $item }, field { $path }: { $message } ({ $code })
validation-row-error = line { $line }, field { $path }: { $message } ({ $code })
validation-row-error-column = line { $line }, column “{ $column }”, field { $path }: { $message } ({ $code })
validation-missing_columns = column(s) missing from the file: { $missing }; columns of the file: { $header }
validation-required-key_column = The key column “{ $column }” is empty: it identifies the item.
validation-invalid_value-default = Default value refused: { $error }.
validation-invalid_value-date = “{ $value }” is not a date: accepted formats DD/MM/YYYY, MM/YYYY, YYYY-MM-DD or YYYY.
validation-invalid_value-amount = “{ $value }” is not an amount (e.g. 1 234,50).

## Search
validation-query_too_long = the search is longer than { $max } characters
validation-query_only_stop_words = the search has only very common words (le, la, de…): add a more specific word
