//! What of a document may leave its node, and in which shape:
//! - the **public view**: the document without the personal details of contacts that the
//!   editor did not mark public. Everything readers or peers receive (pages, the API for
//!   anonymous readers, feeds, exports, Articles, search) is built from it;
//! - the **first-version shape**: the document as nodes that predate the detailed fields
//!   read it (they refuse unknown fields). Articles carry it in `maillage`, beside the
//!   full document, so an older node keeps reading what it always read.

use super::item::{Event, Experience, FundingLine, ItemDocument, Partner, ProjectSheet, Territory};
use super::Objective;

impl ItemDocument {
    /// The document as anyone may read it.
    pub fn public_view(&self) -> ItemDocument {
        if !self.has_withheld_details() {
            return self.clone();
        }
        ItemDocument { contacts: self.contacts.iter().filter_map(|c| c.public_part()).collect(), ..self.clone() }
    }

    /// True when some contact details are for the node's editors only.
    pub fn has_withheld_details(&self) -> bool {
        self.contacts.iter().any(|c| c.has_private_details())
    }

    /// The public view reduced to the fields of the first version of the model.
    pub fn first_version_shape(&self) -> ItemDocument {
        let mut doc = self.public_view();
        doc.contacts.clear();
        doc.sources.clear();
        doc.recognitions.clear();
        doc.page_author = None;
        doc.page_moderator = None;
        doc.media.clear();
        first_version_territory(&mut doc.territory);
        for d in &mut doc.documents {
            d.kind = None;
        }
        if let Some(p) = &mut doc.project_sheet {
            first_version_project_sheet(p);
        }
        if let Some(e) = &mut doc.experience {
            first_version_experience(e);
        }
        doc
    }
}

/// Older nodes know a territory by its name, an INSEE commune code and an EPCI SIREN.
fn first_version_territory(t: &mut Territory) {
    if t.codes.is_empty() {
        t.label = None;
        return;
    }
    let first = |prefix: &str| t.codes.iter().find_map(|c| c.strip_prefix(prefix)).map(str::to_owned);
    t.insee_code = first("commune:");
    t.epci_code = first("epci:");
    t.codes.clear();
    t.label = None;
}

fn first_version_project_sheet(p: &mut ProjectSheet) {
    p.context = None;
    p.approach = None;
    p.objectives = p.objectives.iter().map(|o| Objective::plain(o.text.clone())).collect();
    p.hypotheses.clear();
    p.risks.clear();
    p.staffing.clear();
    p.external_methods.clear();
    p.registers = None;
    p.partners = p
        .partners
        .iter()
        .map(|x| Partner { name: x.name.clone(), role: x.role.clone(), ..Partner::default() })
        .collect();
    p.events = p
        .events
        .iter()
        .map(|e| Event { name: e.name.clone(), date: e.date.clone(), place: e.place.clone(), ..Event::default() })
        .collect();
    p.funding = p.funding.iter().map(first_version_funding).collect();
}

fn first_version_experience(e: &mut Experience) {
    e.key_figures.clear();
    e.external_methods.clear();
    e.funding = e.funding.iter().map(first_version_funding).collect();
}

fn first_version_funding(f: &FundingLine) -> FundingLine {
    FundingLine {
        funder: f.funder.clone(),
        amount_eur: f.amount_eur,
        funding_type: f.funding_type.clone(),
        status: f.status.clone(),
        programme: f.programme.clone(),
        ..FundingLine::default()
    }
}

#[cfg(test)]
mod tests {
    use super::super::item::*;
    use super::super::Objective;

    fn sheet() -> ItemDocument {
        ItemDocument {
            kind: Some(Kind::ProjectSheet),
            contacts: vec![
                Contact {
                    organisation: Some("PETR".into()),
                    person: Some("Camille".into()),
                    email: Some("camille@petr.example".into()),
                    role: Some("chargée de mission".into()),
                    ..Contact::default()
                },
                Contact { person: Some("Dominique".into()), phone: Some("0561000000".into()), ..Contact::default() },
                Contact {
                    person: Some("Alex".into()),
                    email: Some("alex@x.example".into()),
                    public: true,
                    ..Contact::default()
                },
            ],
            recognitions: vec![Recognition {
                name: "Label PAT".into(),
                kind: "label".into(),
                ..Recognition::default()
            }],
            project_sheet: Some(ProjectSheet {
                objectives: vec![
                    Objective::plain("Relocaliser"),
                    Objective { text: "Bâtir un SYAM".into(), level: Some("finalite".into()) },
                ],
                risks: vec!["Le piège du local".into()],
                funding: vec![FundingLine {
                    funder: "État".into(),
                    rate_percent: Some(50.0),
                    eligible_base_eur: Some(3_400_000.0),
                    ..FundingLine::default()
                }],
                ..ProjectSheet::default()
            }),
            ..ItemDocument::default()
        }
    }

    #[test]
    fn the_public_view_keeps_structures_and_public_people_only() {
        let public = sheet().public_view();
        assert_eq!(public.contacts.len(), 2, "a person-only private contact vanishes");
        assert_eq!(public.contacts[0].organisation.as_deref(), Some("PETR"));
        assert_eq!(public.contacts[0].role.as_deref(), Some("chargée de mission"));
        assert_eq!((public.contacts[0].person.as_ref(), public.contacts[0].email.as_ref()), (None, None));
        assert_eq!(public.contacts[1].email.as_deref(), Some("alex@x.example"));
        assert!(!public.has_withheld_details());
        assert!(sheet().has_withheld_details());
    }

    #[test]
    fn the_first_version_shape_drops_the_detailed_fields_and_flattens_objectives() {
        let first = sheet().first_version_shape();
        let json = serde_json::to_value(&first).expect("json");
        assert!(json.get("contacts").is_none() && json.get("recognitions").is_none(), "{json}");
        let p = &json["project_sheet"];
        assert_eq!(p["objectives"], serde_json::json!(["Relocaliser", "Bâtir un SYAM"]));
        assert!(p.get("risks").is_none());
        assert_eq!(p["funding"], serde_json::json!([{ "funder": "État" }]));
    }

    #[test]
    fn objectives_read_both_shapes_and_write_plain_ones_as_strings() {
        let read: Vec<Objective> =
            serde_json::from_str(r#"["Relocaliser", {"text": "Bâtir", "level": "finalite"}, {"text": "Tester"}]"#)
                .expect("both shapes");
        assert_eq!(read[0], Objective::plain("Relocaliser"));
        assert_eq!(read[1].level.as_deref(), Some("finalite"));
        assert_eq!(
            serde_json::to_value(&read).expect("json"),
            serde_json::json!(["Relocaliser", {"text": "Bâtir", "level": "finalite"}, "Tester"])
        );
        let error = serde_json::from_str::<Objective>(r#"{"text": "x", "niveau": "y"}"#).expect_err("unknown field");
        assert!(error.to_string().contains("unknown field `niveau`"), "{error}");
    }
}
