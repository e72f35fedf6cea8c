//! The sections of the editor form, kind by kind: the envelope's first sections (`HEAD`),
//! each kind's own, and the envelope's last ones (`TAIL`), declared with the types of
//! [`super::form_spec`], which assembles them.

use super::form_spec::{f, FieldSpec, GroupSpec, Part, SectionSpec, Widget};
use crate::content::vocabulary::names;

const LINES: &str = "field-hint-lines";
const URIS: &str = "field-hint-uris";
const PARTIAL_DATE: &str = "field-hint-partial-date";
const EUROS: &str = "field-hint-euros";

const fn group(key: &'static str, label: &'static str, columns: &'static [FieldSpec]) -> Part {
    Part::Group(GroupSpec { key, label, hint: None, required: false, columns })
}

const USEFUL_EFFECT: &[FieldSpec] = &[
    f("beneficiary", "field-beneficiary", Widget::Text),
    f("effect", "field-effect", Widget::Textarea),
    f("kind", "field-effect-kind", Widget::Select(names::EFFECT_KIND)),
    f("evidence", "field-evidence-level", Widget::Select(names::EVIDENCE_LEVEL)),
];

const FUNDING_LINE: &[FieldSpec] = &[
    f("funder", "field-funder", Widget::Text),
    f("amount_eur", "field-amount", Widget::Number).hint("field-hint-aid-amount"),
    f("rate_percent", "field-aid-rate", Widget::Number).hint("field-hint-percent"),
    f("eligible_base_eur", "field-eligible-base", Widget::Number).hint(EUROS),
    f("tax_basis", "field-tax-basis", Widget::Select(names::TAX_BASIS)),
    f("share_percent", "field-budget-share", Widget::Number).hint("field-hint-percent"),
    f("period.start", "field-start", Widget::PartialDate).hint(PARTIAL_DATE),
    f("period.end", "field-end", Widget::PartialDate).hint(PARTIAL_DATE),
    f("purpose", "field-purpose", Widget::Text),
    f("plan", "field-plan", Widget::Text).hint("field-hint-plan"),
    f("funding_type", "field-funding-type", Widget::Select(names::FUNDING_TYPE)),
    f("status", "field-status", Widget::Select(names::FUNDING_STATUS)),
    f("programme", "field-programme", Widget::Text).hint("field-hint-programme"),
];

const KEY_FIGURE: &[FieldSpec] = &[
    f("indicator", "field-indicator", Widget::Text),
    f("value", "field-value", Widget::Number),
    f("unit", "field-unit", Widget::Text),
    f("date", "field-date", Widget::PartialDate).hint(PARTIAL_DATE),
    f("baseline", "field-baseline", Widget::Number),
    f("target", "field-target", Widget::Number),
];

const REFERENCE: &[FieldSpec] = &[f("title", "field-title", Widget::Text), f("url", "field-url", Widget::Url)];

const REGISTERS: &[Part] = &[
    Part::Field(f("value_proposition", "field-value-proposition", Widget::Textarea)),
    Part::Field(f("resources", "field-register-resources", Widget::Textarea)),
    Part::Field(f("organisation", "field-organisation", Widget::Textarea)),
    Part::Field(f("contracting", "field-contracting", Widget::Textarea)),
    Part::Field(f("funding_and_value_sharing", "field-funding-and-value-sharing", Widget::Textarea)),
    Part::Field(f("governance", "field-governance", Widget::Textarea)),
];

