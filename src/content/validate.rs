//! Turns an [`ItemDocument`] into a [`ValidItem`], or says precisely what is wrong.
//!
//! Formats (codes, URLs, dates, lengths, numbers) are checked for every item; the fields
//! marked "R" in DATA-MODEL.md are required only when the item is published or archived,
//! so that a draft can be saved half-written.

use super::errors::{Collector, ValidationErrors};
use super::item::*;
use super::media::{check_file_name, is_image_type, is_sha256, MediaFile, MediaKind, StoredFile, ACCEPTED};
use super::slug::is_valid_slug;
use super::territory::{self, Author};
use super::validate_details as details;
use super::vocabulary::{names, Vocabularies};

pub const MAX_TITLE_CHARS: usize = 200;
pub const MAX_SUMMARY_CHARS: usize = 500;
pub const MAX_BODY_CHARS: usize = 200_000;
pub const MAX_TEXT_CHARS: usize = 20_000;
pub const MAX_LIST_LEN: usize = 200;

/// A document that passed validation. Only [`validate`] builds one.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidItem(ItemDocument);

impl ValidItem {
    pub fn document(&self) -> &ItemDocument {
        &self.0
    }

    pub fn into_document(self) -> ItemDocument {
        self.0
    }

    pub fn kind(&self) -> Kind {
        // validate() refuses a document without a kind.
        self.0.kind.unwrap_or(Kind::ProjectSheet)
    }

    /// Sets the slug the node chose (a `slugify` output, which is always valid).
    pub fn set_slug(&mut self, slug: String) {
        debug_assert!(is_valid_slug(&slug));
        self.0.slug = Some(slug);
    }

    /// Records the first publication time of a public item that has none.
    pub fn stamp_published(&mut self, now: chrono::DateTime<chrono::Utc>) {
        if self.0.lifecycle.is_public() && self.0.published.is_none() {
            self.0.published = Some(now);
        }
    }

    /// Keeps an earlier publication time across edits.
    pub fn keep_published(&mut self, earlier: Option<chrono::DateTime<chrono::Utc>>) {
        if self.0.published.is_none() {
            self.0.published = earlier;
        }
    }
}

/// Checks every field; on success the returned item is normalized (trimmed strings, the
/// `meta` echo dropped, the other kinds' sections removed).
pub fn validate(doc: ItemDocument, vocab: &Vocabularies) -> Result<ValidItem, ValidationErrors> {
    validate_as(doc, vocab, Author::Local)
}

/// [`validate`] for a peer's document: what only its own node can check (a code this
/// node's reference does not know yet, a point outside France) is kept, not refused.
pub fn validate_replica(doc: ItemDocument, vocab: &Vocabularies) -> Result<ValidItem, ValidationErrors> {
    validate_as(doc, vocab, Author::Peer)
}

