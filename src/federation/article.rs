//! An item on the wire: an ActivityStreams `Article` that mainstream servers can show
//! (name, summary of key facts, content, hashtags, attachments) and that carries every
//! structured field, so a replica reads back exactly what the origin published:
//! - `maillageDocument`: the public view of the document, every field;
//! - `maillage`: the same reduced to the first version of the model, which nodes that
//!   predate the detailed fields read (they refuse fields they do not know).
//!
//! A reader takes `maillageDocument` when it understands it, and `maillage` otherwise.
//! The caller hands in the document as it may leave the node (its public view).

use super::vocab::{article_context, PUBLIC};
use crate::content::markdown::sanitize_html;
use crate::content::media::{MediaFile, StoredFile};
use crate::content::vocabulary::names;
use crate::content::{ItemDocument, Vocabularies};
use chrono::{DateTime, SecondsFormat, Utc};
use serde_json::{json, Value};
use std::collections::BTreeMap;

/// What the origin knows about a local item when it serves it.
pub struct LocalArticle<'a> {
    pub uri: &'a str,
    pub actor: &'a str,
    pub followers: &'a str,
    /// Origin of the node, for hashtag links (`…/catalogue?pillar=…`).
    pub base_url: &'a str,
    pub document: &'a ItemDocument,
    pub body_html: &'a str,
    pub published: Option<DateTime<Utc>>,
    pub updated: DateTime<Utc>,
}

pub fn wire_time(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Millis, true)
}

impl LocalArticle<'_> {
    pub fn to_json(&self, vocab: &Vocabularies) -> Value {
        let doc = self.document;
        let mut tags = Vec::new();
        for (vocabulary, param, codes) in
            [(names::PILLAR, "pillar", &doc.pillars), (names::ACTIVITY_DOMAIN, "domain", &doc.activity_domains)]
        {
            for code in codes {
                tags.push(json!({
                    "type": "Hashtag",
                    "name": format!("#{}", hashtag(vocab.label(vocabulary, code))),
                    "href": format!("{}catalogue?{param}={code}", self.base_url),
                }));
            }
        }
        let mut attachments: Vec<Value> = doc.media.iter().map(|m| self.attachment(m)).collect();
        attachments.extend(doc.documents.iter().map(|d| {
            let mut link = json!({ "type": "Link", "name": d.title, "href": d.url });
            if let Some(media_type) = &d.media_type {
                link["mediaType"] = json!(media_type);
            }
            link
        }));
        let license_url = doc
            .license
            .as_deref()
            .and_then(|code| vocab.get(names::LICENSE).and_then(|v| v.term(code)))
            .and_then(|t| t.url.clone());
        let mut article = json!({
            "@context": article_context(),
            "id": self.uri,
            "type": "Article",
            "name": doc.title,
            "summary": key_facts_html(doc, vocab),
            "content": self.body_html,
            "mediaType": "text/html",
            "url": self.uri,
            "attributedTo": self.actor,
            "to": [PUBLIC],
            "cc": [self.followers],
            "updated": wire_time(self.updated),
            "tag": tags,
            "attachment": attachments,
            "areaServed": doc.territory.name,
            "maillageKind": doc.kind.map(|k| k.code()),
            "maillage": doc.first_version_shape(),
            "maillageDocument": doc,
        });
        if let Some(published) = self.published.or(doc.published) {
            article["published"] = json!(wire_time(published));
        }
        if let Some(url) = license_url {
            article["license"] = json!(url);
        }
        if let Some(cover) = doc.media.iter().find(|m| m.cover && m.is_image()) {
            article["image"] = self.attachment(cover);
        }
        if let Some(language) = Some(&doc.language).filter(|l| !l.is_empty()) {
            article["contentMap"] = json!({ language.as_str(): self.body_html });
        }
        article
    }
}

