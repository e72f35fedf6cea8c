//! Files attached to an item: pictures and documents, named by the SHA-256 of the bytes a
//! node stores and serves (content addressing), with the title, licence, credit and
//! alternative text an editor gives them. This module owns the shape of an attachment in
//! the item document, the list of accepted types, and the checks made on bytes before
//! anything is stored (type from the bytes, never from the name; SVG, polyglots and
//! corrupt headers refused). Pure: no I/O.

use serde::{Deserialize, Serialize};

mod refusal;
pub use refusal::{Damage, MediaRefusal, Unrecognised};

/// Pictures or documents.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum MediaKind {
    Image,
    Document,
}

/// A stored file: its digest (the name it is stored and served under), type, size and,
/// for pictures, dimensions.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, Default, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StoredFile {
    /// Lowercase hexadecimal SHA-256 of the bytes.
    pub sha256: String,
    pub media_type: String,
    /// Bytes.
    pub size: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub width: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub height: Option<u32>,
}

/// One file attached to an item. A picture is stored as two re-encoded variants: `file`
/// (the large one, for pages) and `thumbnail` (for cards); a document as uploaded.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MediaFile {
    pub kind: Option<MediaKind>,
    #[serde(default)]
    pub title: String,
    /// A `license` vocabulary code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub license: Option<String>,
    /// Who made the picture or wrote the document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credit: Option<String>,
    /// What a picture shows, for people who cannot see it (required for pictures).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alt: Option<String>,
    /// The picture shown on cards and at the top of the item's page (one at most).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub cover: bool,
    /// The name the file had when it was uploaded (for downloads).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_name: Option<String>,
    #[serde(default)]
    pub file: StoredFile,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thumbnail: Option<StoredFile>,
    /// In an import file only: the file to attach, relative to the import file.
    #[serde(default, skip_serializing)]
    pub path: Option<String>,
}

impl MediaFile {
    /// The digests of every stored file this attachment uses.
    pub fn digests(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.file.sha256.as_str()).chain(self.thumbnail.as_ref().map(|t| t.sha256.as_str()))
    }

    pub fn is_image(&self) -> bool {
        self.kind == Some(MediaKind::Image)
    }
}

/// Every file the node accepts, by media type, with the file name extensions that may
/// carry it and a French label for pages.
pub const ACCEPTED: &[(&str, &[&str], &str)] = &[
    ("image/jpeg", &["jpg", "jpeg"], "Image JPEG"),
    ("image/png", &["png"], "Image PNG"),
    ("image/webp", &["webp"], "Image WebP"),
    ("application/pdf", &["pdf"], "PDF"),
    ("application/vnd.oasis.opendocument.text", &["odt"], "Texte OpenDocument"),
    ("application/vnd.oasis.opendocument.spreadsheet", &["ods"], "Tableur OpenDocument"),
    ("application/vnd.oasis.opendocument.presentation", &["odp"], "Présentation OpenDocument"),
    ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", &["docx"], "Document Word"),
    ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", &["xlsx"], "Classeur Excel"),
    ("application/vnd.openxmlformats-officedocument.presentationml.presentation", &["pptx"], "Présentation PowerPoint"),
    ("text/csv", &["csv"], "Tableau CSV"),
    ("text/plain", &["txt"], "Texte"),
];

/// The French label of a media type ("PDF", "Tableur OpenDocument"…).
pub fn type_label(media_type: &str) -> &'static str {
    ACCEPTED.iter().find(|(t, _, _)| *t == media_type).map(|(_, _, label)| *label).unwrap_or("Fichier")
}

/// The usual extension of an accepted type (for download names).
pub fn extension_of(media_type: &str) -> &'static str {
    ACCEPTED.iter().find(|(t, _, _)| *t == media_type).map(|(_, ext, _)| ext[0]).unwrap_or("bin")
}

pub fn is_image_type(media_type: &str) -> bool {
    matches!(media_type, "image/jpeg" | "image/png" | "image/webp")
}

