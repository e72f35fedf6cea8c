//! The view model of the editor form: the declared sections ([`super::form_spec`]) filled
//! with the values of a document tree (what was stored, or what the editor just typed),
//! each validation error placed beside the input whose name is its path, and a summary
//! of every error with a link to its input. Labels, hints and error messages are in the
//! request's language.

use super::form_parse::value_at;
use super::form_spec::{self, FieldSpec, GroupSpec, Part, Widget};
use super::place_picker::{place_options, PLACE_SEARCH};
use crate::content::{FieldError, Kind, Lang, Lifecycle, Vocabularies};
use crate::web::pages::views::i18n::shown;
use crate::web::pages::views::i18n::{self, t, t1, t_with};
use serde_json::Value;

/// Empty rows shown under the filled ones of every list.
const EMPTY_ROWS: usize = 2;

pub struct OptionView {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

pub struct FieldView {
    pub name: String,
    pub id: String,
    pub label: String,
    /// How the summary names this input ("Plan de financement, ligne 2 — Montant (€)").
    pub summary_label: String,
    /// `text`, `textarea`, `lines`, `body`, `select`, `checkbox`, `checkboxes`, `places` or
    /// `readonly`.
    pub widget: &'static str,
    pub input_type: &'static str,
    pub inputmode: &'static str,
    pub value: String,
    pub options: Vec<OptionView>,
    pub hint: Option<String>,
    pub required: bool,
    /// Takes a whole row of the form (text areas, lists of boxes).
    pub wide: bool,
    pub error: Option<String>,
}

impl FieldView {
    /// `aria-describedby`: the ids of the input's hint and error, if it has either.
    pub fn described_by(&self) -> Option<String> {
        match (&self.hint, &self.error) {
            (None, None) => None,
            (Some(_), None) => Some(format!("{}-aide", self.id)),
            (None, Some(_)) => Some(format!("{}-erreur", self.id)),
            (Some(_), Some(_)) => Some(format!("{0}-aide {0}-erreur", self.id)),
        }
    }
}

pub struct RowView {
    pub title: String,
    pub fields: Vec<FieldView>,
}

pub struct GroupView {
    pub name: String,
    pub id: String,
    pub label: String,
    pub hint: Option<String>,
    pub required: bool,
    pub error: Option<String>,
    pub rows: Vec<RowView>,
}

pub enum PartView {
    Field(FieldView),
    Group(GroupView),
}

pub struct SectionView {
    pub id: &'static str,
    pub title: String,
    pub parts: Vec<PartView>,
}

pub struct SummaryItem {
    pub text: String,
    pub href: Option<String>,
}

pub struct FormView {
    pub sections: Vec<SectionView>,
    pub summary: Vec<SummaryItem>,
}

pub fn input_id(name: &str) -> String {
    let mut id = String::from("f-");
    for c in name.chars() {
        let c = if c.is_ascii_alphanumeric() || c == '_' { c } else { '-' };
        if !(c == '-' && id.ends_with('-')) {
            id.push(c);
        }
    }
    id.trim_end_matches('-').to_owned()
}

fn display(value: Option<&Value>) -> String {
    match value {
        Some(Value::String(s)) => s.clone(),
        // Numbers are shown as people of the page's language type them (a decimal comma
        // in French); the parser reads both forms back.
        Some(Value::Number(n)) => match n.as_f64() {
            Some(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{f:.0}"),
            _ if i18n::lang() == Lang::Fr => n.to_string().replace('.', ","),
            _ => n.to_string(),
        },
        Some(Value::Array(items)) => items.iter().map(|v| display(Some(v))).collect::<Vec<_>>().join("\n"),
        Some(Value::Bool(b)) => b.to_string(),
        Some(Value::Null) | Some(Value::Object(_)) | None => String::new(),
    }
}

fn codes(value: Option<&Value>) -> Vec<String> {
    match value {
        Some(Value::Array(items)) => items.iter().map(|v| display(Some(v))).collect(),
        Some(other) => vec![display(Some(other))],
        None => Vec::new(),
    }
}

/// The options of a vocabulary, plus any code the document holds that this node does not
/// know (so that saving never drops it silently; validation will name it).
fn vocabulary_options(vocab: &Vocabularies, name: &str, selected: &[String]) -> Vec<OptionView> {
    let mut options: Vec<OptionView> = vocab
        .get(name)
        .map(|v| {
            v.terms
                .iter()
                .map(|term| OptionView {
                    value: term.code.clone(),
                    label: i18n::term(vocab, name, &term.code).to_owned(),
                    selected: selected.contains(&term.code),
                })
                .collect()
        })
        .unwrap_or_default();
    for code in selected {
        if !code.is_empty() && !options.iter().any(|o| &o.value == code) {
            options.push(OptionView {
                value: code.clone(),
                label: t1("editor-unknown-value", "code", code),
                selected: true,
            });
        }
    }
    options
}

fn field_view(
    spec: &FieldSpec,
    name: String,
    summary_label: String,
    tree: &Value,
    creating: bool,
    vocab: &Vocabularies,
) -> FieldView {
    let value = value_at(tree, &name);
    let mut view = FieldView {
        id: input_id(&name),
        label: t(spec.label),
        summary_label,
        widget: "text",
        input_type: "text",
        inputmode: "",
        value: display(value),
        options: Vec::new(),
        hint: spec.hint.map(t),
        required: spec.required,
        wide: false,
        error: None,
        name,
    };
    match spec.widget {
        Widget::Text | Widget::PartialDate => {}
        Widget::Textarea => view.widget = "textarea",
        Widget::Body => view.widget = "body",
        Widget::Lines => view.widget = "lines",
        Widget::Number => view.inputmode = "decimal",
        Widget::Checkbox => view.widget = "checkbox",
        Widget::Date => view.input_type = "date",
        Widget::Url => view.input_type = "url",
        Widget::Select(vocabulary) => {
            view.widget = "select";
            let selected = codes(value);
            view.options.push(OptionView {
                value: String::new(),
                label: t("editor-not-specified"),
                selected: selected.is_empty(),
            });
            view.options.extend(vocabulary_options(vocab, vocabulary, &selected));
        }
        Widget::Checkboxes(vocabulary) => {
            view.widget = "checkboxes";
            view.options = vocabulary_options(vocab, vocabulary, &codes(value));
        }
        Widget::Lifecycle => {
            view.widget = "select";
            let current = Lifecycle::parse(&view.value).unwrap_or_default();
            view.options = Lifecycle::ALL
                .into_iter()
                .map(|l| OptionView { value: l.code().into(), label: i18n::lifecycle(l), selected: l == current })
                .collect();
        }
        Widget::Slug if !creating => {
            view.widget = "readonly";
            view.hint = Some(t("field-hint-slug-fixed"));
        }
        Widget::Slug => {}
        Widget::Places => {
            view.widget = "places";
            let search = tree.get(PLACE_SEARCH).and_then(Value::as_str).unwrap_or_default();
            view.value = search.to_owned();
            view.options = place_options(&codes(value), search);
        }
    }
    view.wide = matches!(view.widget, "textarea" | "body" | "lines" | "checkboxes" | "places");
    view
}

/// The rows of a list: those of `tree`, then empty ones to fill.
fn group_view(
    group: &GroupSpec,
    name: String,
    tree: &Value,
    creating: bool,
    extra_rows: usize,
    vocab: &Vocabularies,
) -> GroupView {
    let filled = value_at(tree, &name).and_then(Value::as_array).map_or(0, Vec::len);
    let label = t(group.label);
    let rows = (0..filled + EMPTY_ROWS + extra_rows)
        .map(|i| RowView {
            title: t1("editor-row-title", "n", i + 1),
            fields: group
                .columns
                .iter()
                .map(|c| {
                    let summary_label = t_with(
                        "editor-row-field",
                        &[("group", (&label).into()), ("n", (i + 1).into()), ("field", t(c.label).into())],
                    );
                    field_view(c, format!("{name}[{i}].{}", c.key), summary_label, tree, creating, vocab)
                })
                .collect(),
        })
        .collect();
    GroupView { id: input_id(&name), name, label, hint: group.hint.map(t), required: group.required, error: None, rows }
}

/// Builds the form of `kind` from `tree`, with `errors` placed.
pub fn build(
    kind: Kind,
    tree: &Value,
    errors: &[FieldError],
    creating: bool,
    extra_rows: usize,
    vocab: &Vocabularies,
) -> FormView {
    let mut sections = Vec::new();
    for section in form_spec::sections(kind) {
        let parts = section
            .parts
            .iter()
            .map(|part| match part {
                Part::Field(spec) => {
                    let name = format!("{}{}", section.prefix, spec.key);
                    PartView::Field(field_view(spec, name, t(spec.label), tree, creating, vocab))
                }
                Part::Group(group) => {
                    let name = format!("{}{}", section.prefix, group.key);
                    PartView::Group(group_view(group, name, tree, creating, extra_rows, vocab))
                }
            })
            .collect();
        sections.push(SectionView { id: section.id, title: t(section.title), parts });
    }
    let summary = place_errors(&mut sections, errors);
    FormView { sections, summary }
}

/// The inputs and groups of a form, in order: (name, id, summary label, error slot).
fn targets(sections: &mut [SectionView]) -> Vec<(&str, &str, &str, &mut Option<String>)> {
    let mut out = Vec::new();
    for section in sections.iter_mut() {
        for part in section.parts.iter_mut() {
            match part {
                PartView::Field(f) => {
                    out.push((f.name.as_str(), f.id.as_str(), f.summary_label.as_str(), &mut f.error))
                }
                PartView::Group(g) => {
                    out.push((g.name.as_str(), g.id.as_str(), g.label.as_str(), &mut g.error));
                    for row in g.rows.iter_mut() {
                        for f in row.fields.iter_mut() {
                            out.push((f.name.as_str(), f.id.as_str(), f.summary_label.as_str(), &mut f.error));
                        }
                    }
                }
            }
        }
    }
    out
}

/// Which input shows an error: the one named by its path; else the closest enclosing
/// input (`pillars` for `pillars[2]`); else the first input inside it (`…carrier.name`
/// for `…carrier`).
fn target_of(names: &[&str], path: &str) -> Option<usize> {
    if let Some(i) = names.iter().position(|n| *n == path) {
        return Some(i);
    }
    let enclosing = names
        .iter()
        .enumerate()
        .filter(|(_, n)| path.starts_with(&format!("{n}[")) || path.starts_with(&format!("{n}.")))
        .max_by_key(|(_, n)| n.len())
        .map(|(i, _)| i);
    enclosing
        .or_else(|| names.iter().position(|n| n.starts_with(&format!("{path}.")) || n.starts_with(&format!("{path}["))))
}

fn place_errors(sections: &mut [SectionView], errors: &[FieldError]) -> Vec<SummaryItem> {
    let mut targets = targets(sections);
    let names: Vec<&str> = targets.iter().map(|t| t.0).collect();
    let mut summary = Vec::new();
    let mut messages: Vec<Vec<String>> = vec![Vec::new(); targets.len()];
    for error in errors {
        let message = shown(&error.message);
        match target_of(&names, &error.path) {
            Some(i) => {
                summary.push(SummaryItem {
                    text: t_with(
                        "editor-summary-entry",
                        &[("field", targets[i].2.into()), ("message", message.as_str().into())],
                    ),
                    href: Some(format!("#{}", targets[i].1)),
                });
                messages[i].push(message);
            }
            None => summary.push(SummaryItem { text: message, href: None }),
        }
    }
    for (target, messages) in targets.iter_mut().zip(messages) {
        if !messages.is_empty() {
            *target.3 = Some(messages.join(" "));
        }
    }
    summary
}

#[cfg(test)]
mod tests;
