//! Validation of the detailed facts (see [`crate::content::details`]): contacts, sources, labels,
//! levelled objectives, risks, staffing, richer partners, events and funding lines. Same
//! rules and message style as [`super`], which calls in here.

use super::checks::{amount, code, digits, length, list_len, optional_code, partial_date, text, url};
use super::{MAX_SUMMARY_CHARS, MAX_TEXT_CHARS, MAX_TITLE_CHARS};
use crate::content::errors::Collector;
use crate::content::item::*;
use crate::content::vocabulary::{names, Vocabularies};
use crate::i18n::Message;
use crate::msg;

/// Tolerance when an aid amount is checked against its rate and base (rounding in sources).
const AMOUNT_TOLERANCE: f64 = 0.01;

pub(super) fn envelope(c: &mut Collector, vocab: &Vocabularies, doc: &ItemDocument) {
    list_len(c, "contacts", doc.contacts.len());
    for (i, contact) in doc.contacts.iter().enumerate() {
        self::contact(c, &format!("contacts[{i}]"), contact);
    }
    list_len(c, "sources", doc.sources.len());
    for (i, s) in doc.sources.iter().enumerate() {
        match &s.url {
            Some(u) => url(c, &format!("sources[{i}].url"), u),
            None if blank(s.title.as_deref()) => {
                c.push(format!("sources[{i}]"), "required", msg!("validation-required-source"))
            }
            None => {}
        }
        // Titles of reports run long ("Quelle dynamique économique pour… ?").
        optional_text(c, &format!("sources[{i}].title"), s.title.as_deref(), MAX_SUMMARY_CHARS);
        if let Some(d) = &s.consulted {
            partial_date(c, &format!("sources[{i}].consulted"), d);
        }
    }
    list_len(c, "recognitions", doc.recognitions.len());
    for (i, r) in doc.recognitions.iter().enumerate() {
        let at = |f: &str| format!("recognitions[{i}].{f}");
        text(c, &at("name"), &r.name, MAX_TITLE_CHARS, true, msg!("validation-required-recognition-name"));
        code(c, vocab, &at("kind"), names::RECOGNITION_KIND, &r.kind);
        optional_text(c, &at("issuer"), r.issuer.as_deref(), MAX_TITLE_CHARS);
        optional_text(c, &at("details"), r.details.as_deref(), MAX_TEXT_CHARS);
        date_range(c, &at("date"), r.date.as_deref(), &at("valid_until"), r.valid_until.as_deref());
    }
    optional_text(c, "page_author", doc.page_author.as_deref(), MAX_TITLE_CHARS);
    optional_text(c, "page_moderator", doc.page_moderator.as_deref(), MAX_TITLE_CHARS);
}

fn contact(c: &mut Collector, path: &str, contact: &Contact) {
    let at = |f: &str| format!("{path}.{f}");
    if blank(contact.organisation.as_deref()) && blank(contact.person.as_deref()) {
        c.push(path, "required", msg!("validation-required-contact"));
    }
    for (field, value) in
        [("organisation", &contact.organisation), ("person", &contact.person), ("role", &contact.role)]
    {
        optional_text(c, &at(field), value.as_deref(), MAX_TITLE_CHARS);
    }
    if let Some(email) = &contact.email {
        if !is_email(email) {
            c.push(at("email"), "invalid_email", msg!("validation-invalid_email", value = email));
        }
    }
    if let Some(phone) = &contact.phone {
        if !is_phone(phone) {
            c.push(at("phone"), "invalid_phone", msg!("validation-invalid_phone", value = phone));
        }
    }
    if let Some(website) = &contact.website {
        url(c, &at("website"), website);
    }
}