/// Whether `value` is a lowercase hexadecimal SHA-256.
pub fn is_sha256(value: &str) -> bool {
    value.len() == 64 && value.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// Checks an uploaded file's name: a plain name, no path, no control character.
pub fn check_file_name(name: &str) -> Result<(), MediaRefusal> {
    let bad = name.is_empty()
        || name.chars().count() > 200
        || name.contains(['/', '\\'])
        || name == "."
        || name.contains("..")
        || name.chars().any(|c| c.is_control());
    if bad {
        return Err(MediaRefusal::BadFileName(name.chars().filter(|c| !c.is_control()).take(80).collect()));
    }
    Ok(())
}

/// Whether the first bytes of a file are those of an accepted picture (to apply the
/// picture size limit while the upload still streams).
pub fn starts_like_a_picture(prefix: &[u8]) -> bool {
    prefix.starts_with(&[0xFF, 0xD8, 0xFF])
        || prefix.starts_with(b"\x89PNG")
        || (prefix.len() >= 12 && &prefix[..4] == b"RIFF" && &prefix[8..12] == b"WEBP")
}

/// Decides the type of `bytes` from their content, then checks it against the name's
/// extension (when the name has one). Refuses SVG, unknown types, polyglots and
/// documents whose structure is broken.
pub fn sniff(bytes: &[u8], file_name: Option<&str>) -> Result<&'static str, MediaRefusal> {
    if bytes.is_empty() {
        return Err(MediaRefusal::Empty);
    }
    let extension = file_name
        .and_then(|n| n.rsplit_once('.'))
        .map(|(_, ext)| ext.to_ascii_lowercase())
        .filter(|ext| !ext.is_empty());
    let found = detect(bytes, extension.as_deref())?;
    check_not_polyglot(bytes, found)?;
    if let Some(extension) = extension {
        let (_, extensions, label) =
            ACCEPTED.iter().find(|(t, _, _)| *t == found).expect("detected types are accepted");
        if !extensions.contains(&extension.as_str()) {
            return Err(MediaRefusal::Mismatch { found: label, extension });
        }
    }
    Ok(found)
}

fn detect(bytes: &[u8], extension: Option<&str>) -> Result<&'static str, MediaRefusal> {
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return Ok("image/jpeg");
    }
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Ok("image/png");
    }
    if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        return Ok("image/webp");
    }
    if bytes.starts_with(b"%PDF-") {
        let version = &bytes[5..bytes.len().min(8)];
        let valid_version = version.len() == 3
            && matches!(version[0], b'1' | b'2')
            && version[1] == b'.'
            && version[2].is_ascii_digit();
        if !valid_version {
            return Err(MediaRefusal::Corrupt(Damage::PdfWithoutVersion));
        }
        let tail = &bytes[bytes.len().saturating_sub(2048)..];
        if !contains(tail, b"%%EOF") {
            return Err(MediaRefusal::Corrupt(Damage::PdfWithoutEnd));
        }
        return Ok("application/pdf");
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return office_type(bytes);
    }
    for (signature, name) in [(&b"GIF8"[..], "GIF"), (b"BM", "BMP"), (b"II*\0", "TIFF"), (b"MM\0*", "TIFF")] {
        if bytes.starts_with(signature) {
            return Err(MediaRefusal::Unsupported(name.into()));
        }
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]).to_ascii_lowercase();
    if head.contains("<svg") {
        return Err(MediaRefusal::Svg);
    }
    let text = std::str::from_utf8(bytes).map_err(|_| MediaRefusal::Unrecognised(Unrecognised::Binary))?;
    if text.chars().any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}')) {
        return Err(MediaRefusal::Unrecognised(Unrecognised::ControlCharacters));
    }
    if head.trim_start().starts_with("<?xml") || head.contains("<html") || head.contains("<!doctype") {
        return Err(MediaRefusal::Unrecognised(Unrecognised::Markup));
    }
    Ok(if extension == Some("csv") { "text/csv" } else { "text/plain" })
}

