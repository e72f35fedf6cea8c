//! The kind-specific sections of an item page: project sheet (carrier, funding, stages,
//! key figures…), good practice (steps, resources, maturity…) and experience (context,
//! results, useful effects, the six registers…), with French headings.

use crate::content::item::{Experience, GoodPractice, KeyFigure, ProjectSheet, SixRegisters};
use crate::content::vocabulary::names;
use crate::content::{ItemDocument, Vocabularies};
use crate::web::pages::public::item_view::*;
use crate::web::pages::public::item_view_details::{self as details, funding_table};
use crate::web::pages::views::format;
use crate::web::pages::views::i18n;

pub fn sections(doc: &ItemDocument, vocab: &Vocabularies, refs: &References) -> Vec<Section> {
    let mut out = Vec::new();
    if let Some(p) = &doc.project_sheet {
        project_sheet(p, vocab, refs, &mut out);
    }
    if let Some(g) = &doc.good_practice {
        good_practice(g, vocab, refs, &mut out);
    }
    if let Some(e) = &doc.experience {
        experience(e, vocab, refs, &mut out);
    }
    details::envelope_sections(doc, vocab, &mut out);
    out
}

fn project_sheet(p: &ProjectSheet, vocab: &Vocabularies, refs: &References, out: &mut Vec<Section>) {
    let mut facts = Vec::new();
    if let Some(c) = &p.carrier {
        fact(&mut facts, "view-carrier", Some(&c.name));
        fact(&mut facts, "view-organisation-type", term_label(vocab, names::ORGANISATION_TYPE, c.org_type.as_deref()));
        fact(&mut facts, "view-siren", c.siren.as_deref());
        fact(&mut facts, "view-siret", c.siret.as_deref());
        fact(&mut facts, "view-rna", c.rna.as_deref());
    }
    fact(&mut facts, "view-initiative-nature", p.nature.as_deref());
    fact(&mut facts, "view-phase", term_label(vocab, names::PHASE, p.phase.as_deref()));
    fact(&mut facts, "view-status", term_label(vocab, names::PROJECT_STATUS, p.status.as_deref()));
    fact(&mut facts, "view-location", p.location.as_deref());
    fact(&mut facts, "view-perimeter", p.perimeter.as_deref());
    fact(&mut facts, "view-start-date", p.start_date.as_deref().map(format::partial_date).as_deref());
    fact(&mut facts, "view-end-date", p.end_date.as_deref().map(format::partial_date).as_deref());
    let mut b = Blocks::default();
    b.facts(facts);
    b.text("view-context", p.context.as_deref());
    b.text("view-approach", p.approach.as_deref());
    b.into_section("projet", "view-the-project", out);

    let mut b = Blocks::default();
    b.table(details::partners_table(vocab, &p.partners));
    b.strings("view-consortium", &p.consortium);
    b.into_section("partenaires", "view-partners", out);

    let mut b = Blocks::default();
    let mut facts = Vec::new();
    fact(&mut facts, "view-total-cost", p.total_cost_eur.map(format::euros).as_deref());
    b.facts(facts);
    b.table(funding_table(vocab, &p.funding));
    b.into_section("financement", "view-cost-and-funding", out);

    let mut b = Blocks::default();
    details::objectives(&mut b, vocab, &p.objectives);
    b.into_section("objectifs", "view-objectives", out);

    let mut b = Blocks::default();
    b.strings("view-hypotheses", &p.hypotheses);
    b.strings("view-risks", &p.risks);
    b.into_section("hypotheses", "view-hypotheses-and-risks", out);

    let mut b = Blocks::default();
    b.table(table(
        "view-milestones",
        vec![header("view-step"), header("view-period"), header("view-description")],
        p.stages
            .iter()
            .map(|s| {
                vec![
                    cell(&s.name),
                    cell(format::period(s.start.as_deref(), s.end.as_deref()).unwrap_or_default()),
                    cell(s.description.clone().unwrap_or_default()),
                ]
            })
            .collect(),
        None,
    ));
    b.table(table(
        "view-working-groups",
        vec![header("view-code"), header("view-name"), header("view-description")],
        p.work_packages
            .iter()
            .map(|w| vec![cell(&w.code), cell(&w.name), cell(w.description.clone().unwrap_or_default())])
            .collect(),
        None,
    ));
    b.into_section("historique", "view-history-and-organisation", out);

    let mut b = Blocks::default();
    b.text("view-human-means", p.human_means.as_deref());
    b.table(details::staffing_table(&p.staffing));
    b.text("view-technical-means", p.technical_means.as_deref());
    b.list("view-practices-used", p.practices_used.iter().map(|u| refs.link(u)).collect());
    b.list("view-external-methods", details::references(&p.external_methods));
    b.into_section("moyens", "view-means", out);

    let mut b = Blocks::default();
    b.text("view-qualitative-results", p.qualitative_results.as_deref());
    b.table(key_figures_table(&p.key_figures));
    b.into_section("resultats", "view-results", out);

    let mut b = Blocks::default();
    b.table(useful_effects_table(vocab, &p.useful_effects));
    b.strings("view-evaluation-dimensions", &p.evaluation_dimensions);
    b.into_section("effets-utiles", "view-useful-effects-and-evaluation", out);

    let mut b = Blocks::default();
    b.table(details::events_table(vocab, &p.events));
    b.into_section("evenements", "view-events", out);

    registers(p.registers.as_ref(), out);
}

fn registers(registers: Option<&SixRegisters>, out: &mut Vec<Section>) {
    if let Some(r) = registers {
        let mut b = Blocks::default();
        for (register, text) in r.labelled(i18n::lang()) {
            b.push_text(&register, text);
        }
        b.into_section("registres", "view-six-registers", out);
    }
}