pub(super) fn project_sheet(c: &mut Collector, vocab: &Vocabularies, p: &ProjectSheet) {
    let at = |f: &str| format!("project_sheet.{f}");
    optional_text(c, &at("context"), p.context.as_deref(), MAX_TEXT_CHARS);
    optional_text(c, &at("approach"), p.approach.as_deref(), MAX_TEXT_CHARS);
    list_len(c, &at("objectives"), p.objectives.len());
    for (i, o) in p.objectives.iter().enumerate() {
        let required = msg!("validation-required-objective");
        text(c, &at(&format!("objectives[{i}].text")), &o.text, MAX_TEXT_CHARS, true, required);
        optional_code(c, vocab, &at(&format!("objectives[{i}].level")), names::OBJECTIVE_LEVEL, o.level.as_deref());
    }
    for (field, list, message) in [
        ("hypotheses", &p.hypotheses, msg!("validation-required-hypothesis")),
        ("risks", &p.risks, msg!("validation-required-risk")),
    ] {
        list_len(c, &at(field), list.len());
        for (i, entry) in list.iter().enumerate() {
            text(c, &at(&format!("{field}[{i}]")), entry, MAX_TEXT_CHARS, true, message.clone());
        }
    }
    list_len(c, &at("staffing"), p.staffing.len());
    for (i, s) in p.staffing.iter().enumerate() {
        let path = at(&format!("staffing[{i}]"));
        text(c, &format!("{path}.role"), &s.role, MAX_TITLE_CHARS, true, msg!("validation-required-staffing-role"));
        optional_text(c, &format!("{path}.organisation"), s.organisation.as_deref(), MAX_TITLE_CHARS);
        let most = 100.0 * f64::from(s.headcount.unwrap_or(1).max(1));
        if let Some(fte) = s.fte_percent {
            if !fte.is_finite() || fte <= 0.0 || fte > most {
                c.push(
                    format!("{path}.fte_percent"),
                    "out_of_range",
                    msg!("validation-out_of_range-fte", max = most.to_string()),
                );
            }
        }
    }
    references(c, &at("external_methods"), &p.external_methods);
    if let Some(r) = &p.registers {
        for (key, (_, value)) in SixRegisters::KEYS.iter().zip(r.labelled(crate::content::Lang::Fr)) {
            optional_text(c, &at(&format!("registers.{key}")), value, MAX_TEXT_CHARS);
        }
    }
}

pub(super) fn experience(c: &mut Collector, e: &Experience) {
    key_figures(c, "experience.key_figures", &e.key_figures);
    references(c, "experience.external_methods", &e.external_methods);
}

pub(super) fn key_figures(c: &mut Collector, path: &str, figures: &[KeyFigure]) {
    list_len(c, path, figures.len());
    for (i, k) in figures.iter().enumerate() {
        let at = |f: &str| format!("{path}[{i}].{f}");
        text(c, &at("indicator"), &k.indicator, MAX_TITLE_CHARS, true, msg!("validation-required-indicator"));
        if !k.value.is_finite() {
            c.push(at("value"), "invalid_number", msg!("validation-invalid_number-value"));
        }
        if let Some(d) = &k.date {
            partial_date(c, &at("date"), d);
        }
    }
}

fn references(c: &mut Collector, path: &str, references: &[Reference]) {
    list_len(c, path, references.len());
    for (i, r) in references.iter().enumerate() {
        text(
            c,
            &format!("{path}[{i}].title"),
            &r.title,
            MAX_TITLE_CHARS,
            true,
            msg!("validation-required-method-name"),
        );
        if let Some(u) = &r.url {
            url(c, &format!("{path}[{i}].url"), u);
        }
    }
}

pub(super) fn partner(c: &mut Collector, vocab: &Vocabularies, path: &str, p: &Partner) {
    optional_code(c, vocab, &format!("{path}.org_type"), names::ORGANISATION_TYPE, p.org_type.as_deref());
    digits(c, &format!("{path}.siren"), p.siren.as_deref(), 9, msg!("validation-invalid_code-siren"));
    optional_code(c, vocab, &format!("{path}.relationship"), names::PARTNER_RELATIONSHIP, p.relationship.as_deref());
}

pub(super) fn event(c: &mut Collector, vocab: &Vocabularies, path: &str, e: &Event) {
    optional_code(c, vocab, &format!("{path}.format"), names::EVENT_FORMAT, e.format.as_deref());
    for (field, list) in [("speakers", &e.speakers), ("hosts", &e.hosts)] {
        list_len(c, &format!("{path}.{field}"), list.len());
        for (i, name) in list.iter().enumerate() {
            text(
                c,
                &format!("{path}.{field}[{i}]"),
                name,
                MAX_TITLE_CHARS,
                true,
                msg!("validation-required-list-name"),
            );
        }
    }
    optional_text(c, &format!("{path}.description"), e.description.as_deref(), MAX_TEXT_CHARS);
}