fn validate_as(mut doc: ItemDocument, vocab: &Vocabularies, author: Author) -> Result<ValidItem, ValidationErrors> {
    let mut c = Collector::default();
    doc.meta = None;
    trim_envelope(&mut doc);
    let strict = doc.lifecycle.is_public();

    let Some(kind) = doc.kind else {
        c.push("kind", "required", "Le type de fiche est obligatoire (project_sheet, good_practice ou experience).");
        return Err(ValidationErrors(c.errors));
    };
    if let Some(slug) = &doc.slug {
        if !is_valid_slug(slug) {
            c.push(
                "slug",
                "invalid_slug",
                "L'identifiant d'URL ne doit contenir que des minuscules sans accent, des chiffres et des tirets.",
            );
        }
    }
    text(&mut c, "title", &doc.title, MAX_TITLE_CHARS, strict, "Le titre est obligatoire.");
    if doc.title.trim().is_empty() && !strict {
        c.push("title", "required", "Le titre est obligatoire, même pour un brouillon.");
    }
    text(&mut c, "summary", &doc.summary, MAX_SUMMARY_CHARS, strict, "Le résumé est obligatoire.");
    text(&mut c, "body", &doc.body, MAX_BODY_CHARS, strict, "Le corps du texte est obligatoire.");
    language(&mut c, "language", &doc.language);
    for (i, t) in doc.translations.iter().enumerate() {
        language(&mut c, &format!("translations[{i}].language"), &t.language);
        text(&mut c, &format!("translations[{i}].title"), &t.title, MAX_TITLE_CHARS, false, "");
        text(&mut c, &format!("translations[{i}].summary"), &t.summary, MAX_SUMMARY_CHARS, false, "");
        text(&mut c, &format!("translations[{i}].body"), &t.body, MAX_BODY_CHARS, false, "");
    }
    match &doc.license {
        Some(l) => code(&mut c, vocab, "license", names::LICENSE, l),
        None if strict => c.push("license", "required", "La licence est obligatoire."),
        None => {}
    }
    if strict && doc.authors.is_empty() {
        c.push("authors", "required", "Indiquez au moins un auteur ou une autrice.");
    }
    list_len(&mut c, "authors", doc.authors.len());
    for (i, a) in doc.authors.iter().enumerate() {
        text(&mut c, &format!("authors[{i}].name"), &a.name, MAX_TITLE_CHARS, true, "Le nom est obligatoire.");
    }
    territory::check(&mut c, vocab, &doc.territory, strict, author);
    codes(&mut c, vocab, "pillars", names::PILLAR, &doc.pillars);
    codes(&mut c, vocab, "activity_domains", names::ACTIVITY_DOMAIN, &doc.activity_domains);
    codes(&mut c, vocab, "resources", names::RESOURCE, &doc.resources);
    codes(&mut c, vocab, "food_themes", names::FOOD_THEME, &doc.food_themes);
    codes(&mut c, vocab, "target_audiences", names::TARGET_AUDIENCE, &doc.target_audiences);
    list_len(&mut c, "tags", doc.tags.len());
    for (i, t) in doc.tags.iter().enumerate() {
        text(&mut c, &format!("tags[{i}]"), t, 60, true, "Un mot-clé ne peut pas être vide.");
    }
    list_len(&mut c, "documents", doc.documents.len());
    for (i, d) in doc.documents.iter().enumerate() {
        text(
            &mut c,
            &format!("documents[{i}].title"),
            &d.title,
            MAX_TITLE_CHARS,
            true,
            "Le titre du document est obligatoire.",
        );
        url(&mut c, &format!("documents[{i}].url"), &d.url);
        if let Some(l) = &d.license {
            code(&mut c, vocab, &format!("documents[{i}].license"), names::LICENSE, l);
        }
        optional_code(&mut c, vocab, &format!("documents[{i}].kind"), names::DOCUMENT_KIND, d.kind.as_deref());
    }
    media(&mut c, vocab, &doc.media, strict);
    urls(&mut c, "inspired_by", &doc.inspired_by);
    details::envelope(&mut c, vocab, &doc);
    if let (Some(reviewed), Some(due)) = (doc.last_reviewed, doc.review_due) {
        if due < reviewed {
            c.push("review_due", "invalid_date", "La date de revue prévue précède la dernière revue.");
        }
    }

    match kind {
        Kind::ProjectSheet => {
            doc.good_practice = None;
            doc.experience = None;
            match &doc.project_sheet {
                Some(p) => project_sheet(&mut c, vocab, p, strict),
                None if strict => {
                    c.push("project_sheet", "required", "Les champs de la fiche projet sont obligatoires.")
                }
                None => {}
            }
        }
        Kind::GoodPractice => {
            doc.project_sheet = None;
            doc.experience = None;
            match &doc.good_practice {
                Some(g) => good_practice(&mut c, vocab, g, strict),
                None if strict => {
                    c.push("good_practice", "required", "Les champs de la bonne pratique sont obligatoires.")
                }
                None => {}
            }
        }
        Kind::Experience => {
            doc.project_sheet = None;
            doc.good_practice = None;
            match &doc.experience {
                Some(e) => experience(&mut c, vocab, e, strict),
                None if strict => {
                    c.push("experience", "required", "Les champs du retour d'expérience sont obligatoires.")
                }
                None => {}
            }
        }
    }

    if c.errors.is_empty() {
        Ok(ValidItem(doc))
    } else {
        Err(ValidationErrors(c.errors))
    }
}

fn trim_envelope(doc: &mut ItemDocument) {
    for s in [&mut doc.title, &mut doc.summary, &mut doc.language] {
        *s = s.trim().to_owned();
    }
    doc.body = doc.body.trim_start_matches(['\n', '\r']).trim_end().to_owned();
    doc.territory.normalise();
    for t in &mut doc.tags {
        *t = t.trim().to_owned();
    }
}

