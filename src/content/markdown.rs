//! Markdown in, sanitized HTML out. Every body (local or replicated) goes through
//! [`render_markdown`] before it is shown; [`sanitize_html`] cleans HTML that arrives from
//! peers. Both use ammonia's allow-list, so no script, event handler or `javascript:` URL
//! survives. [`render_markdown_with_heading_offset`] serves pages whose own title is the
//! `<h1>`: the body's headings move down so the outline stays correct.

use pulldown_cmark::{html, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// Renders Markdown to HTML and removes anything unsafe.
pub fn render_markdown(markdown: &str) -> String {
    render_markdown_with_heading_offset(markdown, 0)
}

/// Like [`render_markdown`], with every Markdown heading moved `offset` levels down
/// (`#` becomes `<h2>` with an offset of 1); levels stop at `<h6>`. Raw HTML headings
/// written inside the Markdown are left as they are.
pub fn render_markdown_with_heading_offset(markdown: &str, offset: usize) -> String {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    let shift =
        |level: HeadingLevel| HeadingLevel::try_from((level as usize + offset).min(6)).unwrap_or(HeadingLevel::H6);
    let parser = Parser::new_ext(markdown, options).map(|event| match event {
        Event::Start(Tag::Heading { level, id, classes, attrs }) => {
            Event::Start(Tag::Heading { level: shift(level), id, classes, attrs })
        }
        Event::End(TagEnd::Heading(level)) => Event::End(TagEnd::Heading(shift(level))),
        other => other,
    });
    let mut unsafe_html = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut unsafe_html, parser);
    sanitize_html(&unsafe_html)
}

/// Moves every heading of sanitized HTML (this module's output) `offset` levels down,
/// stopping at `<h6>`: what [`render_markdown_with_heading_offset`] does, without parsing
/// and sanitizing again, for pages that show a stored body. Headings written as raw HTML
/// in the Markdown move too.
pub fn shift_headings(sanitized: &str, offset: usize) -> String {
    let mut out = String::with_capacity(sanitized.len());
    let mut rest = sanitized;
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        let tag = &rest[at..];
        let name_at = if tag.starts_with("</") { 2 } else { 1 };
        let bytes = tag.as_bytes();
        let is_heading = bytes.len() > name_at + 2
            && bytes[name_at] == b'h'
            && (b'1'..=b'6').contains(&bytes[name_at + 1])
            && matches!(bytes[name_at + 2], b'>' | b' ');
        if is_heading {
            let level = (usize::from(bytes[name_at + 1] - b'0') + offset).min(6);
            out.push_str(&tag[..name_at + 1]);
            out.push_str(&level.to_string());
            rest = &tag[name_at + 2..];
        } else {
            out.push('<');
            rest = &tag[1..];
        }
    }
    out.push_str(rest);
    out
}

/// Cleans HTML to the allow-list (links get `rel="noopener noreferrer"`).
pub fn sanitize_html(html: &str) -> String {
    ammonia::Builder::default().url_schemes(["http", "https", "mailto"].into_iter().collect()).clean(html).to_string()
}

/// Strips every tag, for plain-text contexts (summaries from peers, search snippets).
pub fn to_plain_text(html: &str) -> String {
    let cleaned = ammonia::Builder::empty().clean(html).to_string();
    cleaned
        .replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_is_rendered_to_html() {
        let html = render_markdown("# Titre\n\nUn *essai* de **compost**.");
        assert!(html.contains("<h1>Titre</h1>"));
        assert!(html.contains("<em>essai</em>"));
    }

    #[test]
    fn headings_move_down_by_the_offset_and_stop_at_h6() {
        let html = render_markdown_with_heading_offset("# Un\n\n## Deux\n\n###### Six\n\nTexte", 1);
        assert!(html.contains("<h2>Un</h2>"), "{html}");
        assert!(html.contains("<h3>Deux</h3>"), "{html}");
        assert!(html.contains("<h6>Six</h6>"), "{html}");
        assert!(!html.contains("<h1>"), "{html}");
        assert_eq!(render_markdown_with_heading_offset("# Titre", 0), render_markdown("# Titre"));
    }

    #[test]
    fn shifting_a_stored_body_gives_what_rendering_with_the_offset_gives() {
        let samples = [
            "# Un\n\n## Deux *en italique*\n\n###### Six\n\nTexte <https://exemple.org/h1>",
            "Texte seul, avec `<h1>` en code et h1 en clair.\n\n### Trois\n\n| a | b |\n|---|---|\n| 1 | 2 |",
            "## Titre avec [lien](https://exemple.org \"<h2>\")\n\n- liste\n- encore",
        ];
        for markdown in samples {
            assert_eq!(
                shift_headings(&render_markdown(markdown), 1),
                render_markdown_with_heading_offset(markdown, 1),
                "{markdown}"
            );
        }
        assert_eq!(
            shift_headings("<h1 lang=\"fr\">Brut</h1><h6>Six</h6><hr>", 1),
            "<h2 lang=\"fr\">Brut</h2><h6>Six</h6><hr>"
        );
    }

    #[test]
    fn scripts_and_event_handlers_cannot_get_through() {
        let html =
            render_markdown("<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n[lien](javascript:alert(3))");
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("onerror"), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
    }

    #[test]
    fn plain_text_drops_tags_and_keeps_accents() {
        assert_eq!(to_plain_text("<p>Écologie <b>territoriale</b></p>"), "Écologie territoriale");
    }
}
