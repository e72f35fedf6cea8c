//! The pictures and documents of an item as pages show them: the cover, a gallery, and
//! the list of documents with their type and size. Files are linked on this node
//! (`/media/{sha256}`), a replica's included: followers serve their own copies.

use crate::content::media::{type_label, MediaFile};
use crate::content::vocabulary::names;
use crate::content::{ItemDocument, Vocabularies};
use crate::web::media::href;
use crate::web::pages::views::i18n;

/// A picture on a page.
#[derive(Debug, Clone)]
pub struct PictureView {
    /// The large variant.
    pub src: String,
    pub thumbnail: String,
    pub alt: String,
    pub width: u32,
    pub height: u32,
    /// Title, credit and licence, as one line under the picture.
    pub caption: String,
}

/// A document in the list.
#[derive(Debug, Clone)]
pub struct FileView {
    pub title: String,
    pub href: String,
    /// Type, size, licence and credit.
    pub details: String,
}

/// The media of an item, split for the page.
#[derive(Debug, Clone, Default)]
pub struct MediaView {
    pub cover: Option<PictureView>,
    pub gallery: Vec<PictureView>,
    pub files: Vec<FileView>,
}

impl MediaView {
    pub fn build(doc: &ItemDocument, vocab: &Vocabularies) -> MediaView {
        let mut view = MediaView::default();
        for m in &doc.media {
            if m.is_image() {
                let picture = picture(m, vocab);
                if m.cover && view.cover.is_none() {
                    view.cover = Some(picture);
                } else {
                    view.gallery.push(picture);
                }
            } else {
                view.files.push(file(m, vocab));
            }
        }
        view
    }
}

/// The cover of an item, if it has one (cards).
pub fn cover_of(doc: &ItemDocument, vocab: &Vocabularies) -> Option<PictureView> {
    doc.media.iter().find(|m| m.cover && m.is_image()).map(|m| picture(m, vocab))
}

fn credits(m: &MediaFile, vocab: &Vocabularies) -> Vec<String> {
    let mut parts = Vec::new();
    if let Some(credit) = &m.credit {
        parts.push(i18n::t1("media-credit", "credit", credit.as_str()));
    }
    if let Some(license) = &m.license {
        parts.push(i18n::t1("media-license", "license", i18n::term(vocab, names::LICENSE, license)));
    }
    parts
}

fn picture(m: &MediaFile, vocab: &Vocabularies) -> PictureView {
    let mut caption = vec![m.title.clone()];
    caption.extend(credits(m, vocab));
    PictureView {
        src: href(&m.file.sha256),
        thumbnail: href(&m.thumbnail.as_ref().unwrap_or(&m.file).sha256),
        alt: m.alt.clone().unwrap_or_default(),
        width: m.file.width.unwrap_or(0),
        height: m.file.height.unwrap_or(0),
        caption: caption.join(" · "),
    }
}

fn file(m: &MediaFile, vocab: &Vocabularies) -> FileView {
    let mut details = vec![type_label(&m.file.media_type).to_owned(), human_size(m.file.size)];
    details.extend(credits(m, vocab));
    let name = m.file_name.as_deref().map(|n| format!("/{}", percent_path(n))).unwrap_or_default();
    FileView { title: m.title.clone(), href: format!("{}{name}", href(&m.file.sha256)), details: details.join(" · ") }
}

/// "340 ko", "1,2 Mo" in French (decimal comma), "340 kB", "1.2 MB" in English.
pub fn human_size(bytes: u64) -> String {
    match bytes {
        0..=999 => i18n::t1("page-size-bytes", "size", bytes.to_string()),
        1_000..=999_999 => i18n::t1("page-size-kilobytes", "size", bytes.div_ceil(1_000).to_string()),
        _ => {
            let size = format!("{:.1}", bytes as f64 / 1_000_000.0).replace('.', i18n::lang().pick(",", "."));
            i18n::t1("page-size-megabytes", "size", size)
        }
    }
}

/// A file name as one path segment.
fn percent_path(name: &str) -> String {
    url::form_urlencoded::byte_serialize(name.as_bytes()).collect::<String>().replace('+', "%20")
}

#[cfg(test)]
mod tests {
    use super::human_size;

    #[test]
    fn sizes_read_in_french_units() {
        assert_eq!(human_size(512), "512 o");
        assert_eq!(human_size(340_200), "341 ko");
        assert_eq!(human_size(20_971_520), "21,0 Mo");
    }
}