fn project_sheet(c: &mut Collector, vocab: &Vocabularies, p: &ProjectSheet, strict: bool) {
    let at = |f: &str| format!("project_sheet.{f}");
    match &p.carrier {
        Some(org) => {
            text(
                c,
                &at("carrier.name"),
                &org.name,
                MAX_TITLE_CHARS,
                true,
                "Le nom de la structure porteuse est obligatoire.",
            );
            if let Some(t) = &org.org_type {
                code(c, vocab, &at("carrier.org_type"), names::ORGANISATION_TYPE, t);
            }
            digits(c, &at("carrier.siren"), org.siren.as_deref(), 9, "Le SIREN compte 9 chiffres.");
            digits(c, &at("carrier.siret"), org.siret.as_deref(), 14, "Le SIRET compte 14 chiffres.");
        }
        None if strict => c.push(at("carrier"), "required", "La structure porteuse est obligatoire."),
        None => {}
    }
    optional_code(c, vocab, &at("phase"), names::PHASE, p.phase.as_deref());
    required_code(
        c,
        vocab,
        &at("status"),
        names::PROJECT_STATUS,
        p.status.as_deref(),
        strict,
        "Le statut du projet est obligatoire.",
    );
    required_text(c, &at("location"), p.location.as_deref(), strict, "La localisation est obligatoire.");
    required_text(c, &at("perimeter"), p.perimeter.as_deref(), strict, "Le périmètre est obligatoire.");
    match &p.start_date {
        Some(d) => partial_date(c, &at("start_date"), d),
        None if strict => c.push(at("start_date"), "required", "La date de début est obligatoire."),
        None => {}
    }
    if let Some(d) = &p.end_date {
        partial_date(c, &at("end_date"), d);
        if let Some(s) = &p.start_date {
            if d < s && is_partial_date(d) && is_partial_date(s) {
                c.push(at("end_date"), "invalid_date", "La date de fin précède la date de début.");
            }
        }
    }
    for (i, partner) in p.partners.iter().enumerate() {
        text(
            c,
            &at(&format!("partners[{i}].name")),
            &partner.name,
            MAX_TITLE_CHARS,
            true,
            "Le nom du partenaire est obligatoire.",
        );
        details::partner(c, vocab, &at(&format!("partners[{i}]")), partner);
    }
    amount(c, &at("total_cost_eur"), p.total_cost_eur);
    funding_lines(c, vocab, "project_sheet.funding", &p.funding);
    details::project_sheet(c, vocab, p);
    for (i, s) in p.stages.iter().enumerate() {
        text(
            c,
            &at(&format!("stages[{i}].name")),
            &s.name,
            MAX_TITLE_CHARS,
            true,
            "Le nom de l'étape est obligatoire.",
        );
        if let Some(d) = &s.start {
            partial_date(c, &at(&format!("stages[{i}].start")), d);
        }
        if let Some(d) = &s.end {
            partial_date(c, &at(&format!("stages[{i}].end")), d);
        }
    }
    for (i, w) in p.work_packages.iter().enumerate() {
        text(
            c,
            &at(&format!("work_packages[{i}].code")),
            &w.code,
            20,
            true,
            "Le code du groupe de travail est obligatoire.",
        );
        text(
            c,
            &at(&format!("work_packages[{i}].name")),
            &w.name,
            MAX_TITLE_CHARS,
            true,
            "Le nom du groupe de travail est obligatoire.",
        );
    }
    urls(c, &at("practices_used"), &p.practices_used);
    details::key_figures(c, "project_sheet.key_figures", &p.key_figures);
    useful_effects(c, vocab, "project_sheet.useful_effects", &p.useful_effects);
    for (i, e) in p.events.iter().enumerate() {
        text(
            c,
            &at(&format!("events[{i}].name")),
            &e.name,
            MAX_TITLE_CHARS,
            true,
            "Le nom de l'événement est obligatoire.",
        );
        if let Some(d) = &e.date {
            partial_date(c, &at(&format!("events[{i}].date")), d);
        }
        details::event(c, vocab, &at(&format!("events[{i}]")), e);
    }
}