impl LocalArticle<'_> {
    /// A stored file on the wire: where this node serves it, its type, size and SHA-256
    /// (`sha256`, in the project's context), so that a follower can fetch and check it.
    fn file_json(&self, file: &StoredFile, kind: &str) -> Value {
        let mut json = json!({
            "type": kind,
            "mediaType": file.media_type,
            "url": media_url(self.base_url, &file.sha256),
            "sha256": file.sha256,
            "size": file.size,
        });
        if let (Some(width), Some(height)) = (file.width, file.height) {
            json["width"] = json!(width);
            json["height"] = json!(height);
        }
        json
    }

    /// An attachment: a picture (`name` is its alternative text; `preview` its thumbnail)
    /// or a document (`name` is its title).
    fn attachment(&self, m: &MediaFile) -> Value {
        if m.is_image() {
            let mut json = self.file_json(&m.file, "Image");
            json["name"] = json!(m.alt.as_deref().unwrap_or(&m.title));
            if let Some(thumbnail) = &m.thumbnail {
                json["preview"] = self.file_json(thumbnail, "Image");
            }
            json
        } else {
            let mut json = self.file_json(&m.file, "Document");
            json["name"] = json!(m.title);
            json
        }
    }
}

/// Where a node whose origin is `base_url` serves the file `sha256`.
pub fn media_url(base_url: &str, sha256: &str) -> String {
    format!("{}media/{sha256}", base_url)
}

/// Where the peer that sent an Article serves each file, by digest: the `url` of every
/// `image`, `attachment` and `preview` entry that carries a `sha256`.
fn media_urls(value: &Value) -> BTreeMap<String, String> {
    let mut urls = BTreeMap::new();
    let mut entries: Vec<&Value> = Vec::new();
    entries.extend(value.get("image"));
    match value.get("attachment") {
        Some(Value::Array(list)) => entries.extend(list),
        Some(one) => entries.push(one),
        None => {}
    }
    let previews: Vec<&Value> = entries.iter().filter_map(|e| e.get("preview")).collect();
    entries.extend(previews);
    for entry in entries {
        let digest = entry.get("sha256").and_then(Value::as_str);
        let url = entry.get("url").and_then(super::vocab::id_of);
        if let (Some(digest), Some(url)) = (digest, url) {
            urls.insert(digest.to_owned(), url.to_owned());
        }
    }
    urls
}

/// "Écologie industrielle et territoriale" → "EcologieIndustrielleEtTerritoriale".
fn hashtag(label: &str) -> String {
    deunicode::deunicode(label)
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut chars = w.chars();
            chars.next().map(|c| c.to_ascii_uppercase().to_string() + chars.as_str()).unwrap_or_default()
        })
        .collect()
}