pub(super) const HEAD: &[SectionSpec] = &[
    SectionSpec {
        id: "presentation",
        title: "field-section-presentation",
        prefix: "",
        parts: &[
            Part::Field(f("title", "field-title", Widget::Text).req()),
            Part::Field(f("slug", "field-slug", Widget::Slug).hint("field-hint-slug")),
            Part::Field(f("summary", "field-summary", Widget::Textarea).req().hint("field-hint-summary")),
            Part::Field(f("body", "field-body", Widget::Body).req().hint("field-hint-body")),
            Part::Field(f("lifecycle", "field-lifecycle", Widget::Lifecycle).hint("field-hint-lifecycle")),
            Part::Field(f("language", "field-language", Widget::Text).req().hint("field-hint-language")),
            Part::Field(f("license", "field-license", Widget::Select(names::LICENSE)).req()),
        ],
    },
    SectionSpec {
        id: "territoire",
        title: "field-section-territory",
        prefix: "territory.",
        parts: &[
            Part::Field(f("codes", "field-territory-places", Widget::Places).req().hint("field-hint-territory-places")),
            Part::Field(f("label", "field-territory-label", Widget::Text).hint("field-hint-territory-label")),
            Part::Field(f("scale", "field-scale", Widget::Select(names::SCALE)).req()),
            Part::Field(f("lat", "field-lat", Widget::Number).hint("field-hint-lat")),
            Part::Field(f("lon", "field-lon", Widget::Number).hint("field-hint-lon")),
        ],
    },
    SectionSpec {
        id: "thematiques",
        title: "field-section-themes",
        prefix: "",
        parts: &[
            Part::Field(f("pillars", "field-pillars", Widget::Checkboxes(names::PILLAR))),
            Part::Field(f("activity_domains", "field-activity-domains", Widget::Checkboxes(names::ACTIVITY_DOMAIN))),
            Part::Field(f("resources", "field-resources", Widget::Checkboxes(names::RESOURCE))),
            Part::Field(f("food_themes", "field-food-themes", Widget::Checkboxes(names::FOOD_THEME))),
            Part::Field(f("target_audiences", "field-target-audiences", Widget::Checkboxes(names::TARGET_AUDIENCE))),
            Part::Field(f("tags", "field-tags", Widget::Lines).hint(LINES)),
        ],
    },
    SectionSpec {
        id: "auteurs",
        title: "field-section-authors",
        prefix: "",
        parts: &[Part::Group(GroupSpec {
            key: "authors",
            label: "field-authors",
            hint: Some("field-hint-authors"),
            required: true,
            columns: &[f("name", "field-name", Widget::Text), f("role", "field-role", Widget::Text)],
        })],
    },
];

pub(super) const TAIL: &[SectionSpec] = &[
    SectionSpec {
        id: "contacts",
        title: "field-section-contacts",
        prefix: "",
        parts: &[Part::Group(GroupSpec {
            key: "contacts",
            label: "field-contacts",
            hint: Some("field-hint-contacts"),
            required: false,
            columns: &[
                f("organisation", "field-organisation", Widget::Text),
                f("person", "field-person", Widget::Text),
                f("role", "field-role", Widget::Text),
                f("email", "field-email", Widget::Text),
                f("phone", "field-phone", Widget::Text),
                f("website", "field-website", Widget::Url),
                f("public", "field-contact-public", Widget::Checkbox).hint("field-hint-contact-public"),
            ],
        })],
    },
    SectionSpec {
        id: "labels",
        title: "field-section-recognitions",
        prefix: "",
        parts: &[group(
            "recognitions",
            "field-recognitions",
            &[
                f("name", "field-name", Widget::Text),
                f("kind", "field-recognition-kind", Widget::Select(names::RECOGNITION_KIND)),
                f("issuer", "field-issuer", Widget::Text),
                f("date", "field-date", Widget::PartialDate).hint(PARTIAL_DATE),
                f("valid_until", "field-valid-until", Widget::PartialDate).hint(PARTIAL_DATE),
                f("details", "field-details", Widget::Textarea),
            ],
        )],
    },
    SectionSpec {
        id: "sources",
        title: "field-section-sources",
        prefix: "",
        parts: &[
            group(
                "sources",
                "field-sources",
                &[
                    f("url", "field-url", Widget::Url),
                    f("title", "field-title", Widget::Text),
                    f("consulted", "field-consulted", Widget::PartialDate).hint(PARTIAL_DATE),
                ],
            ),
            Part::Field(f("page_author", "field-page-author", Widget::Text)),
            Part::Field(f("page_moderator", "field-page-moderator", Widget::Text)),
        ],
    },
    SectionSpec {
        id: "documents",
        title: "field-section-documents",
        prefix: "",
        parts: &[group(
            "documents",
            "field-documents",
            &[
                f("title", "field-title", Widget::Text),
                f("url", "field-url", Widget::Url),
                f("kind", "field-document-kind", Widget::Select(names::DOCUMENT_KIND)),
                f("media_type", "field-media-type", Widget::Text).hint("field-hint-media-type"),
                f("license", "field-license", Widget::Select(names::LICENSE)),
            ],
        )],
    },
    SectionSpec {
        id: "filiation",
        title: "field-section-lineage",
        prefix: "",
        parts: &[
            Part::Field(f("inspired_by", "field-inspired-by", Widget::Lines).hint("field-hint-inspired-by")),
            Part::Field(f("last_reviewed", "field-last-reviewed", Widget::Date)),
            Part::Field(f("review_due", "field-review-due", Widget::Date).hint("field-hint-review-due")),
        ],
    },
    SectionSpec {
        id: "traductions",
        title: "field-section-translations",
        prefix: "",
        parts: &[group(
            "translations",
            "field-translations",
            &[
                f("language", "field-language", Widget::Text),
                f("title", "field-translated-title", Widget::Text),
                f("summary", "field-translated-summary", Widget::Textarea),
                f("body", "field-translated-body", Widget::Textarea),
            ],
        )],
    },
];