fn good_practice(c: &mut Collector, vocab: &Vocabularies, g: &GoodPractice, strict: bool) {
    let at = |f: &str| format!("good_practice.{f}");
    required_text(c, &at("problem"), g.problem.as_deref(), strict, "Le problème ou contexte est obligatoire.");
    if strict && g.objectives.is_empty() {
        c.push(at("objectives"), "required", "Indiquez au moins un objectif.");
    }
    if strict && g.steps.is_empty() {
        c.push(at("steps"), "required", "Une méthode compte au moins une étape.");
    }
    list_len(c, &at("steps"), g.steps.len());
    for (i, s) in g.steps.iter().enumerate() {
        text(c, &at(&format!("steps[{i}].name")), &s.name, MAX_TITLE_CHARS, true, "Le nom de l'étape est obligatoire.");
    }
    if strict && g.resources_needed.is_empty() {
        c.push(
            at("resources_needed"),
            "required",
            "Indiquez les moyens nécessaires (humains, financiers ou techniques).",
        );
    }
    required_code(
        c,
        vocab,
        &at("maturity"),
        names::MATURITY,
        g.maturity.as_deref(),
        strict,
        "La maturité est obligatoire.",
    );
    required_text(
        c,
        &at("transferability"),
        g.transferability.as_deref(),
        strict,
        "Les conditions de transférabilité sont obligatoires.",
    );
    urls(c, &at("evidence"), &g.evidence);
}

fn experience(c: &mut Collector, vocab: &Vocabularies, e: &Experience, strict: bool) {
    let at = |f: &str| format!("experience.{f}");
    match &e.about {
        Some(about) => {
            if let Some(item) = &about.item {
                url(c, &at("about.item"), item);
            }
            if about.item.is_none() && about.label.as_deref().map_or(true, |l| l.trim().is_empty()) {
                c.push(at("about"), "required", "Indiquez la fiche projet concernée (URI) ou un libellé.");
            }
        }
        None if strict => c.push(at("about"), "required", "Indiquez la fiche projet concernée (URI) ou un libellé."),
        None => {}
    }
    match &e.period {
        Some(p) => {
            match &p.start {
                Some(d) => partial_date(c, &at("period.start"), d),
                None if strict => c.push(at("period.start"), "required", "Le début de la période est obligatoire."),
                None => {}
            }
            if let Some(d) = &p.end {
                partial_date(c, &at("period.end"), d);
            }
        }
        None if strict => c.push(at("period"), "required", "La période couverte est obligatoire."),
        None => {}
    }
    match &e.speaker {
        Some(s) => code(c, vocab, &at("speaker.role"), names::SPEAKER_ROLE, &s.role),
        None if strict => c.push(at("speaker"), "required", "Indiquez qui témoigne (rôle)."),
        None => {}
    }
    required_text(c, &at("context"), e.context.as_deref(), strict, "Le contexte est obligatoire.");
    required_text(c, &at("results"), e.results.as_deref(), strict, "Les résultats sont obligatoires.");
    required_text(
        c,
        &at("difficulties"),
        e.difficulties.as_deref(),
        strict,
        "Les difficultés rencontrées sont obligatoires.",
    );
    useful_effects(c, vocab, "experience.useful_effects", &e.useful_effects);
    funding_lines(c, vocab, "experience.funding", &e.funding);
    urls(c, &at("practices"), &e.practices);
    details::experience(c, e);
}

fn useful_effects(c: &mut Collector, vocab: &Vocabularies, path: &str, effects: &[UsefulEffect]) {
    list_len(c, path, effects.len());
    for (i, e) in effects.iter().enumerate() {
        text(
            c,
            &format!("{path}[{i}].beneficiary"),
            &e.beneficiary,
            MAX_TITLE_CHARS,
            true,
            "Un effet utile est toujours rattaché à un bénéficiaire.",
        );
        text(c, &format!("{path}[{i}].effect"), &e.effect, MAX_TEXT_CHARS, true, "Décrivez l'effet.");
        code(c, vocab, &format!("{path}[{i}].kind"), names::EFFECT_KIND, &e.kind);
        code(c, vocab, &format!("{path}[{i}].evidence"), names::EVIDENCE_LEVEL, &e.evidence);
    }
}