fn key_figures_table(figures: &[KeyFigure]) -> Option<Table> {
    let opt_num = |v: Option<f64>| v.map(format::number).unwrap_or_default();
    table(
        "view-key-figures",
        vec![
            header("view-indicator"),
            num_header("view-value"),
            header("view-unit"),
            header("view-date"),
            num_header("view-baseline"),
            num_header("view-target"),
        ],
        figures
            .iter()
            .map(|k| {
                vec![
                    cell(&k.indicator),
                    num_cell(format::number(k.value)),
                    cell(k.unit.clone().unwrap_or_default()),
                    cell(k.date.as_deref().map(format::partial_date).unwrap_or_default()),
                    num_cell(opt_num(k.baseline)),
                    num_cell(opt_num(k.target)),
                ]
            })
            .collect(),
        None,
    )
}

fn good_practice(g: &GoodPractice, vocab: &Vocabularies, refs: &References, out: &mut Vec<Section>) {
    let mut b = Blocks::default();
    b.text("view-problem", g.problem.as_deref());
    b.strings("view-objectives", &g.objectives);
    b.strings("view-target-actors", &g.target_actors);
    b.into_section("probleme", "view-problem-and-objectives", out);

    if !g.steps.is_empty() {
        let mut groups: Vec<StepGroup> = Vec::new();
        for (i, s) in g.steps.iter().enumerate() {
            let mut facts = Vec::new();
            if !s.tools.is_empty() {
                facts.push(Fact::new(i18n::t("view-tools"), s.tools.join(", ")));
            }
            if !s.participants.is_empty() {
                facts.push(Fact::new(i18n::t("view-participants"), s.participants.join(", ")));
            }
            fact(&mut facts, "view-duration", s.duration.as_deref());
            let step = StepView { name: s.name.clone(), description: s.description.clone(), facts };
            match groups.last_mut() {
                Some(last) if last.section == s.section => last.steps.push(step),
                _ => groups.push(StepGroup { section: s.section.clone(), start: i + 1, steps: vec![step] }),
            }
        }
        out.push(Section { id: "etapes", title: i18n::t("view-method-steps"), blocks: vec![Block::Steps(groups)] });
    }

    let mut b = Blocks::default();
    b.strings("view-tools-and-supports", &g.tools_and_supports);
    b.text("view-human-resources-needed", g.resources_needed.human.as_deref());
    b.text("view-financial-resources-needed", g.resources_needed.financial.as_deref());
    b.text("view-technical-resources-needed", g.resources_needed.technical.as_deref());
    b.into_section("moyens", "view-tools-and-means-needed", out);

    let mut b = Blocks::default();
    b.strings("view-success-factors", &g.success_factors);
    b.strings("view-pitfalls", &g.pitfalls);
    b.into_section("reussite", "view-success-factors-and-pitfalls", out);

    let mut b = Blocks::default();
    let mut facts = Vec::new();
    fact(&mut facts, "view-maturity", term_label(vocab, names::MATURITY, g.maturity.as_deref()));
    b.facts(facts);
    b.text("view-transferability", g.transferability.as_deref());
    b.list("view-documented-implementations", g.evidence.iter().map(|u| refs.link(u)).collect());
    b.into_section("transferabilite", "view-maturity-and-transferability", out);
}

fn experience(e: &Experience, vocab: &Vocabularies, refs: &References, out: &mut Vec<Section>) {
    let mut facts = Vec::new();
    if let Some(about) = &e.about {
        let value = match (&about.item, &about.label) {
            (Some(uri), label) => {
                let mut link = refs.link(uri);
                if let (Some(l), None) = (label, refs.0.get(uri)) {
                    link.text = l.clone();
                }
                Some(link)
            }
            (None, Some(label)) => Some(LinkView::text(label.clone())),
            (None, None) => None,
        };
        if let Some(value) = value {
            facts.push(Fact { label: i18n::t("view-about"), value });
        }
    }
    if let Some(p) = &e.period {
        fact(&mut facts, "view-period-covered", format::period(p.start.as_deref(), p.end.as_deref()).as_deref());
    }
    if let Some(s) = &e.speaker {
        let role = i18n::term(vocab, names::SPEAKER_ROLE, &s.role);
        let who = match s.name.as_deref().filter(|n| !n.trim().is_empty()) {
            Some(name) => format!("{name} ({role})"),
            None => role.to_owned(),
        };
        fact(&mut facts, "view-speaker", Some(&who));
    }
    let mut b = Blocks::default();
    b.facts(facts);
    b.text("view-context", e.context.as_deref());
    b.into_section("contexte", "view-context", out);

    let mut b = Blocks::default();
    b.text("view-results", e.results.as_deref());
    b.table(key_figures_table(&e.key_figures));
    b.text("view-difficulties", e.difficulties.as_deref());
    b.into_section("resultats", "view-results-and-difficulties", out);

    let mut b = Blocks::default();
    b.table(useful_effects_table(vocab, &e.useful_effects));
    b.into_section("effets-utiles", "view-useful-effects", out);

    let mut b = Blocks::default();
    b.strings("view-success-factors", &e.success_factors);
    b.strings("view-recommendations", &e.recommendations);
    b.into_section("recommandations", "view-success-factors-and-recommendations", out);

    registers(e.registers.as_ref(), out);

    let mut b = Blocks::default();
    b.text("view-costs", e.costs.as_deref());
    b.table(funding_table(vocab, &e.funding));
    b.into_section("financement", "view-costs-and-funding", out);

    let mut b = Blocks::default();
    b.list("view-practices", e.practices.iter().map(|u| refs.link(u)).collect());
    b.list("view-external-methods", details::references(&e.external_methods));
    b.into_section("pratiques", "view-practices-heading", out);
}
