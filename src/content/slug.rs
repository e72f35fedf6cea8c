//! Human URL slugs: ASCII, lowercase, words joined by `-` ("Écologie à Aix" → "ecologie-a-aix").

const MAX_SLUG_LEN: usize = 80;

/// Derives a slug from a title.
pub fn slugify(title: &str) -> String {
    let ascii = deunicode::deunicode(title).to_lowercase();
    let mut slug = String::with_capacity(ascii.len());
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let mut slug = slug.trim_end_matches('-').to_owned();
    if slug.len() > MAX_SLUG_LEN {
        slug.truncate(MAX_SLUG_LEN);
        slug = slug.trim_end_matches('-').to_owned();
    }
    if slug.is_empty() {
        "fiche".to_owned()
    } else {
        slug
    }
}

/// A slug given by a person must already be in canonical form: no path traversal, no
/// uppercase, no spaces.
pub fn is_valid_slug(slug: &str) -> bool {
    !slug.is_empty()
        && slug.len() <= MAX_SLUG_LEN
        && slug.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !slug.starts_with('-')
        && !slug.ends_with('-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_and_punctuation_become_a_clean_slug() {
        assert_eq!(slugify("Écologie industrielle & territoriale : Aix !"), "ecologie-industrielle-territoriale-aix");
    }

    #[test]
    fn traversal_and_uppercase_are_not_valid_slugs() {
        assert!(!is_valid_slug("../etc/passwd"));
        assert!(!is_valid_slug("Grand-Lyon"));
        assert!(is_valid_slug("dynamo-ariege-2023"));
    }
}
