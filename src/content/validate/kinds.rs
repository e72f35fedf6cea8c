//! The section of each kind of item: project sheet, good practice, experience.

use super::checks::*;
use super::details;
use super::{MAX_TEXT_CHARS, MAX_TITLE_CHARS};
use crate::content::errors::Collector;
use crate::content::item::*;
use crate::content::vocabulary::{names, Vocabularies};
use crate::msg;

pub(super) fn project_sheet(c: &mut Collector, vocab: &Vocabularies, p: &ProjectSheet, strict: bool) {
    let at = |f: &str| format!("project_sheet.{f}");
    match &p.carrier {
        Some(org) => {
            text(c, &at("carrier.name"), &org.name, MAX_TITLE_CHARS, true, msg!("validation-required-carrier-name"));
            if let Some(t) = &org.org_type {
                code(c, vocab, &at("carrier.org_type"), names::ORGANISATION_TYPE, t);
            }
            digits(c, &at("carrier.siren"), org.siren.as_deref(), 9, msg!("validation-invalid_code-siren"));
            digits(c, &at("carrier.siret"), org.siret.as_deref(), 14, msg!("validation-invalid_code-siret"));
        }
        None if strict => c.push(at("carrier"), "required", msg!("validation-required-carrier")),
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
        msg!("validation-required-status"),
    );
    required_text(c, &at("location"), p.location.as_deref(), strict, msg!("validation-required-location"));
    required_text(c, &at("perimeter"), p.perimeter.as_deref(), strict, msg!("validation-required-perimeter"));
    match &p.start_date {
        Some(d) => partial_date(c, &at("start_date"), d),
        None if strict => c.push(at("start_date"), "required", msg!("validation-required-start_date")),
        None => {}
    }
    if let Some(d) = &p.end_date {
        partial_date(c, &at("end_date"), d);
        if let Some(s) = &p.start_date {
            if d < s && is_partial_date(d) && is_partial_date(s) {
                c.push(at("end_date"), "invalid_date", msg!("validation-invalid_date-end_before_start"));
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
            msg!("validation-required-partner-name"),
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
            msg!("validation-required-step-name"),
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
            msg!("validation-required-work_package-code"),
        );
        text(
            c,
            &at(&format!("work_packages[{i}].name")),
            &w.name,
            MAX_TITLE_CHARS,
            true,
            msg!("validation-required-work_package-name"),
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
            msg!("validation-required-event-name"),
        );
        if let Some(d) = &e.date {
            partial_date(c, &at(&format!("events[{i}].date")), d);
        }
        details::event(c, vocab, &at(&format!("events[{i}]")), e);
    }
}

pub(super) fn good_practice(c: &mut Collector, vocab: &Vocabularies, g: &GoodPractice, strict: bool) {
    let at = |f: &str| format!("good_practice.{f}");
    required_text(c, &at("problem"), g.problem.as_deref(), strict, msg!("validation-required-problem"));
    if strict && g.objectives.is_empty() {
        c.push(at("objectives"), "required", msg!("validation-required-objectives"));
    }
    if strict && g.steps.is_empty() {
        c.push(at("steps"), "required", msg!("validation-required-steps"));
    }
    list_len(c, &at("steps"), g.steps.len());
    for (i, s) in g.steps.iter().enumerate() {
        text(
            c,
            &at(&format!("steps[{i}].name")),
            &s.name,
            MAX_TITLE_CHARS,
            true,
            msg!("validation-required-step-name"),
        );
    }
    if strict && g.resources_needed.is_empty() {
        c.push(at("resources_needed"), "required", msg!("validation-required-resources_needed"));
    }
    required_code(
        c,
        vocab,
        &at("maturity"),
        names::MATURITY,
        g.maturity.as_deref(),
        strict,
        msg!("validation-required-maturity"),
    );
    required_text(
        c,
        &at("transferability"),
        g.transferability.as_deref(),
        strict,
        msg!("validation-required-transferability"),
    );
    urls(c, &at("evidence"), &g.evidence);
}

pub(super) fn experience(c: &mut Collector, vocab: &Vocabularies, e: &Experience, strict: bool) {
    let at = |f: &str| format!("experience.{f}");
    match &e.about {
        Some(about) => {
            if let Some(item) = &about.item {
                url(c, &at("about.item"), item);
            }
            if about.item.is_none() && about.label.as_deref().map_or(true, |l| l.trim().is_empty()) {
                c.push(at("about"), "required", msg!("validation-required-about"));
            }
        }
        None if strict => c.push(at("about"), "required", msg!("validation-required-about")),
        None => {}
    }
    match &e.period {
        Some(p) => {
            match &p.start {
                Some(d) => partial_date(c, &at("period.start"), d),
                None if strict => c.push(at("period.start"), "required", msg!("validation-required-period-start")),
                None => {}
            }
            if let Some(d) = &p.end {
                partial_date(c, &at("period.end"), d);
            }
        }
        None if strict => c.push(at("period"), "required", msg!("validation-required-period")),
        None => {}
    }
    match &e.speaker {
        Some(s) => code(c, vocab, &at("speaker.role"), names::SPEAKER_ROLE, &s.role),
        None if strict => c.push(at("speaker"), "required", msg!("validation-required-speaker")),
        None => {}
    }
    required_text(c, &at("context"), e.context.as_deref(), strict, msg!("validation-required-context"));
    required_text(c, &at("results"), e.results.as_deref(), strict, msg!("validation-required-results"));
    required_text(c, &at("difficulties"), e.difficulties.as_deref(), strict, msg!("validation-required-difficulties"));
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
            msg!("validation-required-beneficiary"),
        );
        text(c, &format!("{path}[{i}].effect"), &e.effect, MAX_TEXT_CHARS, true, msg!("validation-required-effect"));
        code(c, vocab, &format!("{path}[{i}].kind"), names::EFFECT_KIND, &e.kind);
        code(c, vocab, &format!("{path}[{i}].evidence"), names::EVIDENCE_LEVEL, &e.evidence);
    }
}

fn funding_lines(c: &mut Collector, vocab: &Vocabularies, path: &str, lines: &[FundingLine]) {
    list_len(c, path, lines.len());
    for (i, f) in lines.iter().enumerate() {
        text(c, &format!("{path}[{i}].funder"), &f.funder, MAX_TITLE_CHARS, true, msg!("validation-required-funder"));
        amount(c, &format!("{path}[{i}].amount_eur"), f.amount_eur);
        optional_code(c, vocab, &format!("{path}[{i}].funding_type"), names::FUNDING_TYPE, f.funding_type.as_deref());
        optional_code(c, vocab, &format!("{path}[{i}].status"), names::FUNDING_STATUS, f.status.as_deref());
        details::funding_line(c, vocab, &format!("{path}[{i}]"), f);
    }
    details::budget_shares(c, path, lines);
}
