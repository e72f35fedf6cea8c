## The content model's labels: kinds, lifecycles, the six registers of a business model.

kind-project_sheet = Project sheet
kind-good_practice = Good practice
kind-experience = Experience report

lifecycle-draft = Draft
lifecycle-published = Published
lifecycle-archived = Archived
lifecycle-withdrawn = Withdrawn

register-value_proposition = Value proposition
register-resources = Material and immaterial resources
register-organisation = Organisation
register-contracting = Contracting
register-funding_and_value_sharing = Funding and value sharing
register-governance = Governance
