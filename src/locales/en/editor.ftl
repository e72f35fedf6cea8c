# The editors' area: sign-in, dashboard, item forms, retraction.

# Sign-in
editor-login-title = Sign in
editor-login-heading = Editors' area: sign in
editor-login-intro = This node's editors sign in here to publish, edit or withdraw items.
editor-username = Username
editor-password = Password
editor-log-in = Sign in
editor-login-no-account = No account? A node administrator can create one with
editor-login-refused = Incorrect username or password.
editor-login-throttled = Too many failed attempts: this account is locked for a few minutes.
editor-csrf-refused = The form's security token is missing or invalid (your session may have expired). Reload the page and try again.

# Dashboard
editor-overdue =
    { $n ->
    [one] { $n } published item is past its review date: it is marked “to review” below.
    *[other] { $n } published items are past their review date: they are marked “to review” below.
    }
# Follows the link to the peers page (mind the leading space in French).
editor-peers-description = : who follows this node, which nodes it follows, and the state of exchanges with them.
editor-write-new = Write a new item
editor-section-drafts = Drafts
editor-section-published = Published
editor-section-archived = Archived
editor-section-withdrawn = Withdrawn
editor-no-items = No items.
editor-updated-on = updated { $date }
editor-review-badge = to review
editor-edit = Edit
editor-quoted-title = “{ $title }”
editor-view-public-page = View the public page
editor-public-page-of = of “{ $title }”
editor-truncated = Only the { $n } most recent are shown.
editor-retracted-notice = The item “{ $slug }” has been withdrawn: it is no longer public and following territories have been told.

# Choosing the kind of a new item
editor-new-item = New item
editor-choose-kind = What kind of item do you want to write?

# The item form
editor-new-heading = New item: { $kind }
editor-edit-heading = Edit “{ $title }”
editor-saved = Item saved (revision { $revision }).
editor-unchanged = No changes: the item was left as it was.
editor-missing-kind = The kind of item is missing or unknown. Start again from the editors' area.
editor-errors-heading =
    { $n ->
    [one] { $n } issue to fix — nothing has been saved
    *[other] { $n } issues to fix — nothing has been saved
    }
editor-preview-heading = Preview — not saved
editor-preview-note = This is the item as it will be published. It is not saved yet: use “Save” at the bottom of the form.
editor-form-intro = Kind: { $kind }. A draft may stay incomplete; fields marked “required to publish” become required on publication.
editor-required-to-publish = (required to publish)
editor-required-rows = (at least one row to publish)
editor-rows-hint = Leave a row empty to add nothing; empty a row to remove it.
editor-row-title = Row { $n }
# How the error summary names an input in a row of a list.
editor-row-field = { $group }, row { $n } — { $field }
# One entry of the error summary.
editor-summary-entry = { $field }: { $message }
editor-not-specified = — Not specified —
editor-unknown-value = { $code } (unknown value)
editor-save = Save
editor-preview = Preview
editor-add-rows = Add rows
editor-retract-link = Withdraw the item…

# Retraction
editor-retract-heading = Withdraw “{ $title }”
editor-back-to-item = Back to the item
editor-already-retracted = This item has already been withdrawn.
editor-retract-explanation = A withdrawn item is no longer public: it leaves the catalogue and following territories are told it has been withdrawn. Its history is kept, and you can publish it again by changing its state.
editor-retract-button = Withdraw the item
editor-cancel = Cancel

# The item form: section titles
field-section-presentation = Presentation
field-section-territory = Territory
field-section-themes = Themes
field-section-authors = Authors
field-section-documents = Documents
field-section-lineage = Lineage and review
field-section-translations = Translations
field-section-carrier = Lead organisation
field-section-project = The project
field-section-partners = Partners
field-section-funding = Cost and funding
field-section-history = History and organisation
field-section-results = Results and effects
field-section-problem = Problem and objectives
field-section-method-steps = Steps of the method
field-section-means = Tools and means needed
field-section-success = Success factors and pitfalls
field-section-transferability = Maturity and transferability
field-section-subject = Subject, period and witness
field-section-account = Context, results, difficulties
field-section-effects = Useful effects and lessons
field-section-registers = The six registers of the business model
field-section-costs = Costs, funding and practices

