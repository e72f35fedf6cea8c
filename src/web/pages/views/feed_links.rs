//! The feed links a catalogue page offers (`<link rel="alternate">` and the visible list),
//! matching its filters, and the absolute URL of a page of this node.

use crate::content::vocabulary::names;
use crate::content::Kind;
use crate::i18n::Message;
use crate::operations::Node;
use crate::web::pages::views::i18n;

/// Feed links (title, absolute URL) matching the catalogue's filters, for `<link rel="alternate">`;
/// with a search `q`, the links carry it, and the whole catalogue's feed of that search comes first.
pub fn feeds_for(
    node: &Node,
    kind: Option<&str>,
    territory: Option<&str>,
    pillar: Option<&str>,
    q: Option<&str>,
) -> Vec<(String, String)> {
    let search = q.map(|q| format!("?q={}", url::form_urlencoded::byte_serialize(q.as_bytes()).collect::<String>()));
    let path = |segments: &[&str]| {
        let url = self_url(node, &segments.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        format!("{url}{}", search.as_deref().unwrap_or_default())
    };
    let mut feeds = Vec::new();
    if let Some(q) = q {
        feeds.push((i18n::t1("feed-link-search", "q", q), path(&["feeds", "atom.xml"])));
    }
    if let Some(kind) = kind.and_then(Kind::parse) {
        let title = i18n::t1(kind_feed_key(kind), "kind", kind_title(kind).in_lang(i18n::lang()));
        feeds.push((title, path(&["feeds", &format!("{}.xml", kind.code())])));
    }
    if let Some(name) = territory.filter(|t| !t.trim().is_empty()) {
        let title = i18n::t1("feed-link-territory", "name", name);
        feeds.push((title, path(&["feeds", "territoire", &format!("{name}.xml")])));
    }
    if let Some(code) = pillar.filter(|c| node.vocab.contains(names::PILLAR, c)) {
        let title = i18n::t1("feed-link-pillar", "label", i18n::term(&node.vocab, names::PILLAR, code));
        feeds.push((title, path(&["feeds", "pilier", &format!("{code}.xml")])));
    }
    feeds
}

/// The absolute URL of this node's path made of `segments`.
pub fn self_url(node: &Node, segments: &[String]) -> String {
    let mut url = node.base_url.clone();
    if let Ok(mut path) = url.path_segments_mut() {
        path.pop_if_empty().extend(segments);
    }
    url.to_string()
}

fn kind_feed_key(kind: Kind) -> &'static str {
    match kind {
        Kind::ProjectSheet => "feed-link-project-sheets",
        Kind::GoodPractice => "feed-link-good-practices",
        Kind::Experience => "feed-link-experiences",
    }
}

/// The items of a kind, as a feed's title names them.
pub fn kind_title(kind: Kind) -> Message {
    match kind {
        Kind::ProjectSheet => crate::msg!("page-feed-kind-project_sheet"),
        Kind::GoodPractice => crate::msg!("page-feed-kind-good_practice"),
        Kind::Experience => crate::msg!("page-feed-kind-experience"),
    }
}