pub(super) const PROJECT_SHEET: &[SectionSpec] = &[
    SectionSpec {
        id: "porteur",
        title: "field-section-carrier",
        prefix: "project_sheet.carrier.",
        parts: &[
            Part::Field(f("name", "field-carrier-name", Widget::Text).req()),
            Part::Field(f("org_type", "field-org-type", Widget::Select(names::ORGANISATION_TYPE))),
            Part::Field(f("siren", "field-siren", Widget::Text).hint("field-hint-nine-digits")),
            Part::Field(f("siret", "field-siret", Widget::Text).hint("field-hint-fourteen-digits")),
            Part::Field(f("rna", "field-rna", Widget::Text)),
        ],
    },
    SectionSpec {
        id: "projet",
        title: "field-section-project",
        prefix: "project_sheet.",
        parts: &[
            Part::Field(f("nature", "field-nature", Widget::Text)),
            Part::Field(f("context", "field-project-context", Widget::Textarea)),
            Part::Field(f("approach", "field-approach", Widget::Textarea)),
            Part::Field(f("phase", "field-phase", Widget::Select(names::PHASE))),
            Part::Field(f("status", "field-status", Widget::Select(names::PROJECT_STATUS)).req()),
            Part::Field(f("location", "field-location", Widget::Text).req()),
            Part::Field(f("perimeter", "field-perimeter", Widget::Text).req()),
            Part::Field(f("start_date", "field-start-date", Widget::PartialDate).req().hint(PARTIAL_DATE)),
            Part::Field(f("end_date", "field-end-date", Widget::PartialDate).hint(PARTIAL_DATE)),
        ],
    },
    SectionSpec {
        id: "objectifs",
        title: "field-section-objectives",
        prefix: "project_sheet.",
        parts: &[
            group(
                "objectives",
                "field-objectives",
                &[
                    f("text", "field-objective", Widget::Textarea),
                    f("level", "field-objective-level", Widget::Select(names::OBJECTIVE_LEVEL)),
                ],
            ),
            Part::Field(f("hypotheses", "field-hypotheses", Widget::Lines).hint(LINES)),
            Part::Field(f("risks", "field-risks", Widget::Lines).hint(LINES)),
        ],
    },
    SectionSpec {
        id: "partenaires",
        title: "field-section-partners",
        prefix: "project_sheet.",
        parts: &[
            group(
                "partners",
                "field-partners",
                &[
                    f("name", "field-organisation", Widget::Text),
                    f("role", "field-role", Widget::Text),
                    f("relationship", "field-relationship", Widget::Select(names::PARTNER_RELATIONSHIP)),
                    f("org_type", "field-org-type", Widget::Select(names::ORGANISATION_TYPE)),
                    f("siren", "field-siren", Widget::Text).hint("field-hint-nine-digits"),
                ],
            ),
            Part::Field(f("consortium", "field-consortium", Widget::Lines).hint(LINES)),
        ],
    },
    SectionSpec {
        id: "financement",
        title: "field-section-funding",
        prefix: "project_sheet.",
        parts: &[
            Part::Field(f("total_cost_eur", "field-total-cost", Widget::Number).hint(EUROS)),
            group("funding", "field-funding", FUNDING_LINE),
        ],
    },
    SectionSpec {
        id: "historique",
        title: "field-section-history",
        prefix: "project_sheet.",
        parts: &[
            group(
                "stages",
                "field-stages",
                &[
                    f("name", "field-stage", Widget::Text),
                    f("start", "field-start", Widget::PartialDate).hint(PARTIAL_DATE),
                    f("end", "field-end", Widget::PartialDate).hint(PARTIAL_DATE),
                    f("description", "field-description", Widget::Textarea),
                ],
            ),
            group(
                "work_packages",
                "field-work-packages",
                &[
                    f("code", "field-code", Widget::Text).hint("field-hint-work-package-code"),
                    f("name", "field-name", Widget::Text),
                    f("description", "field-description", Widget::Textarea),
                ],
            ),
            Part::Field(f("human_means", "field-human-means", Widget::Textarea)),
            group(
                "staffing",
                "field-staffing",
                &[
                    f("role", "field-post", Widget::Text),
                    f("organisation", "field-organisation", Widget::Text),
                    f("headcount", "field-headcount", Widget::Number),
                    f("fte_percent", "field-fte", Widget::Number).hint("field-hint-fte"),
                ],
            ),
            Part::Field(f("technical_means", "field-technical-means", Widget::Textarea)),
            Part::Field(f("practices_used", "field-practices-used", Widget::Lines).hint(URIS)),
            group("external_methods", "field-external-methods", REFERENCE),
        ],
    },
    SectionSpec {
        id: "resultats",
        title: "field-section-results",
        prefix: "project_sheet.",
        parts: &[
            Part::Field(f("qualitative_results", "field-qualitative-results", Widget::Textarea)),
            group("key_figures", "field-key-figures", KEY_FIGURE),
            group("useful_effects", "field-useful-effects", USEFUL_EFFECT),
            Part::Field(f("evaluation_dimensions", "field-evaluation-dimensions", Widget::Lines).hint(LINES)),
            group(
                "events",
                "field-events",
                &[
                    f("name", "field-event", Widget::Text),
                    f("format", "field-event-format", Widget::Select(names::EVENT_FORMAT)),
                    f("date", "field-date", Widget::PartialDate).hint(PARTIAL_DATE),
                    f("place", "field-place", Widget::Text),
                    f("speakers", "field-speakers", Widget::Lines).hint(LINES),
                    f("hosts", "field-hosts", Widget::Lines).hint(LINES),
                    f("attendance", "field-attendance", Widget::Number),
                    f("description", "field-description", Widget::Textarea),
                ],
            ),
        ],
    },
    SectionSpec {
        id: "registres",
        title: "field-section-registers",
        prefix: "project_sheet.registers.",
        parts: REGISTERS,
    },
];

