//! What of a document may leave its node, and in which shape:
//! - the **public view**: the document without the personal details of contacts that the
//!   editor did not mark public. Everything readers or peers receive (pages, the API for
//!   anonymous readers, feeds, exports, Articles, search) is built from it;
//! - the **first-version shape**: the document as nodes that predate the detailed fields
//!   read it (they refuse unknown fields). Articles carry it in `maillage`, beside the
//!   full document, so an older node keeps reading what it always read.

use super::item::{Event, Experience, FundingLine, ItemDocument, Partner, ProjectSheet};
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
