//! Words too common to search for, accents folded: the Snowball French list, and the
//! few English ones that appear in the English vocabulary labels.

const STOP_WORDS: &[&str] = &[
    "a", "ai", "aie", "aient", "aies", "ait", "and", "as", "au", "aura", "aurai", "auraient", "aurais", "aurait",
    "auras", "aurez", "auriez", "aurions", "aurons", "auront", "aux", "avaient", "avais", "avait", "avec", "avez",
    "aviez", "avions", "avons", "ayant", "ayez", "ayons", "c", "ce", "ceci", "cela", "ces", "cet", "cette", "d",
    "dans", "de", "des", "du", "elle", "elles", "en", "es", "est", "et", "etaient", "etais", "etait", "etant", "etes",
    "etiez", "etions", "eu", "eue", "eues", "eumes", "eurent", "eus", "eusse", "eussent", "eusses", "eussiez",
    "eussions", "eut", "eutes", "eux", "fumes", "furent", "fus", "fusse", "fussent", "fusses", "fussiez", "fussions",
    "fut", "futes", "il", "ils", "j", "je", "l", "la", "le", "les", "leur", "leurs", "lui", "m", "ma", "mais", "me",
    "meme", "mes", "moi", "mon", "n", "ne", "nos", "notre", "nous", "of", "on", "ont", "ou", "par", "pas", "pour",
    "qu", "que", "qui", "s", "sa", "se", "sera", "serai", "seraient", "serais", "serait", "seras", "serez", "seriez",
    "serions", "serons", "seront", "ses", "soi", "soient", "sois", "soit", "sommes", "son", "sont", "soyez", "soyons",
    "suis", "sur", "t", "ta", "te", "tes", "the", "to", "toi", "ton", "tu", "un", "une", "vos", "votre", "vous", "y",
];

/// `word` must already be folded (lowercase, no accents).
pub fn is_stop_word(word: &str) -> bool {
    STOP_WORDS.binary_search(&word).is_ok()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_list_is_sorted_for_binary_search() {
        assert!(super::STOP_WORDS.windows(2).all(|w| w[0] < w[1]), "keep STOP_WORDS sorted");
    }
}
