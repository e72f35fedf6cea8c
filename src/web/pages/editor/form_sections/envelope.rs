//! The envelope's sections, common to every kind: the first ones (`HEAD`) and the last
//! ones (`TAIL`).

use super::*;

pub(in crate::web::pages::editor) const HEAD: &[SectionSpec] = &[
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

pub(in crate::web::pages::editor) const TAIL: &[SectionSpec] = &[
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