/// A ZIP is an OpenDocument (its first entry, `mimetype`, names the type) or an Office
/// Open XML file (its `[Content_Types].xml` and main part); any other ZIP is refused.
fn office_type(bytes: &[u8]) -> Result<&'static str, MediaRefusal> {
    if bytes.len() > 38 && &bytes[30..38] == b"mimetype" {
        let rest = &bytes[38..bytes.len().min(38 + 80)];
        for (media_type, _, _) in ACCEPTED.iter().filter(|(t, _, _)| t.contains("opendocument")) {
            if rest.starts_with(media_type.as_bytes()) {
                return Ok(media_type);
            }
        }
        return Err(MediaRefusal::Unrecognised(Unrecognised::OtherOpenDocument));
    }
    if contains(bytes, b"[Content_Types].xml") {
        for (part, media_type) in [
            (&b"word/document.xml"[..], "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            (b"xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            (b"ppt/presentation.xml", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
        ] {
            if contains(bytes, part) {
                return Ok(media_type);
            }
        }
    }
    Err(MediaRefusal::Unrecognised(Unrecognised::Zip))
}

/// A file of one type that also carries another's signature (a PDF or a picture with a
/// ZIP appended, a document that browsers would take for HTML) is refused: it could be
/// served as one thing and read as another.
fn check_not_polyglot(bytes: &[u8], found: &str) -> Result<(), MediaRefusal> {
    let is_zip = found.contains("opendocument") || found.contains("officedocument");
    if !is_zip && contains(bytes, b"PK\x03\x04") && contains(bytes, b"PK\x05\x06") {
        return Err(MediaRefusal::Polyglot);
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]).to_ascii_lowercase();
    if found != "application/pdf" && head.contains("%pdf-") {
        return Err(MediaRefusal::Polyglot);
    }
    if ["<script", "<html", "<!doctype html", "<iframe", "<body"].iter().any(|m| head.contains(m)) {
        return Err(MediaRefusal::Polyglot);
    }
    Ok(())
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PDF: &[u8] = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";

    #[test]
    fn the_type_comes_from_the_bytes_and_must_match_the_name() {
        assert_eq!(sniff(PDF, Some("rapport.pdf")), Ok("application/pdf"));
        assert_eq!(sniff(PDF, None), Ok("application/pdf"));
        assert_eq!(sniff(PDF, Some("photo.jpg")).map_err(|e| e.code()), Err("media_type_mismatch"));
        assert_eq!(sniff(b"a;b\n1;2\n", Some("t.csv")), Ok("text/csv"));
        assert_eq!(sniff(b"bonjour\n", Some("lisez-moi.txt")), Ok("text/plain"));
    }

    #[test]
    fn svg_html_unknown_corrupt_and_polyglot_files_are_refused_with_their_code() {
        let code = |bytes: &[u8], name: &str| sniff(bytes, Some(name)).map_err(|e| e.code()).err();
        assert_eq!(code(b"<?xml version='1.0'?><svg onload='x'/>", "logo.svg"), Some("media_svg_refused"));
        assert_eq!(code(b"<svg xmlns='http://www.w3.org/2000/svg'/>", "logo.png"), Some("media_svg_refused"));
        assert_eq!(code(b"GIF89a....", "anim.gif"), Some("media_type_unsupported"));
        assert_eq!(code(b"%PDF-1.4\nno end", "r.pdf"), Some("media_corrupt"));
        assert_eq!(code(b"%PDF-garbage\n%%EOF", "r.pdf"), Some("media_corrupt"));
        assert_eq!(code(b"PK\x03\x04random zip", "a.zip"), Some("media_type_unsupported"));
        let mut polyglot = PDF.to_vec();
        polyglot.extend_from_slice(b"PK\x03\x04...PK\x05\x06");
        assert_eq!(code(&polyglot, "r.pdf"), Some("media_polyglot"));
        assert_eq!(code(b"%PDF-1.4 <script>alert(1)</script> %%EOF", "r.pdf"), Some("media_polyglot"));
        assert_eq!(code(b"", "vide.txt"), Some("media_empty"));
    }

    #[test]
    fn a_refusal_says_what_is_wrong_in_either_language() {
        let refusal = sniff(b"%PDF-1.4\nno end", Some("r.pdf")).expect_err("no end marker");
        assert_eq!(refusal.to_string(), "Le fichier est endommagé ou illisible : PDF sans marque de fin (%%EOF).");
        assert_eq!(
            refusal.message().in_lang(crate::i18n::Lang::En),
            "The file is damaged or unreadable: PDF without an end marker (%%EOF)."
        );
    }

    #[test]
    fn file_names_with_paths_or_control_characters_are_refused() {
        assert!(check_file_name("rapport 2024.pdf").is_ok());
        for bad in ["../../etc/passwd", "a/b.pdf", "a\\b.pdf", "r\u{0}.pdf", "r\n.pdf", ""] {
            assert_eq!(check_file_name(bad).map_err(|e| e.code()), Err("media_bad_file_name"), "{bad:?}");
        }
    }
}