pub(super) const GOOD_PRACTICE: &[SectionSpec] = &[
    SectionSpec {
        id: "probleme",
        title: "field-section-problem",
        prefix: "good_practice.",
        parts: &[
            Part::Field(f("problem", "field-problem", Widget::Textarea).req()),
            Part::Field(f("objectives", "field-objectives", Widget::Lines).req().hint(LINES)),
            Part::Field(f("target_actors", "field-target-actors", Widget::Lines).hint(LINES)),
        ],
    },
    SectionSpec {
        id: "etapes",
        title: "field-section-method-steps",
        prefix: "good_practice.",
        parts: &[Part::Group(GroupSpec {
            key: "steps",
            label: "field-steps",
            hint: Some("field-hint-steps"),
            required: true,
            columns: &[
                f("name", "field-step-name", Widget::Text),
                f("section", "field-step-section", Widget::Text),
                f("description", "field-description", Widget::Textarea),
                f("tools", "field-tools", Widget::Lines).hint(LINES),
                f("participants", "field-participants", Widget::Lines).hint(LINES),
                f("duration", "field-duration", Widget::Text),
            ],
        })],
    },
    SectionSpec {
        id: "moyens",
        title: "field-section-means",
        prefix: "good_practice.",
        parts: &[
            Part::Field(f("tools_and_supports", "field-tools-and-supports", Widget::Lines).hint(LINES)),
            Part::Field(
                f("resources_needed.human", "field-human-means", Widget::Textarea)
                    .req()
                    .hint("field-hint-resources-needed"),
            ),
            Part::Field(f("resources_needed.financial", "field-financial-means", Widget::Textarea)),
            Part::Field(f("resources_needed.technical", "field-technical-resources", Widget::Textarea)),
        ],
    },
    SectionSpec {
        id: "reussite",
        title: "field-section-success",
        prefix: "good_practice.",
        parts: &[
            Part::Field(f("success_factors", "field-success-factors", Widget::Lines).hint(LINES)),
            Part::Field(f("pitfalls", "field-pitfalls", Widget::Lines).hint(LINES)),
        ],
    },
    SectionSpec {
        id: "transferabilite",
        title: "field-section-transferability",
        prefix: "good_practice.",
        parts: &[
            Part::Field(f("maturity", "field-maturity", Widget::Select(names::MATURITY)).req()),
            Part::Field(
                f("transferability", "field-transferability", Widget::Textarea)
                    .req()
                    .hint("field-hint-transferability"),
            ),
            Part::Field(f("evidence", "field-evidence", Widget::Lines).hint(URIS)),
        ],
    },
];