fn funding_lines(c: &mut Collector, vocab: &Vocabularies, path: &str, lines: &[FundingLine]) {
    list_len(c, path, lines.len());
    for (i, f) in lines.iter().enumerate() {
        text(c, &format!("{path}[{i}].funder"), &f.funder, MAX_TITLE_CHARS, true, "Le financeur est obligatoire.");
        amount(c, &format!("{path}[{i}].amount_eur"), f.amount_eur);
        optional_code(c, vocab, &format!("{path}[{i}].funding_type"), names::FUNDING_TYPE, f.funding_type.as_deref());
        optional_code(c, vocab, &format!("{path}[{i}].status"), names::FUNDING_STATUS, f.status.as_deref());
        details::funding_line(c, vocab, &format!("{path}[{i}]"), f);
    }
    details::budget_shares(c, path, lines);
}

/// Attachments: each names a stored file by its digest; a picture needs an alternative
/// text to be published; one cover at most, and only a picture.
fn media(c: &mut Collector, vocab: &Vocabularies, files: &[MediaFile], strict: bool) {
    list_len(c, "media", files.len());
    if files.iter().filter(|m| m.cover).count() > 1 {
        c.push("media", "too_many_covers", "Une seule image de couverture par fiche.");
    }
    for (i, m) in files.iter().enumerate() {
        let path = |field: &str| format!("media[{i}].{field}");
        let Some(kind) = m.kind else {
            c.push(path("kind"), "required", "Le type de fichier (image ou document) est obligatoire.");
            continue;
        };
        text(c, &path("title"), &m.title, MAX_TITLE_CHARS, true, "Le titre du fichier est obligatoire.");
        if let Some(l) = &m.license {
            code(c, vocab, &path("license"), names::LICENSE, l);
        }
        if let Some(credit) = &m.credit {
            text(c, &path("credit"), credit, MAX_TITLE_CHARS, false, "");
        }
        if let Some(name) = &m.file_name {
            if let Err(refusal) = check_file_name(name) {
                c.errors.push(refusal.at(&path("file_name")));
            }
        }
        let is_image = kind == MediaKind::Image;
        match m.alt.as_deref() {
            Some(alt) => text(c, &path("alt"), alt, MAX_SUMMARY_CHARS * 2, is_image && strict, ALT_REQUIRED),
            None if is_image && strict => c.push(path("alt"), "required", ALT_REQUIRED),
            None => {}
        }
        if m.cover && !is_image {
            c.push(path("cover"), "cover_not_an_image", "Seule une image peut servir de couverture.");
        }
        stored_file(c, &path("file"), &m.file, is_image);
        match (&m.thumbnail, is_image) {
            (Some(t), true) => stored_file(c, &path("thumbnail"), t, true),
            (None, true) => c.push(path("thumbnail"), "required", "Une image a une vignette."),
            (Some(_), false) => c.push(path("thumbnail"), "not_allowed", "Seule une image a une vignette."),
            (None, false) => {}
        }
    }
}

const ALT_REQUIRED: &str =
    "Décrivez l'image en quelques mots (texte alternatif), pour les personnes qui ne la voient pas.";

fn stored_file(c: &mut Collector, path: &str, file: &StoredFile, image: bool) {
    if !is_sha256(&file.sha256) {
        c.push(
            format!("{path}.sha256"),
            "invalid_digest",
            "L'empreinte SHA-256 compte 64 caractères hexadécimaux en minuscules.",
        );
    }
    let accepted = ACCEPTED.iter().any(|(t, _, _)| *t == file.media_type);
    if !accepted || is_image_type(&file.media_type) != image {
        c.push(
            format!("{path}.media_type"),
            "media_type_unsupported",
            format!("Le type « {} » n'est pas accepté ici.", file.media_type),
        );
    }
    if image && (file.width.unwrap_or(0) == 0 || file.height.unwrap_or(0) == 0) {
        c.push(format!("{path}.width"), "required", "Une image a une largeur et une hauteur.");
    }
}

pub(super) fn text(c: &mut Collector, path: &str, value: &str, max: usize, required: bool, required_message: &str) {
    if required && value.trim().is_empty() {
        c.push(path, "required", required_message);
    } else if value.chars().count() > max {
        c.push(path, "too_long", format!("Ce texte dépasse {max} caractères."));
    }
}

pub(super) fn required_text(c: &mut Collector, path: &str, value: Option<&str>, strict: bool, message: &str) {
    match value {
        Some(v) => text(c, path, v, MAX_TEXT_CHARS, strict, message),
        None if strict => c.push(path, "required", message),
        None => {}
    }
}