/// The short HTML that other fediverse software shows: kind, carrier, place, period,
/// pillars, then the plain-text summary. Every value is escaped.
fn key_facts_html(doc: &ItemDocument, vocab: &Vocabularies) -> String {
    let mut facts: Vec<String> = Vec::new();
    if let Some(kind) = doc.kind {
        facts.push(kind.label());
    }
    if let Some(carrier) = doc.project_sheet.as_ref().and_then(|p| p.carrier.as_ref()) {
        facts.push(carrier.name.clone());
    }
    if !doc.territory.name.is_empty() {
        facts.push(doc.territory.name.clone());
    }
    if let Some(p) = &doc.project_sheet {
        match (&p.start_date, &p.end_date) {
            (Some(s), Some(e)) => facts.push(format!("{s} – {e}")),
            (Some(s), None) => facts.push(crate::msg!("federation-article-since", date = s).to_string()),
            _ => {}
        }
    }
    let pillars: Vec<&str> = doc.pillars.iter().map(|c| vocab.label(names::PILLAR, c)).collect();
    if !pillars.is_empty() {
        facts.push(pillars.join(", "));
    }
    let facts = facts.iter().map(|f| escape(f)).collect::<Vec<_>>().join(" · ");
    format!("<p><strong>{facts}</strong></p><p>{}</p>", escape(&doc.summary))
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// An Article read from a peer.
#[derive(Debug, Clone)]
pub struct RemoteArticle {
    pub id: String,
    pub attributed_to: Option<String>,
    pub url: Option<String>,
    pub updated: Option<DateTime<Utc>>,
    pub published: Option<DateTime<Utc>>,
    /// The structured document, when the Article comes from a maillage node.
    pub document: Option<ItemDocument>,
    /// Sanitized HTML content (for display only; maillage replicas re-render Markdown).
    pub content_html: String,
    /// Where the sender serves each file of the item, by SHA-256.
    pub media_urls: BTreeMap<String, String>,
}

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum ArticleError {
    #[error("the object has no id")]
    MissingId,
    #[error("the object is a {0}, not an Article")]
    NotAnArticle(String),
    #[error("the maillage document is invalid: {0}")]
    BadDocument(String),
}

pub fn parse_article(value: &Value) -> Result<RemoteArticle, ArticleError> {
    let id = value.get("id").and_then(Value::as_str).ok_or(ArticleError::MissingId)?.to_owned();
    let kind = super::vocab::type_of(value).unwrap_or("");
    if kind != "Article" {
        return Err(ArticleError::NotAnArticle(kind.to_owned()));
    }
    let time = |field: &str| {
        value
            .get(field)
            .and_then(Value::as_str)
            .and_then(|t| DateTime::parse_from_rfc3339(t).ok())
            .map(|t| t.with_timezone(&Utc))
    };
    let read = |field: &str| match value.get(field) {
        None | Some(Value::Null) => None,
        Some(doc) => Some(serde_json::from_value::<ItemDocument>(doc.clone())),
    };
    let document = match (read("maillageDocument"), read("maillage")) {
        (Some(Ok(full)), _) => Some(full),
        // A newer node's full document with fields this build does not know: its
        // first-version shape still reads.
        (Some(Err(_)), Some(Ok(core))) | (None, Some(Ok(core))) => Some(core),
        (Some(Err(e)), _) | (None, Some(Err(e))) => return Err(ArticleError::BadDocument(e.to_string())),
        (None, None) => None,
    };
    Ok(RemoteArticle {
        attributed_to: value.get("attributedTo").and_then(super::vocab::id_of).map(str::to_owned),
        url: value.get("url").and_then(super::vocab::id_of).map(str::to_owned),
        updated: time("updated"),
        published: time("published"),
        content_html: sanitize_html(value.get("content").and_then(Value::as_str).unwrap_or("")),
        media_urls: media_urls(value),
        document,
        id,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{Kind, Lifecycle};

    #[test]
    fn an_article_reads_back_the_document_it_was_made_from() {
        let vocab = Vocabularies::builtin();
        let doc = ItemDocument {
            kind: Some(Kind::GoodPractice),
            title: "Méthode en 7 étapes".into(),
            summary: "Démarrer une dynamique <d'écologie>".into(),
            body: "Texte".into(),
            language: "fr".into(),
            pillars: vec!["ecologie_industrielle_territoriale".into()],
            lifecycle: Lifecycle::Published,
            ..Default::default()
        };
        let now = Utc::now();
        let json = LocalArticle {
            uri: "http://127.0.0.1:8081/items/methode",
            actor: "http://127.0.0.1:8081/actor",
            followers: "http://127.0.0.1:8081/followers",
            base_url: "http://127.0.0.1:8081/",
            document: &doc,
            body_html: "<p>Texte</p>",
            published: Some(now),
            updated: now,
        }
        .to_json(&vocab);
        assert_eq!(json["tag"][0]["name"], "#EcologieIndustrielleEtTerritoriale");
        assert!(json["summary"].as_str().unwrap_or("").contains("&lt;d'écologie&gt;"));
        let back = parse_article(&json).expect("our own article parses");
        assert_eq!(back.document.as_ref(), Some(&doc));
        assert_eq!(back.updated.map(wire_time), Some(wire_time(now)));
    }

    #[test]
    fn a_full_document_with_unknown_fields_falls_back_to_the_first_version_shape() {
        let core = json!({ "kind": "good_practice", "title": "Méthode", "language": "fr" });
        let mut newer = core.clone();
        newer["a_field_of_a_later_version"] = json!(true);
        let article =
            json!({ "id": "https://a.test/items/m", "type": "Article", "maillage": core, "maillageDocument": newer });
        let read = parse_article(&article).expect("readable");
        assert_eq!(read.document.map(|d| d.title), Some("Méthode".to_owned()));
    }

    #[test]
    fn an_article_from_an_older_node_reads_as_it_was_written() {
        let older = json!({ "kind": "project_sheet", "title": "Ancienne", "language": "fr",
            "project_sheet": { "objectives": ["Relocaliser"] } });
        let article = json!({ "id": "https://a.test/items/a", "type": "Article", "maillage": older });
        let document = parse_article(&article).expect("readable").document.expect("a document");
        assert_eq!(
            document.project_sheet.expect("sheet").objectives,
            vec![crate::content::Objective::plain("Relocaliser")]
        );
    }

    #[test]
    fn a_note_is_not_an_article() {
        let note = json!({"id": "https://a.test/n/1", "type": "Note"});
        assert_eq!(parse_article(&note).err(), Some(ArticleError::NotAnArticle("Note".into())));
    }
}