pub(super) const EXPERIENCE: &[SectionSpec] = &[
    SectionSpec {
        id: "objet",
        title: "field-section-subject",
        prefix: "experience.",
        parts: &[
            Part::Field(f("about.item", "field-about-item", Widget::Url).req().hint("field-hint-about-item")),
            Part::Field(f("about.label", "field-about-label", Widget::Text)),
            Part::Field(f("period.start", "field-period-start", Widget::PartialDate).req().hint(PARTIAL_DATE)),
            Part::Field(f("period.end", "field-period-end", Widget::PartialDate).hint(PARTIAL_DATE)),
            Part::Field(f("speaker.name", "field-speaker-name", Widget::Text)),
            Part::Field(f("speaker.role", "field-speaker-role", Widget::Select(names::SPEAKER_ROLE)).req()),
        ],
    },
    SectionSpec {
        id: "recit",
        title: "field-section-account",
        prefix: "experience.",
        parts: &[
            Part::Field(f("context", "field-context", Widget::Textarea).req()),
            Part::Field(f("results", "field-results", Widget::Textarea).req()),
            Part::Field(f("difficulties", "field-difficulties", Widget::Textarea).req()),
            group("key_figures", "field-key-figures", KEY_FIGURE),
        ],
    },
    SectionSpec {
        id: "effets",
        title: "field-section-effects",
        prefix: "experience.",
        parts: &[
            group("useful_effects", "field-useful-effects", USEFUL_EFFECT),
            Part::Field(f("success_factors", "field-success-factors", Widget::Lines).hint(LINES)),
            Part::Field(f("recommendations", "field-recommendations", Widget::Lines).hint(LINES)),
        ],
    },
    SectionSpec {
        id: "registres",
        title: "field-section-registers",
        prefix: "experience.registers.",
        parts: REGISTERS,
    },
    SectionSpec {
        id: "couts",
        title: "field-section-costs",
        prefix: "experience.",
        parts: &[
            Part::Field(f("costs", "field-costs", Widget::Textarea)),
            group("funding", "field-funding", FUNDING_LINE),
            Part::Field(f("practices", "field-practices", Widget::Lines).hint(URIS)),
            group("external_methods", "field-external-methods", REFERENCE),
        ],
    },
];
