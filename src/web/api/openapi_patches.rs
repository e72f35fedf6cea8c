//! What the derived description cannot say, patched into it before it is served: the item
//! as the API serves it (the document's fields and `meta` side by side, where the document
//! refuses unknown fields), and the fields that publishing requires for each kind — read
//! from the validation itself, so that the description cannot drift from what the API
//! refuses.

use crate::content::{validate, ItemDocument, Kind, Lifecycle, Vocabularies};
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;

/// Applies every patch to the serialized description.
pub fn apply(spec: &mut Value, vocab: &Vocabularies) {
    let Some(schemas) = spec.pointer_mut("/components/schemas").and_then(Value::as_object_mut) else { return };
    publication_requirements(schemas, vocab);
    served_item(schemas);
}

/// The dotted paths `validate` reports as `required` for `doc`.
fn required_paths(doc: ItemDocument, vocab: &Vocabularies) -> Vec<String> {
    match validate(doc, vocab) {
        Ok(_) => Vec::new(),
        Err(errors) => errors.0.into_iter().filter(|e| e.code == "required").map(|e| e.path).collect(),
    }
}

/// The published document of `kind` with nothing filled in, its kind's part present so that
/// the part's own required fields are reported.
fn empty_published(kind: Kind) -> ItemDocument {
    let mut doc = ItemDocument { kind: Some(kind), lifecycle: Lifecycle::Published, ..Default::default() };
    match kind {
        Kind::ProjectSheet => doc.project_sheet = Some(Default::default()),
        Kind::GoodPractice => doc.good_practice = Some(Default::default()),
        Kind::Experience => doc.experience = Some(Default::default()),
    }
    doc
}

/// A schema requiring every dotted path (`territory.scale` requires `territory`, and
/// `scale` inside it).
fn requiring(paths: &[String]) -> Value {
    let mut nested: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for path in paths {
        let (head, tail) = path.split_once('.').map_or((path.as_str(), None), |(h, t)| (h, Some(t)));
        let entry = nested.entry(head).or_default();
        entry.extend(tail.map(str::to_owned));
    }
    let mut schema = json!({ "required": nested.keys().collect::<Vec<_>>() });
    let properties: Map<String, Value> = nested
        .iter()
        .filter(|(_, tails)| !tails.is_empty())
        .map(|(head, tails)| ((*head).to_owned(), requiring(tails)))
        .collect();
    if !properties.is_empty() {
        schema["properties"] = Value::Object(properties);
    }
    schema
}

/// Always-required fields in `required`; per kind, `if` published or archived `then` its
/// required fields; and the same in words in the description.
fn publication_requirements(schemas: &mut Map<String, Value>, vocab: &Vocabularies) {
    let Some(document) = schemas.get_mut("ItemDocument") else { return };
    let always = required_paths(ItemDocument::default(), vocab);
    let public: Vec<&str> = [Lifecycle::Published, Lifecycle::Archived].iter().map(|l| l.code()).collect();
    let mut conditions = Vec::new();
    let mut words = Vec::new();
    for kind in Kind::ALL {
        let paths = required_paths(empty_published(kind), vocab);
        words.push(format!("{} : {}", kind.code(), paths.join(", ")));
        conditions.push(json!({
            "if": {
                "properties": { "kind": { "const": kind.code() }, "lifecycle": { "enum": public } },
                "required": ["kind", "lifecycle"],
            },
            "then": requiring(&paths),
        }));
    }
    document["required"] = json!(always);
    document["allOf"] = Value::Array(conditions);
    let description = document["description"].as_str().unwrap_or_default().to_owned();
    document["description"] = json!(format!(
        "{description}\n\nToujours obligatoires : {}. Obligatoires pour publier (lifecycle `published` ou `archived`), \
         selon le type — {}.",
        always.join(", "),
        words.join(" ; ")
    ));
}

/// The served item: a copy of the document's schema with `meta` beside its fields.
fn served_item(schemas: &mut Map<String, Value>) {
    let Some(mut served) = schemas.get("ItemDocument").cloned() else { return };
    served["properties"]["meta"] = json!({ "$ref": "#/components/schemas/ItemMeta" });
    if let Some(required) = served["required"].as_array_mut() {
        required.push(json!("meta"));
    }
    served["description"] = json!("Une fiche telle que l'API la sert : le document et `meta`, en lecture seule.");
    schemas.insert("ItemWithMeta".into(), served);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_paths_require_their_parent_and_themselves() {
        let schema = requiring(&["title".into(), "territory.scale".into(), "experience.period.start".into()]);
        assert_eq!(schema["required"], json!(["experience", "territory", "title"]));
        assert_eq!(schema["properties"]["territory"]["required"], json!(["scale"]));
        assert_eq!(schema["properties"]["experience"]["properties"]["period"]["required"], json!(["start"]));
    }

    #[test]
    fn a_published_project_sheet_requires_its_carrier() {
        let paths = required_paths(empty_published(Kind::ProjectSheet), &Vocabularies::builtin());
        assert!(paths.iter().any(|p| p == "project_sheet.carrier"), "{paths:?}");
        assert!(paths.iter().any(|p| p == "license"), "{paths:?}");
    }
}