pub(super) fn code(c: &mut Collector, vocab: &Vocabularies, path: &str, vocabulary: &str, value: &str) {
    if !vocab.contains(vocabulary, value) {
        let known: Vec<&str> =
            vocab.get(vocabulary).map(|v| v.terms.iter().map(|t| t.code.as_str()).collect()).unwrap_or_default();
        c.push(
            path,
            "unknown_code",
            format!("« {value} » n'est pas une valeur autorisée (valeurs possibles : {}).", known.join(", ")),
        );
    }
}

pub(super) fn optional_code(
    c: &mut Collector,
    vocab: &Vocabularies,
    path: &str,
    vocabulary: &str,
    value: Option<&str>,
) {
    if let Some(v) = value {
        code(c, vocab, path, vocabulary, v);
    }
}

pub(super) fn required_code(
    c: &mut Collector,
    vocab: &Vocabularies,
    path: &str,
    vocabulary: &str,
    value: Option<&str>,
    strict: bool,
    message: &str,
) {
    match value {
        Some(v) => code(c, vocab, path, vocabulary, v),
        None if strict => c.push(path, "required", message),
        None => {}
    }
}

pub(super) fn codes(c: &mut Collector, vocab: &Vocabularies, path: &str, vocabulary: &str, values: &[String]) {
    list_len(c, path, values.len());
    for (i, v) in values.iter().enumerate() {
        code(c, vocab, &format!("{path}[{i}]"), vocabulary, v);
        if values[..i].contains(v) {
            c.push(format!("{path}[{i}]"), "duplicate", format!("« {v} » est en double."));
        }
    }
}

pub(super) fn list_len(c: &mut Collector, path: &str, len: usize) {
    if len > MAX_LIST_LEN {
        c.push(path, "too_many", format!("Pas plus de {MAX_LIST_LEN} éléments."));
    }
}

pub(super) fn url(c: &mut Collector, path: &str, value: &str) {
    match url::Url::parse(value) {
        Ok(u)
            if matches!(u.scheme(), "http" | "https")
                && u.host_str().is_some()
                && u.username().is_empty()
                && u.password().is_none() => {}
        _ => c.push(path, "invalid_url", format!("« {value} » n'est pas une adresse http(s) valide.")),
    }
}

pub(super) fn urls(c: &mut Collector, path: &str, values: &[String]) {
    list_len(c, path, values.len());
    for (i, v) in values.iter().enumerate() {
        url(c, &format!("{path}[{i}]"), v);
    }
}

pub(super) fn amount(c: &mut Collector, path: &str, value: Option<f64>) {
    if let Some(v) = value {
        if !v.is_finite() || v < 0.0 {
            c.push(path, "invalid_number", "Le montant doit être un nombre positif (en euros).");
        }
    }
}

pub(super) fn digits(c: &mut Collector, path: &str, value: Option<&str>, len: usize, message: &str) {
    if let Some(v) = value {
        if v.len() != len || !v.bytes().all(|b| b.is_ascii_digit()) {
            c.push(path, "invalid_code", message);
        }
    }
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, each part a real value.
pub fn is_partial_date(value: &str) -> bool {
    let parts: Vec<&str> = value.split('-').collect();
    let year_ok = parts.first().is_some_and(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()));
    match parts.len() {
        1 => year_ok,
        2 => year_ok && parts[1].len() == 2 && parts[1].parse::<u32>().is_ok_and(|m| (1..=12).contains(&m)),
        3 => chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d").is_ok() && parts[1].len() == 2 && parts[2].len() == 2,
        _ => false,
    }
}

pub(super) fn partial_date(c: &mut Collector, path: &str, value: &str) {
    if !is_partial_date(value) {
        c.push(path, "invalid_date", format!("« {value} » n'est pas une date (AAAA, AAAA-MM ou AAAA-MM-JJ)."));
    }
}

fn language(c: &mut Collector, path: &str, value: &str) {
    let ok = !value.is_empty()
        && value.len() <= 35
        && value.split('-').all(|p| !p.is_empty() && p.len() <= 8 && p.bytes().all(|b| b.is_ascii_alphanumeric()))
        && value
            .split('-')
            .next()
            .is_some_and(|p| (2..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_lowercase()));
    if !ok {
        c.push(
            path,
            "invalid_language",
            format!("« {value} » n'est pas un code de langue BCP-47 (ex. fr, fr-FR, oc)."),
        );
    }
}
