//! The editor form, declared as data: which inputs each kind of item has, in which
//! sections, with their French labels and widgets. Every input is named by its document
//! path (`project_sheet.funding[0].amount_eur`), exactly as validation reports errors, so
//! the parser, the error placement and the rendering all follow from this one list.

use crate::content::vocabulary::names;
use crate::content::Kind;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Widget {
    Text,
    Textarea,
    /// The Markdown body (a large textarea).
    Body,
    /// A list of strings, one per line.
    Lines,
    /// A number (French input accepted: `1 234,50`).
    Number,
    /// A full date (`AAAA-MM-JJ`, browser date picker).
    Date,
    /// `AAAA`, `AAAA-MM` or `AAAA-MM-JJ`.
    PartialDate,
    Url,
    /// One code of a vocabulary (or none).
    Select(&'static str),
    /// Several codes of a vocabulary.
    Checkboxes(&'static str),
    Lifecycle,
    /// Editable when creating, read-only afterwards.
    Slug,
}

/// How the parser turns an input into JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldType {
    Text,
    Number,
    List,
}

impl Widget {
    pub fn field_type(self) -> FieldType {
        match self {
            Widget::Number => FieldType::Number,
            Widget::Lines | Widget::Checkboxes(_) => FieldType::List,
            _ => FieldType::Text,
        }
    }
}

#[derive(Debug, Clone, Copy)]
pub struct FieldSpec {
    /// Path relative to the section prefix (or to the row, in a group).
    pub key: &'static str,
    pub label: &'static str,
    pub widget: Widget,
    pub hint: Option<&'static str>,
    /// Required at publication ("R" in the data model).
    pub required: bool,
}

const fn f(key: &'static str, label: &'static str, widget: Widget) -> FieldSpec {
    FieldSpec { key, label, widget, hint: None, required: false }
}

impl FieldSpec {
    const fn req(self) -> FieldSpec {
        FieldSpec { required: true, ..self }
    }

    const fn hint(self, hint: &'static str) -> FieldSpec {
        FieldSpec { hint: Some(hint), ..self }
    }
}

/// A list of objects, shown as rows of inputs.
#[derive(Debug, Clone, Copy)]
pub struct GroupSpec {
    pub key: &'static str,
    pub label: &'static str,
    pub hint: Option<&'static str>,
    pub required: bool,
    pub columns: &'static [FieldSpec],
}

#[derive(Debug, Clone, Copy)]
pub enum Part {
    Field(FieldSpec),
    Group(GroupSpec),
}

#[derive(Debug)]
pub struct SectionSpec {
    pub id: &'static str,
    pub title: &'static str,
    /// Prepended to every key (`project_sheet.`), or empty for the envelope.
    pub prefix: &'static str,
    pub parts: &'static [Part],
}

const LINES: &str = "Une entrée par ligne.";
const URIS: &str = "Adresses (URI) de fiches, sur ce nœud ou un autre ; une par ligne.";
const PARTIAL_DATE: &str = "AAAA, AAAA-MM ou AAAA-MM-JJ.";
const EUROS: &str = "En euros, ex. 12 500 ou 12 500,50.";

const fn group(key: &'static str, label: &'static str, columns: &'static [FieldSpec]) -> Part {
    Part::Group(GroupSpec { key, label, hint: None, required: false, columns })
}

const USEFUL_EFFECT: &[FieldSpec] = &[
    f("beneficiary", "Bénéficiaire (pour qui)", Widget::Text),
    f("effect", "Effet", Widget::Textarea),
    f("kind", "Nature", Widget::Select(names::EFFECT_KIND)),
    f("evidence", "Niveau de preuve", Widget::Select(names::EVIDENCE_LEVEL)),
];

const FUNDING_LINE: &[FieldSpec] = &[
    f("funder", "Financeur", Widget::Text),
    f("amount_eur", "Montant (€)", Widget::Number).hint(EUROS),
    f("funding_type", "Type de financement", Widget::Select(names::FUNDING_TYPE)),
    f("status", "Statut", Widget::Select(names::FUNDING_STATUS)),
    f("programme", "Programme", Widget::Text).hint("ex. AMI Démonstrateurs territoriaux – France 2030"),
];

const HEAD: &[SectionSpec] = &[
    SectionSpec {
        id: "presentation",
        title: "Présentation",
        prefix: "",
        parts: &[
            Part::Field(f("title", "Titre", Widget::Text).req()),
            Part::Field(f("slug", "Identifiant d'URL", Widget::Slug).hint("Minuscules sans accent, chiffres et tirets. Laissez vide pour le déduire du titre ; il ne change plus ensuite.")),
            Part::Field(f("summary", "Résumé", Widget::Textarea).req().hint("Texte brut, 500 caractères au plus : c'est ce que montrent les autres logiciels du fédivers.")),
            Part::Field(f("body", "Texte", Widget::Body).req().hint("Markdown : titres (#), listes (-), liens [texte](https://…), *italique*, **gras**.")),
            Part::Field(f("lifecycle", "État", Widget::Lifecycle).hint("Un brouillon n'est visible que des éditeurs ; une fiche publiée est diffusée aux territoires abonnés.")),
            Part::Field(f("language", "Langue", Widget::Text).req().hint("Code BCP-47, ex. fr, oc, fr-FR.")),
            Part::Field(f("license", "Licence", Widget::Select(names::LICENSE)).req()),
        ],
    },
    SectionSpec {
        id: "territoire",
        title: "Territoire",
        prefix: "territory.",
        parts: &[
            Part::Field(f("name", "Nom du territoire", Widget::Text).req()),
            Part::Field(f("scale", "Échelle", Widget::Select(names::SCALE)).req()),
            Part::Field(f("insee_code", "Code INSEE", Widget::Text).hint("5 caractères, ex. 13001 ou 2A004.")),
            Part::Field(f("epci_code", "Code SIREN de l'EPCI", Widget::Text).hint("9 chiffres.")),
            Part::Field(f("lat", "Latitude", Widget::Number).hint("ex. 43,5297")),
            Part::Field(f("lon", "Longitude", Widget::Number).hint("ex. 5,4474")),
        ],
    },
    SectionSpec {
        id: "thematiques",
        title: "Thématiques",
        prefix: "",
        parts: &[
            Part::Field(f("pillars", "Piliers de l'économie circulaire", Widget::Checkboxes(names::PILLAR))),
            Part::Field(f("activity_domains", "Domaines d'activité", Widget::Checkboxes(names::ACTIVITY_DOMAIN))),
            Part::Field(f("resources", "Ressources", Widget::Checkboxes(names::RESOURCE))),
            Part::Field(f("food_themes", "Thèmes alimentaires", Widget::Checkboxes(names::FOOD_THEME))),
            Part::Field(f("target_audiences", "Publics cibles", Widget::Checkboxes(names::TARGET_AUDIENCE))),
            Part::Field(f("tags", "Mots-clés libres", Widget::Lines).hint(LINES)),
        ],
    },
    SectionSpec {
        id: "auteurs",
        title: "Auteurs et autrices",
        prefix: "",
        parts: &[Part::Group(GroupSpec {
            key: "authors",
            label: "Auteurs et autrices",
            hint: Some("Les personnes qui ont écrit la fiche (nom et rôle)."),
            required: true,
            columns: &[f("name", "Nom", Widget::Text), f("role", "Rôle", Widget::Text)],
        })],
    },
];

const TAIL: &[SectionSpec] = &[
    SectionSpec {
        id: "documents",
        title: "Documents",
        prefix: "",
        parts: &[group(
            "documents",
            "Documents liés",
            &[
                f("title", "Titre", Widget::Text),
                f("url", "Adresse (URL)", Widget::Url),
                f("media_type", "Format", Widget::Text).hint("ex. application/pdf"),
                f("license", "Licence", Widget::Select(names::LICENSE)),
            ],
        )],
    },
    SectionSpec {
        id: "filiation",
        title: "Filiation et revue",
        prefix: "",
        parts: &[
            Part::Field(
                f("inspired_by", "Inspirée de", Widget::Lines)
                    .hint("Adresses (URI) des fiches, sur n'importe quel nœud, que celle-ci adapte ; une par ligne."),
            ),
            Part::Field(f("last_reviewed", "Dernière revue", Widget::Date)),
            Part::Field(
                f("review_due", "Prochaine revue prévue", Widget::Date)
                    .hint("Passé cette date, la fiche est signalée « à revoir »."),
            ),
        ],
    },
    SectionSpec {
        id: "traductions",
        title: "Traductions",
        prefix: "",
        parts: &[group(
            "translations",
            "Traductions",
            &[
                f("language", "Langue", Widget::Text),
                f("title", "Titre traduit", Widget::Text),
                f("summary", "Résumé traduit", Widget::Textarea),
                f("body", "Texte traduit (Markdown)", Widget::Textarea),
            ],
        )],
    },
];

const PROJECT_SHEET: &[SectionSpec] = &[
    SectionSpec {
        id: "porteur",
        title: "Structure porteuse",
        prefix: "project_sheet.carrier.",
        parts: &[
            Part::Field(f("name", "Nom de la structure", Widget::Text).req()),
            Part::Field(f("org_type", "Type de structure", Widget::Select(names::ORGANISATION_TYPE))),
            Part::Field(f("siren", "SIREN", Widget::Text).hint("9 chiffres.")),
            Part::Field(f("siret", "SIRET", Widget::Text).hint("14 chiffres.")),
            Part::Field(f("rna", "RNA", Widget::Text)),
        ],
    },
    SectionSpec {
        id: "projet",
        title: "Le projet",
        prefix: "project_sheet.",
        parts: &[
            Part::Field(f("nature", "Nature de l'initiative", Widget::Text)),
            Part::Field(f("phase", "Phase", Widget::Select(names::PHASE))),
            Part::Field(f("status", "Statut", Widget::Select(names::PROJECT_STATUS)).req()),
            Part::Field(f("location", "Localisation", Widget::Text).req()),
            Part::Field(f("perimeter", "Périmètre", Widget::Text).req()),
            Part::Field(f("start_date", "Date de début", Widget::PartialDate).req().hint(PARTIAL_DATE)),
            Part::Field(f("end_date", "Date de fin", Widget::PartialDate).hint(PARTIAL_DATE)),
            Part::Field(f("objectives", "Objectifs", Widget::Lines).hint(LINES)),
        ],
    },
    SectionSpec {
        id: "partenaires",
        title: "Partenaires",
        prefix: "project_sheet.",
        parts: &[
            group(
                "partners",
                "Partenaires",
                &[f("name", "Organisation", Widget::Text), f("role", "Rôle", Widget::Text)],
            ),
            Part::Field(f("consortium", "Membres du consortium", Widget::Lines).hint(LINES)),
        ],
    },
    SectionSpec {
        id: "financement",
        title: "Coût et financement",
        prefix: "project_sheet.",
        parts: &[
            Part::Field(f("total_cost_eur", "Coût total (€)", Widget::Number).hint(EUROS)),
            group("funding", "Plan de financement", FUNDING_LINE),
        ],
    },
    SectionSpec {
        id: "historique",
        title: "Historique et organisation",
        prefix: "project_sheet.",
        parts: &[
            group(
                "stages",
                "Étapes et historique",
                &[
                    f("name", "Étape", Widget::Text),
                    f("start", "Début", Widget::PartialDate).hint(PARTIAL_DATE),
                    f("end", "Fin", Widget::PartialDate).hint(PARTIAL_DATE),
                    f("description", "Description", Widget::Textarea),
                ],
            ),
            group(
                "work_packages",
                "Groupes de travail",
                &[
                    f("code", "Code", Widget::Text).hint("ex. Gt1"),
                    f("name", "Nom", Widget::Text),
                    f("description", "Description", Widget::Textarea),
                ],
            ),
            Part::Field(f("human_means", "Moyens humains", Widget::Textarea)),
            Part::Field(f("technical_means", "Moyens techniques et méthodes", Widget::Textarea)),
            Part::Field(f("practices_used", "Bonnes pratiques utilisées", Widget::Lines).hint(URIS)),
        ],
    },
    SectionSpec {
        id: "resultats",
        title: "Résultats et effets",
        prefix: "project_sheet.",
        parts: &[
            Part::Field(f("qualitative_results", "Résultats qualitatifs", Widget::Textarea)),
            group(
                "key_figures",
                "Chiffres clés",
                &[
                    f("indicator", "Indicateur", Widget::Text),
                    f("value", "Valeur", Widget::Number),
                    f("unit", "Unité", Widget::Text),
                    f("date", "Date", Widget::PartialDate).hint(PARTIAL_DATE),
                    f("baseline", "Référence", Widget::Number),
                    f("target", "Cible", Widget::Number),
                ],
            ),
            group("useful_effects", "Effets utiles", USEFUL_EFFECT),
            Part::Field(f("evaluation_dimensions", "Dimensions d'évaluation", Widget::Lines).hint(LINES)),
            group(
                "events",
                "Événements",
                &[
                    f("name", "Événement", Widget::Text),
                    f("date", "Date", Widget::PartialDate).hint(PARTIAL_DATE),
                    f("place", "Lieu", Widget::Text),
                ],
            ),
        ],
    },
];

const GOOD_PRACTICE: &[SectionSpec] = &[
    SectionSpec {
        id: "probleme",
        title: "Problème et objectifs",
        prefix: "good_practice.",
        parts: &[
            Part::Field(f("problem", "Problème ou contexte", Widget::Textarea).req()),
            Part::Field(f("objectives", "Objectifs", Widget::Lines).req().hint(LINES)),
            Part::Field(f("target_actors", "Acteurs ciblés", Widget::Lines).hint(LINES)),
        ],
    },
    SectionSpec {
        id: "etapes",
        title: "Étapes de la méthode",
        prefix: "good_practice.",
        parts: &[Part::Group(GroupSpec {
            key: "steps",
            label: "Étapes, dans l'ordre",
            hint: Some("Au moins une étape. « Section » regroupe des étapes (ex. démarche initiale)."),
            required: true,
            columns: &[
                f("name", "Nom de l'étape", Widget::Text),
                f("section", "Section", Widget::Text),
                f("description", "Description", Widget::Textarea),
                f("tools", "Outils", Widget::Lines).hint(LINES),
                f("participants", "Participants", Widget::Lines).hint(LINES),
                f("duration", "Durée", Widget::Text),
            ],
        })],
    },
    SectionSpec {
        id: "moyens",
        title: "Outils et moyens nécessaires",
        prefix: "good_practice.",
        parts: &[
            Part::Field(f("tools_and_supports", "Outils et supports", Widget::Lines).hint(LINES)),
            Part::Field(
                f("resources_needed.human", "Moyens humains", Widget::Textarea)
                    .req()
                    .hint("Au moins un des trois types de moyens."),
            ),
            Part::Field(f("resources_needed.financial", "Moyens financiers", Widget::Textarea)),
            Part::Field(f("resources_needed.technical", "Moyens techniques", Widget::Textarea)),
        ],
    },
    SectionSpec {
        id: "reussite",
        title: "Facteurs de réussite et écueils",
        prefix: "good_practice.",
        parts: &[
            Part::Field(f("success_factors", "Facteurs de réussite", Widget::Lines).hint(LINES)),
            Part::Field(f("pitfalls", "Écueils à éviter", Widget::Lines).hint(LINES)),
        ],
    },
    SectionSpec {
        id: "transferabilite",
        title: "Maturité et transférabilité",
        prefix: "good_practice.",
        parts: &[
            Part::Field(f("maturity", "Maturité", Widget::Select(names::MATURITY)).req()),
            Part::Field(
                f("transferability", "Transférabilité", Widget::Textarea)
                    .req()
                    .hint("Conditions et adaptations pour un autre territoire."),
            ),
            Part::Field(f("evidence", "Mises en œuvre documentées", Widget::Lines).hint(URIS)),
        ],
    },
];

const EXPERIENCE: &[SectionSpec] = &[
    SectionSpec {
        id: "objet",
        title: "Objet, période et témoin",
        prefix: "experience.",
        parts: &[
            Part::Field(
                f("about.item", "Fiche projet concernée (URI)", Widget::Url)
                    .req()
                    .hint("L'adresse de la fiche projet, ici ou sur un autre nœud ; ou bien un libellé ci-dessous."),
            ),
            Part::Field(f("about.label", "… ou libellé du projet", Widget::Text)),
            Part::Field(
                f("period.start", "Début de la période couverte", Widget::PartialDate).req().hint(PARTIAL_DATE),
            ),
            Part::Field(f("period.end", "Fin de la période couverte", Widget::PartialDate).hint(PARTIAL_DATE)),
            Part::Field(f("speaker.name", "Qui témoigne (nom)", Widget::Text)),
            Part::Field(
                f("speaker.role", "Rôle de la personne qui témoigne", Widget::Select(names::SPEAKER_ROLE)).req(),
            ),
        ],
    },
    SectionSpec {
        id: "recit",
        title: "Contexte, résultats, difficultés",
        prefix: "experience.",
        parts: &[
            Part::Field(f("context", "Contexte", Widget::Textarea).req()),
            Part::Field(f("results", "Résultats", Widget::Textarea).req()),
            Part::Field(f("difficulties", "Difficultés, ce qui n'a pas marché", Widget::Textarea).req()),
        ],
    },
    SectionSpec {
        id: "effets",
        title: "Effets utiles et enseignements",
        prefix: "experience.",
        parts: &[
            group("useful_effects", "Effets utiles", USEFUL_EFFECT),
            Part::Field(f("success_factors", "Facteurs de réussite", Widget::Lines).hint(LINES)),
            Part::Field(f("recommendations", "Recommandations", Widget::Lines).hint(LINES)),
        ],
    },
    SectionSpec {
        id: "registres",
        title: "Les six registres du modèle économique",
        prefix: "experience.registers.",
        parts: &[
            Part::Field(f("value_proposition", "Proposition de valeur", Widget::Textarea)),
            Part::Field(f("resources", "Ressources matérielles et immatérielles", Widget::Textarea)),
            Part::Field(f("organisation", "Organisation", Widget::Textarea)),
            Part::Field(f("contracting", "Contractualisation", Widget::Textarea)),
            Part::Field(f("funding_and_value_sharing", "Financement et partage de la valeur", Widget::Textarea)),
            Part::Field(f("governance", "Gouvernance", Widget::Textarea)),
        ],
    },
    SectionSpec {
        id: "couts",
        title: "Coûts, financement et pratiques",
        prefix: "experience.",
        parts: &[
            Part::Field(f("costs", "Coûts", Widget::Textarea)),
            group("funding", "Plan de financement", FUNDING_LINE),
            Part::Field(f("practices", "Bonnes pratiques utilisées ou produites", Widget::Lines).hint(URIS)),
        ],
    },
];

/// The sections of the form for one kind, in order.
pub fn sections(kind: Kind) -> impl Iterator<Item = &'static SectionSpec> {
    let own = match kind {
        Kind::ProjectSheet => PROJECT_SHEET,
        Kind::GoodPractice => GOOD_PRACTICE,
        Kind::Experience => EXPERIENCE,
    };
    HEAD.iter().chain(own).chain(TAIL)
}

