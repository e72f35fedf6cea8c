//! The editor form, declared as data: which inputs each kind of item has, in which
//! sections, with the message keys of their labels and hints (`field-…` in
//! `locales/*/editor.ftl`, looked up when the view is built) and their widgets. Every
//! input is named by its document
//! path (`project_sheet.funding[0].amount_eur`), exactly as validation reports errors, so
//! the parser, the error placement and the rendering all follow from this one list.

use super::form_sections::{EXPERIENCE, GOOD_PRACTICE, HEAD, PROJECT_SHEET, TAIL};
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
    /// A yes/no box (`true` when ticked).
    Checkbox,
    /// Editable when creating, read-only afterwards.
    Slug,
    /// Codes of the administrative reference, chosen with a search (see `form_view`).
    Places,
}

/// How the parser turns an input into JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldType {
    Text,
    Number,
    List,
    Bool,
}

impl Widget {
    pub fn field_type(self) -> FieldType {
        match self {
            Widget::Number => FieldType::Number,
            Widget::Lines | Widget::Checkboxes(_) | Widget::Places => FieldType::List,
            Widget::Checkbox => FieldType::Bool,
            _ => FieldType::Text,
        }
    }
}

#[derive(Debug, Clone, Copy)]
pub struct FieldSpec {
    /// Path relative to the section prefix (or to the row, in a group).
    pub key: &'static str,
    /// Message key of the label.
    pub label: &'static str,
    pub widget: Widget,
    /// Message key of the hint shown under the label.
    pub hint: Option<&'static str>,
    /// Required at publication ("R" in the data model).
    pub required: bool,
}

pub(super) const fn f(key: &'static str, label: &'static str, widget: Widget) -> FieldSpec {
    FieldSpec { key, label, widget, hint: None, required: false }
}

impl FieldSpec {
    pub(super) const fn req(self) -> FieldSpec {
        FieldSpec { required: true, ..self }
    }

    pub(super) const fn hint(self, hint: &'static str) -> FieldSpec {
        FieldSpec { hint: Some(hint), ..self }
    }
}

/// A list of objects, shown as rows of inputs.
#[derive(Debug, Clone, Copy)]
pub struct GroupSpec {
    pub key: &'static str,
    /// Message keys, as in [`FieldSpec`].
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
    /// Message key of the legend.
    pub title: &'static str,
    /// Prepended to every key (`project_sheet.`), or empty for the envelope.
    pub prefix: &'static str,
    pub parts: &'static [Part],
}

/// The sections of the form for one kind, in order.
pub fn sections(kind: Kind) -> impl Iterator<Item = &'static SectionSpec> {
    let own = match kind {
        Kind::ProjectSheet => PROJECT_SHEET,
        Kind::GoodPractice => GOOD_PRACTICE,
        Kind::Experience => EXPERIENCE,
    };
    HEAD.iter().chain(own).chain(TAIL)
}

/// How the input at `shape` (a path with indices written `[]`) is parsed, in the form of
/// any kind; `Text` for anything no form declares.
pub fn field_type(shape: &str) -> FieldType {
    for section in Kind::ALL.into_iter().flat_map(sections) {
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
    fn every_label_and_hint_has_a_message_in_both_languages() {
        use crate::web::pages::views::i18n::{format, Lang};
        let mut keys = Vec::new();
        for kind in Kind::ALL {
            for section in sections(kind) {
                keys.push(section.title);
                for part in section.parts {
                    let (fields, group) = match part {
                        Part::Field(spec) => (std::slice::from_ref(spec), None),
                        Part::Group(g) => (g.columns, Some(g)),
                    };
                    if let Some(g) = group {
                        keys.push(g.label);
                        keys.extend(g.hint);
                    }
                    for spec in fields {
                        keys.push(spec.label);
                        keys.extend(spec.hint);
                    }
                }
            }
        }
        for key in keys {
            assert!(key.starts_with("field-"), "{key} is a message key");
            for lang in [Lang::Fr, Lang::En] {
                assert_ne!(format(lang, key, &[]), key, "{key} has no message in {lang:?}");
            }
        }
    }

    #[test]
    fn every_kind_has_its_own_sections_between_the_envelope() {
        for kind in Kind::ALL {
            let prefixes: Vec<&str> = sections(kind).map(|s| s.prefix).collect();
            assert!(prefixes.iter().any(|p| p.starts_with(kind.code())), "{kind:?}");
        }
    }
}