# The item form: field labels
field-beneficiary = Beneficiary (for whom)
field-effect = Effect
field-effect-kind = Nature
field-evidence-level = Level of evidence
field-funder = Funder
field-amount = Amount (€)
field-funding-type = Type of funding
field-status = Status
field-programme = Programme
field-title = Title
field-slug = URL identifier
field-summary = Summary
field-body = Text
field-lifecycle = State
field-language = Language
field-license = Licence
field-territory-places = Places
field-territory-label = Name of the perimeter
field-place-search = Search for a municipality, intermunicipal body, département or region
field-place-search-button = Search
field-place-none = No place chosen.
field-place-found = Places found: tick those of the territory, then save.
field-scale = Scale
field-lat = Latitude
field-lon = Longitude
field-pillars = Pillars of the circular economy
field-activity-domains = Fields of activity
field-resources = Resources
field-food-themes = Food themes
field-target-audiences = Target audiences
field-tags = Free keywords
field-authors = Authors
field-name = Name
field-role = Role
field-documents = Related documents
field-url = Address (URL)
field-media-type = Format
field-inspired-by = Inspired by
field-last-reviewed = Last review
field-review-due = Next review due
field-translations = Translations
field-translated-title = Translated title
field-translated-summary = Translated summary
field-translated-body = Translated text (Markdown)
field-carrier-name = Name of the organisation
field-org-type = Type of organisation
field-siren = SIREN
field-siret = SIRET
field-rna = RNA
field-nature = Nature of the initiative
field-phase = Phase
field-location = Location
field-perimeter = Scope
field-start-date = Start date
field-end-date = End date
field-objectives = Objectives
field-partners = Partners
field-organisation = Organisation
field-consortium = Consortium members
field-total-cost = Total cost (€)
field-funding = Funding plan
field-stages = Stages and history
field-stage = Stage
field-start = Start
field-end = End
field-description = Description
field-work-packages = Work packages
field-code = Code
field-human-means = Human resources
field-technical-means = Technical means and methods
field-practices-used = Good practices used
field-qualitative-results = Qualitative results
field-key-figures = Key figures
field-indicator = Indicator
field-value = Value
field-unit = Unit
field-date = Date
field-baseline = Baseline
field-target = Target
field-useful-effects = Useful effects
field-evaluation-dimensions = Evaluation dimensions
field-events = Events
field-event = Event
field-place = Place
field-problem = Problem or context
field-target-actors = Target actors
field-steps = Steps, in order
field-step-name = Name of the step
field-step-section = Section
field-tools = Tools
field-participants = Participants
field-duration = Duration
field-tools-and-supports = Tools and materials
field-financial-means = Financial resources
field-technical-resources = Technical resources
field-success-factors = Success factors
field-pitfalls = Pitfalls to avoid
field-maturity = Maturity
field-transferability = Transferability
field-evidence = Documented implementations
field-about-item = Project sheet concerned (URI)
field-about-label = … or name of the project
field-period-start = Start of the period covered
field-period-end = End of the period covered
field-speaker-name = Who is speaking (name)
field-speaker-role = Role of the person speaking
field-context = Context
field-results = Results
field-difficulties = Difficulties, what did not work
field-recommendations = Recommendations
field-value-proposition = Value proposition
field-register-resources = Tangible and intangible resources
field-contracting = Contracting
field-funding-and-value-sharing = Funding and value sharing
field-governance = Governance
field-costs = Costs
field-practices = Good practices used or produced