pub(super) fn funding_line(c: &mut Collector, vocab: &Vocabularies, path: &str, f: &FundingLine) {
    let at = |field: &str| format!("{path}.{field}");
    if let Some(p) = &f.period {
        date_range(c, &at("period.start"), p.start.as_deref(), &at("period.end"), p.end.as_deref());
    }
    percent(c, &at("rate_percent"), f.rate_percent, msg!("validation-out_of_range-rate"));
    percent(c, &at("share_percent"), f.share_percent, msg!("validation-out_of_range-share"));
    amount(c, &at("eligible_base_eur"), f.eligible_base_eur);
    optional_code(c, vocab, &at("tax_basis"), names::TAX_BASIS, f.tax_basis.as_deref());
    optional_text(c, &at("purpose"), f.purpose.as_deref(), MAX_TITLE_CHARS);
    optional_text(c, &at("plan"), f.plan.as_deref(), MAX_TITLE_CHARS);
    if let (Some(aid), Some(rate), Some(base)) = (f.amount_eur, f.rate_percent, f.eligible_base_eur) {
        let expected = base * rate / 100.0;
        if (aid - expected).abs() > expected * AMOUNT_TOLERANCE + 1.0 {
            let message = msg!(
                "validation-inconsistent_amount",
                amount = aid.to_string(),
                rate = rate.to_string(),
                base = base.to_string(),
                expected = expected.to_string()
            );
            c.push(at("amount_eur"), "inconsistent_amount", message);
        }
    }
}

/// Shares of one plan (lines without a plan form one) cannot exceed the whole budget.
pub(super) fn budget_shares(c: &mut Collector, path: &str, lines: &[FundingLine]) {
    let mut plans: Vec<(Option<&str>, f64)> = Vec::new();
    for line in lines {
        let Some(share) = line.share_percent.filter(|s| s.is_finite()) else { continue };
        match plans.iter_mut().find(|(plan, _)| *plan == line.plan.as_deref()) {
            Some((_, total)) => *total += share,
            None => plans.push((line.plan.as_deref(), share)),
        }
    }
    for (plan, total) in plans {
        if total > 100.0 + 1e-6 {
            let message = match plan {
                Some(plan) => msg!("validation-shares_over_total-plan", plan = plan, total = total.to_string()),
                None => msg!("validation-shares_over_total", total = total.to_string()),
            };
            c.push(path, "shares_over_total", message);
        }
    }
}

fn percent(c: &mut Collector, path: &str, value: Option<f64>, message: Message) {
    if let Some(v) = value {
        if !v.is_finite() || !(0.0..=100.0).contains(&v) {
            c.push(path, "out_of_range", message);
        }
    }
}

fn date_range(c: &mut Collector, start_path: &str, start: Option<&str>, end_path: &str, end: Option<&str>) {
    if let Some(s) = start {
        partial_date(c, start_path, s);
    }
    if let Some(e) = end {
        partial_date(c, end_path, e);
    }
    if let (Some(s), Some(e)) = (start, end) {
        if super::is_partial_date(s) && super::is_partial_date(e) && e < s {
            c.push(end_path, "invalid_date", msg!("validation-invalid_date-end_before_start"));
        }
    }
}

fn optional_text(c: &mut Collector, path: &str, value: Option<&str>, max: usize) {
    if let Some(v) = value {
        length(c, path, v, max);
    }
}

fn blank(value: Option<&str>) -> bool {
    value.map_or(true, |v| v.trim().is_empty())
}

/// A plausible address: one `@`, a local part, a domain with a dot, no spaces.
fn is_email(value: &str) -> bool {
    let Some((local, domain)) = value.split_once('@') else { return false };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && value.len() <= 254
        && !value.chars().any(|ch| ch.is_whitespace() || ch.is_control() || ch == '<' || ch == '>')
}

