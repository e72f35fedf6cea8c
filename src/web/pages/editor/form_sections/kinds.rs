//! Each kind's own sections: project sheet, good practice, experience.

use super::*;

pub(in crate::web::pages::editor) const PROJECT_SHEET: &[SectionSpec] = &[
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

pub(in crate::web::pages::editor) const GOOD_PRACTICE: &[SectionSpec] = &[
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

pub(in crate::web::pages::editor) const EXPERIENCE: &[SectionSpec] = &[
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
