//! A small scan of served HTML for live script: what a browser would run, as opposed to
//! text that merely reads like HTML because it was escaped. It reads tags the way a
//! browser splits them (quoted attribute values, unquoted ones, character references in
//! URLs), which is enough to judge the output of an allow-list sanitizer and of
//! templates that escape.

/// Live script in served HTML: a `<script>` (or other active) element, an event
/// handler attribute (`on…=`), or a `javascript:`/`data:`/`vbscript:` URL in an
/// attribute. Text that merely *reads* like HTML (escaped as `&lt;script…`) is fine.
pub fn live_script(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    let bytes = html.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'<' {
            i += 1;
            continue;
        }
        let start = i;
        let mut j = i + 1;
        if j < bytes.len() && bytes[j] == b'/' {
            j += 1;
        }
        if j >= bytes.len() || !bytes[j].is_ascii_alphabetic() {
            i += 1;
            continue;
        }
        // Up to the closing `>` of this tag, stepping over quoted attribute values.
        let mut quote = None;
        let mut end = j;
        while end < bytes.len() {
            match (quote, bytes[end]) {
                (None, b'"' | b'\'') => quote = Some(bytes[end]),
                (Some(q), c) if c == q => quote = None,
                (None, b'>') => break,
                _ => {}
            }
            end += 1;
        }
        let tag = &html[start..end.min(html.len())];
        inspect_tag(tag, &mut found);
        i = end + 1;
    }
    found
}

fn inspect_tag(tag: &str, found: &mut Vec<String>) {
    let lower = tag.to_ascii_lowercase();
    let body = lower.trim_start_matches('<').trim_start_matches('/');
    let name: String = body.chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
    // `link`, `style` and `svg` are left out: the layout's stylesheet links and the
    // server-drawn charts are fine (script inside them is still caught), and the
    // sanitizer's allow-list has none of them.
    let active = ["script", "iframe", "object", "embed", "frame", "frameset", "base", "applet"];
    let closing = lower.starts_with("</");
    if !closing && (active.contains(&name.as_str()) || (name == "meta" && lower.contains("http-equiv"))) {
        found.push(format!("element <{name}>: {tag}"));
    }
    for (attribute, value) in attributes(&body[name.len()..]) {
        if attribute.starts_with("on") && attribute.len() > 2 {
            found.push(format!("event handler {attribute}: {tag}"));
        }
        let url_attribute = [
            "href",
            "src",
            "action",
            "formaction",
            "xlink:href",
            "data",
            "background",
            "poster",
            "srcset",
            "cite",
            "longdesc",
            "lowsrc",
            "dynsrc",
            "content",
        ];
        let value: String = decode_entities(&value)
            .chars()
            .filter(|c| !c.is_whitespace() && !c.is_control())
            .collect::<String>()
            .to_ascii_lowercase();
        let dangerous = ["javascript:", "vbscript:", "data:text/html", "url=javascript:"];
        if url_attribute.contains(&attribute.as_str())
            && dangerous.iter().any(|d| value.starts_with(d) || value.contains(&format!("0;{d}")))
        {
            found.push(format!("{attribute}={value}: {tag}"));
        }
        if attribute == "style" && (value.contains("javascript:") || value.contains("expression(")) {
            found.push(format!("style with script: {tag}"));
        }
    }
}

/// `name=value` pairs of a tag's attribute text (after its name), as a browser splits them.
pub fn attributes(text: &str) -> Vec<(String, String)> {
    let chars: Vec<char> = text.chars().collect();
    let mut pairs = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        while i < chars.len() && (chars[i].is_whitespace() || chars[i] == '/') {
            i += 1;
        }
        let start = i;
        while i < chars.len() && !chars[i].is_whitespace() && !matches!(chars[i], '=' | '>' | '/') {
            i += 1;
        }
        let name: String = chars[start..i].iter().collect();
        while i < chars.len() && chars[i].is_whitespace() {
            i += 1;
        }
        let mut value = String::new();
        if i < chars.len() && chars[i] == '=' {
            i += 1;
            while i < chars.len() && chars[i].is_whitespace() {
                i += 1;
            }
            if i < chars.len() && matches!(chars[i], '"' | '\'') {
                let quote = chars[i];
                i += 1;
                while i < chars.len() && chars[i] != quote {
                    value.push(chars[i]);
                    i += 1;
                }
                i += 1;
            } else {
                while i < chars.len() && !chars[i].is_whitespace() && chars[i] != '>' {
                    value.push(chars[i]);
                    i += 1;
                }
            }
        }
        if name.is_empty() {
            i += 1;
        } else {
            pairs.push((name, value));
        }
    }
    pairs
}

/// The shape of the markup: each tag's name and attribute names, in order (text and
/// attribute values left out).
pub fn tag_shapes(html: &str) -> Vec<String> {
    let mut shapes = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        let tag = rest.split('>').next().unwrap_or_default();
        let name: String = tag.trim_start_matches('/').chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
        if name.is_empty() {
            continue;
        }
        let slash = if tag.starts_with('/') { "/" } else { "" };
        let names: Vec<String> =
            attributes(&tag.trim_start_matches('/')[name.len()..]).into_iter().map(|(n, _)| n).collect();
        shapes.push(format!("{slash}{name} {}", names.join(" ")));
    }
    shapes
}

/// Character references a browser decodes in attribute values before reading a URL.
fn decode_entities(value: &str) -> String {
    let mut out = String::new();
    let mut rest = value;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = rest.find(';').filter(|e| *e <= 12);
        let entity = end.map(|e| &rest[1..e]).unwrap_or("");
        let decoded = match entity {
            "colon" => Some(':'),
            "tab" => Some('\t'),
            "newline" => Some('\n'),
            "amp" => Some('&'),
            e if e.starts_with("#x") || e.starts_with("#X") => {
                u32::from_str_radix(&e[2..], 16).ok().and_then(char::from_u32)
            }
            e if e.starts_with('#') => e[1..].parse().ok().and_then(char::from_u32),
            _ => None,
        };
        match (decoded, end) {
            (Some(c), Some(e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[test]
fn the_script_scan_finds_live_script_and_ignores_escaped_text() {
    assert!(live_script("<p>&lt;script&gt;alert(1)&lt;/script&gt; onerror=alert(1) javascript:x</p>").is_empty());
    assert!(live_script(r#"<a href="/items/x" rel="noopener">lien</a><form action="/login">"#).is_empty());
    assert_eq!(live_script("<p><script>alert(1)</script></p>").len(), 1);
    assert_eq!(live_script(r#"<img src="x" onerror="alert(1)">"#).len(), 1);
    assert_eq!(live_script("<img src=x onerror=alert(1)>").len(), 1);
    assert_eq!(live_script(r#"<a href="javascript:alert(1)">x</a>"#).len(), 1);
    assert_eq!(live_script(r#"<a title="a > b" href='JavaScript:alert(1)'>x</a>"#).len(), 1);
    assert_eq!(live_script(r#"<a href="jav&#x61;script&colon;alert(1)">x</a>"#).len(), 1);
    assert!(live_script(r#"<p title="javascript:alert(1) onerror=x">x</p>"#).is_empty());
}