/// French or international numbers: 6 to 15 digits, with spaces, dots, dashes, brackets
/// and a leading `+`.
fn is_phone(value: &str) -> bool {
    let digits = value.chars().filter(char::is_ascii_digit).count();
    let rest_ok = value
        .chars()
        .enumerate()
        .all(|(i, ch)| ch.is_ascii_digit() || matches!(ch, ' ' | '.' | '-' | '(' | ')') || (ch == '+' && i == 0));
    rest_ok && (6..=15).contains(&digits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_and_phones_are_checked_for_shape() {
        assert!(is_email("contact@petr-ariege.fr"));
        assert!(!is_email("contact@petr"));
        assert!(!is_email("jean dupont@x.fr"));
        assert!(!is_email("a@@b.fr"));
        assert!(is_phone("05 61 02 03 04"));
        assert!(is_phone("+33 5 61 02 03 04"));
        assert!(!is_phone("05 61 ab"));
        assert!(!is_phone("12"));
    }
}

#[cfg(test)]
mod validation_tests {
    use crate::content::item::*;
    use crate::content::{validate, Objective, Vocabularies};

    fn codes_at(doc: ItemDocument) -> Vec<(String, String)> {
        match validate(doc, &Vocabularies::builtin()) {
            Ok(_) => Vec::new(),
            Err(e) => e.0.into_iter().map(|f| (f.path, f.code.to_owned())).collect(),
        }
    }

    fn draft_sheet(sheet: ProjectSheet) -> ItemDocument {
        ItemDocument {
            kind: Some(Kind::ProjectSheet),
            title: "Fiche".into(),
            language: "fr".into(),
            project_sheet: Some(sheet),
            ..ItemDocument::default()
        }
    }

    #[test]
    fn an_aid_amount_that_contradicts_its_rate_and_base_is_refused() {
        let line = |amount| FundingLine {
            funder: "État".into(),
            amount_eur: amount,
            rate_percent: Some(50.0),
            eligible_base_eur: Some(3_400_000.0),
            tax_basis: Some("ht".into()),
            ..FundingLine::default()
        };
        let sheet = |amount| draft_sheet(ProjectSheet { funding: vec![line(amount)], ..ProjectSheet::default() });
        assert_eq!(codes_at(sheet(None)), vec![]);
        assert_eq!(codes_at(sheet(Some(1_700_000.0))), vec![]);
        assert_eq!(
            codes_at(sheet(Some(3_400_000.0))),
            vec![("project_sheet.funding[0].amount_eur".to_owned(), "inconsistent_amount".to_owned())]
        );
    }

    #[test]
    fn shares_rates_levels_and_contacts_are_checked_with_their_paths() {
        let sheet = ProjectSheet {
            objectives: vec![Objective { text: "Bâtir".into(), level: Some("supreme".into()) }],
            funding: vec![
                FundingLine { funder: "A".into(), share_percent: Some(60.0), ..FundingLine::default() },
                FundingLine {
                    funder: "B".into(),
                    share_percent: Some(50.0),
                    rate_percent: Some(120.0),
                    ..FundingLine::default()
                },
            ],
            staffing: vec![Staffing { role: "Directeur".into(), fte_percent: Some(150.0), ..Staffing::default() }],
            ..ProjectSheet::default()
        };
        let mut doc = draft_sheet(sheet);
        doc.contacts = vec![
            Contact { role: Some("accueil".into()), ..Contact::default() },
            Contact { person: Some("Camille".into()), email: Some("camille@petr".into()), ..Contact::default() },
        ];
        let codes = codes_at(doc);
        for expected in [
            ("project_sheet.objectives[0].level", "unknown_code"),
            ("project_sheet.funding", "shares_over_total"),
            ("project_sheet.funding[1].rate_percent", "out_of_range"),
            ("project_sheet.staffing[0].fte_percent", "out_of_range"),
            ("contacts[0]", "required"),
            ("contacts[1].email", "invalid_email"),
        ] {
            assert!(codes.contains(&(expected.0.to_owned(), expected.1.to_owned())), "{expected:?} not in {codes:?}");
        }
    }
}