/// How the input at `shape` (a path with indices written `[]`) is parsed; `Text` for
/// anything the form does not declare.
pub fn field_type(shape: &str) -> FieldType {
    for section in HEAD.iter().chain(PROJECT_SHEET).chain(GOOD_PRACTICE).chain(EXPERIENCE).chain(TAIL) {
        let Some(rest) = shape.strip_prefix(section.prefix) else { continue };
        for part in section.parts {
            match part {
                Part::Field(spec) if spec.key == rest => return spec.widget.field_type(),
                Part::Group(g) => {
                    if let Some(column) = rest.strip_prefix(g.key).and_then(|r| r.strip_prefix("[].")) {
                        if let Some(spec) = g.columns.iter().find(|c| c.key == column) {
                            return spec.widget.field_type();
                        }
                    }
                }
                Part::Field(_) => {}
            }
        }
    }
    FieldType::Text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_types_follow_the_widgets() {
        assert_eq!(field_type("project_sheet.funding[].amount_eur"), FieldType::Number);
        assert_eq!(field_type("experience.funding[].amount_eur"), FieldType::Number);
        assert_eq!(field_type("territory.lat"), FieldType::Number);
        assert_eq!(field_type("pillars"), FieldType::List);
        assert_eq!(field_type("good_practice.steps[].tools"), FieldType::List);
        assert_eq!(field_type("resources"), FieldType::List);
        assert_eq!(field_type("experience.registers.resources"), FieldType::Text);
        assert_eq!(field_type("title"), FieldType::Text);
    }

    #[test]
    fn every_kind_has_its_own_sections_between_the_envelope() {
        for kind in Kind::ALL {
            let prefixes: Vec<&str> = sections(kind).map(|s| s.prefix).collect();
            assert!(prefixes.iter().any(|p| p.starts_with(kind.code())), "{kind:?}");
        }
    }
}