# The item form: hints under the fields
field-hint-lines = One entry per line.
field-hint-uris = Addresses (URIs) of items, on this node or another; one per line.
field-hint-partial-date = YYYY, YYYY-MM or YYYY-MM-DD.
field-hint-euros = In euros, e.g. 12500 or 12500.50.
field-hint-programme = e.g. AMI Démonstrateurs territoriaux – France 2030
field-hint-slug = Lowercase letters without accents, digits and hyphens. Leave empty to derive it from the title; it never changes afterwards.
field-hint-summary = Plain text, 500 characters at most: this is what other fediverse software shows.
field-hint-body = Markdown: headings (#), lists (-), links [text](https://…), *italic*, **bold**.
field-hint-lifecycle = A draft is visible to editors only; a published item is sent to following territories.
field-hint-language = BCP-47 code, e.g. en, fr, oc, fr-FR.
field-hint-territory-places = Places of the official geographic code (INSEE) where the item lies: their names are then written the same way on every node, and filters by region or département find them.
field-hint-territory-label = For a perimeter without a code (PETR, pays, bassin de vie, neighbourhood): e.g. “PETR de l'Ariège”. Otherwise leave empty.
field-hint-nine-digits = 9 digits.
field-hint-lat = e.g. 43.5297
field-hint-lon = e.g. 5.4474
field-hint-authors = The people who wrote the item (name and role).
field-hint-media-type = e.g. application/pdf
field-hint-inspired-by = Addresses (URIs) of the items, on any node, that this one adapts; one per line.
field-hint-review-due = After this date, the item is marked “to review”.
field-hint-fourteen-digits = 14 digits.
field-hint-work-package-code = e.g. WP1
field-hint-steps = At least one step. “Section” groups steps together (e.g. getting started).
field-hint-resources-needed = At least one of the three kinds of resources.
field-hint-transferability = Conditions and adaptations for another territory.
field-hint-about-item = The address of the project sheet, here or on another node; or else a name below.
field-hint-slug-fixed = The URL identifier does not change after creation.

field-hint-aid-amount = In euros. Leave empty when the source only gives the rate and the base.
field-aid-rate = Aid rate (%)
field-hint-percent = A percentage between 0 and 100.
field-eligible-base = Eligible base
field-tax-basis = Excl. or incl. VAT
field-budget-share = Share of budget (%)
field-purpose = Purpose (facilitation, investment…)
field-plan = Plan or scenario
field-hint-plan = Groups the lines of one funding plan.
field-section-contacts = Contacts
field-contacts = Contacts
field-hint-contacts = An organisation, a person or both. A person's name, e-mail and phone stay on this node, seen by editors only, until “Publish these details” is ticked.
field-person = Person
field-email = E-mail
field-phone = Phone
field-website = Website
field-contact-public = Publish these details
field-hint-contact-public = Tick only with the person's consent.
field-section-recognitions = Labels and awards
field-recognitions = Labels, awards, selections and brands
field-recognition-kind = Kind
field-issuer = Awarded by
field-valid-until = Valid until
field-details = Details
field-section-sources = Sources and authorship
field-sources = Sources
field-consulted = Read on
field-page-author = Page author
field-page-moderator = Page moderation
field-document-kind = Document kind
field-project-context = Context and call the project answers
field-approach = Approach and framing (triple performance…)
field-section-objectives = Objectives, hypotheses and risks
field-objective = Objective
field-objective-level = Level
field-hypotheses = Working hypotheses
field-risks = Risks and limits assumed
field-relationship = Relationship
field-staffing = Team (posts and working time)
field-post = Post or role
field-headcount = Number of people
field-fte = Working time (% FTE)
field-hint-fte = 100 = one full-time post.
field-external-methods = Methods and tools outside the network
field-event-format = Format
field-speakers = Speakers
field-hosts = Host organisations
field-attendance = Number of participants
editor-files-heading = Pictures and documents
editor-files-none = No file yet.
editor-file-remove = Remove
editor-file-file = File
editor-file-file-hint = JPEG, PNG or WebP (10 MB at most); PDF, OpenDocument, Word, Excel, PowerPoint, CSV or text (25 MB at most). Pictures are saved again without their metadata (EXIF, GPS).
editor-file-title = Title
editor-file-alt = Alternative text (pictures)
editor-file-alt-hint = What the picture shows, for people who cannot see it. Required to publish a picture.
editor-file-credit = Credit (author, organisation)
editor-file-license = Licence
editor-file-cover-choice = Cover picture (shown at the top of the item and on cards)
editor-file-upload = Add the file
editor-file-cover = cover
editor-file-no-alt = no alternative text
editor-file-added = File added (revision { $revision }).
editor-file-removed = File removed (revision { $revision }).
editor-file-license-hint = If none is chosen, the file takes the item's licence.

## Place picker (with JavaScript)
field-place-added = added to the places
field-place-found-count = places suggested
