//! The sections of the editor form, kind by kind: the envelope's first sections (`HEAD`),
//! each kind's own, and the envelope's last ones (`TAIL`), declared with the types of
//! [`super::form_spec`], which assembles them.

use super::form_spec::{f, FieldSpec, GroupSpec, Part, SectionSpec, Widget};
use crate::content::vocabulary::names;

mod envelope;
mod kinds;

pub(super) use envelope::{HEAD, TAIL};
pub(super) use kinds::{EXPERIENCE, GOOD_PRACTICE, PROJECT_SHEET};

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
