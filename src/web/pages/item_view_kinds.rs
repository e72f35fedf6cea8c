//! The kind-specific sections of an item page: project sheet (carrier, funding, stages,
//! key figures…), good practice (steps, resources, maturity…) and experience (context,
//! results, useful effects, the six registers…), with French headings.

use super::format;
use super::item_view::*;
use crate::content::item::{Experience, GoodPractice, ProjectSheet};
use crate::content::vocabulary::names;
use crate::content::{ItemDocument, Vocabularies};
use crate::web::pages::i18n;

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
    out
}

fn label<'a>(vocab: &'a Vocabularies, name: &str, code: Option<&'a str>) -> Option<&'a str> {
    code.map(|c| i18n::term(vocab, name, c))
}

fn project_sheet(p: &ProjectSheet, vocab: &Vocabularies, refs: &References, out: &mut Vec<Section>) {
    let mut facts = Vec::new();
    if let Some(c) = &p.carrier {
        fact(&mut facts, "Structure porteuse", Some(&c.name));
        fact(&mut facts, "Type de structure", label(vocab, names::ORGANISATION_TYPE, c.org_type.as_deref()));
        fact(&mut facts, "SIREN", c.siren.as_deref());
        fact(&mut facts, "SIRET", c.siret.as_deref());
        fact(&mut facts, "RNA", c.rna.as_deref());
    }
    fact(&mut facts, "Nature de l'initiative", p.nature.as_deref());
    fact(&mut facts, "Phase", label(vocab, names::PHASE, p.phase.as_deref()));
    fact(&mut facts, "Statut", label(vocab, names::PROJECT_STATUS, p.status.as_deref()));
    fact(&mut facts, "Localisation", p.location.as_deref());
    fact(&mut facts, "Périmètre", p.perimeter.as_deref());
    fact(&mut facts, "Date de début", p.start_date.as_deref().map(format::partial_date).as_deref());
    fact(&mut facts, "Date de fin", p.end_date.as_deref().map(format::partial_date).as_deref());
    let mut b = Blocks::default();
    b.facts(facts);
    b.into_section("projet", "Le projet", out);

    let mut b = Blocks::default();
    b.table(table(
        "Partenaires",
        vec![header("Partenaire"), header("Rôle")],
        p.partners.iter().map(|x| vec![cell(&x.name), cell(x.role.clone().unwrap_or_default())]).collect(),
        None,
    ));
    b.strings("Membres du consortium", &p.consortium);
    b.into_section("partenaires", "Partenaires", out);

    let mut b = Blocks::default();
    let mut facts = Vec::new();
    fact(&mut facts, "Coût total", p.total_cost_eur.map(format::euros).as_deref());
    b.facts(facts);
    b.table(funding_table(vocab, &p.funding));
    b.into_section("financement", "Coût et financement", out);

    let mut b = Blocks::default();
    b.strings("Objectifs", &p.objectives);
    b.into_section("objectifs", "Objectifs", out);

    let mut b = Blocks::default();
    b.table(table(
        "Étapes et historique",
        vec![header("Étape"), header("Période"), header("Description")],
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
        "Groupes de travail",
        vec![header("Code"), header("Nom"), header("Description")],
        p.work_packages
            .iter()
            .map(|w| vec![cell(&w.code), cell(&w.name), cell(w.description.clone().unwrap_or_default())])
            .collect(),
        None,
    ));
    b.into_section("historique", "Historique et organisation", out);

    let mut b = Blocks::default();
    b.text("Moyens humains", p.human_means.as_deref());
    b.text("Moyens techniques et méthodes", p.technical_means.as_deref());
    b.list("Bonnes pratiques utilisées", p.practices_used.iter().map(|u| refs.link(u)).collect());
    b.into_section("moyens", "Moyens", out);

    let mut b = Blocks::default();
    b.text("Résultats qualitatifs", p.qualitative_results.as_deref());
    let opt_num = |v: Option<f64>| v.map(format::number).unwrap_or_default();
    b.table(table(
        "Chiffres clés",
        vec![
            header("Indicateur"),
            Cell { text: "Valeur".into(), num: true },
            header("Unité"),
            header("Date"),
            Cell { text: "Référence".into(), num: true },
            Cell { text: "Cible".into(), num: true },
        ],
        p.key_figures
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
    ));
    b.into_section("resultats", "Résultats", out);

    let mut b = Blocks::default();
    b.table(useful_effects_table(vocab, &p.useful_effects));
    b.strings("Dimensions d'évaluation", &p.evaluation_dimensions);
    b.into_section("effets-utiles", "Effets utiles et évaluation", out);

    let mut b = Blocks::default();
    b.table(table(
        "Événements",
        vec![header("Événement"), header("Date"), header("Lieu")],
        p.events
            .iter()
            .map(|e| {
                vec![
                    cell(&e.name),
                    cell(e.date.as_deref().map(format::partial_date).unwrap_or_default()),
                    cell(e.place.clone().unwrap_or_default()),
                ]
            })
            .collect(),
        None,
    ));
    b.into_section("evenements", "Événements", out);
}

fn good_practice(g: &GoodPractice, vocab: &Vocabularies, refs: &References, out: &mut Vec<Section>) {
    let mut b = Blocks::default();
    b.text("Problème ou contexte", g.problem.as_deref());
    b.strings("Objectifs", &g.objectives);
    b.strings("Acteurs ciblés", &g.target_actors);
    b.into_section("probleme", "Problème et objectifs", out);

    if !g.steps.is_empty() {
        let mut groups: Vec<StepGroup> = Vec::new();
        for (i, s) in g.steps.iter().enumerate() {
            let mut facts = Vec::new();
            if !s.tools.is_empty() {
                facts.push(Fact::new("Outils", s.tools.join(", ")));
            }
            if !s.participants.is_empty() {
                facts.push(Fact::new("Participants", s.participants.join(", ")));
            }
            fact(&mut facts, "Durée", s.duration.as_deref());
            let step = StepView { name: s.name.clone(), description: s.description.clone(), facts };
            match groups.last_mut() {
                Some(last) if last.section == s.section => last.steps.push(step),
                _ => groups.push(StepGroup { section: s.section.clone(), start: i + 1, steps: vec![step] }),
            }
        }
        out.push(Section { id: "etapes", title: "Étapes de la méthode", blocks: vec![Block::Steps(groups)] });
    }

    let mut b = Blocks::default();
    b.strings("Outils et supports", &g.tools_and_supports);
    b.text("Moyens humains nécessaires", g.resources_needed.human.as_deref());
    b.text("Moyens financiers nécessaires", g.resources_needed.financial.as_deref());
    b.text("Moyens techniques nécessaires", g.resources_needed.technical.as_deref());
    b.into_section("moyens", "Outils et moyens nécessaires", out);

    let mut b = Blocks::default();
    b.strings("Facteurs de réussite", &g.success_factors);
    b.strings("Écueils à éviter", &g.pitfalls);
    b.into_section("reussite", "Facteurs de réussite et écueils", out);

    let mut b = Blocks::default();
    let mut facts = Vec::new();
    fact(&mut facts, "Maturité", label(vocab, names::MATURITY, g.maturity.as_deref()));
    b.facts(facts);
    b.text("Transférabilité (conditions et adaptations)", g.transferability.as_deref());
    b.list("Mises en œuvre documentées", g.evidence.iter().map(|u| refs.link(u)).collect());
    b.into_section("transferabilite", "Maturité et transférabilité", out);
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
            facts.push(Fact { label: "À propos de".into(), value });
        }
    }
    if let Some(p) = &e.period {
        fact(&mut facts, "Période couverte", format::period(p.start.as_deref(), p.end.as_deref()).as_deref());
    }
    if let Some(s) = &e.speaker {
        let role = i18n::term(vocab, names::SPEAKER_ROLE, &s.role);
        let who = match s.name.as_deref().filter(|n| !n.trim().is_empty()) {
            Some(name) => format!("{name} ({role})"),
            None => role.to_owned(),
        };
        fact(&mut facts, "Qui témoigne", Some(&who));
    }
    let mut b = Blocks::default();
    b.facts(facts);
    b.text("Contexte", e.context.as_deref());
    b.into_section("contexte", "Contexte", out);

    let mut b = Blocks::default();
    b.text("Résultats", e.results.as_deref());
    b.text("Difficultés, ce qui n'a pas marché", e.difficulties.as_deref());
    b.into_section("resultats", "Résultats et difficultés", out);

    let mut b = Blocks::default();
    b.table(useful_effects_table(vocab, &e.useful_effects));
    b.into_section("effets-utiles", "Effets utiles", out);

    let mut b = Blocks::default();
    b.strings("Facteurs de réussite", &e.success_factors);
    b.strings("Recommandations", &e.recommendations);
    b.into_section("recommandations", "Facteurs de réussite et recommandations", out);

    if let Some(r) = &e.registers {
        let mut b = Blocks::default();
        for (register, text) in r.labelled() {
            b.text(register, text);
        }
        b.into_section("registres", "Les six registres du modèle économique", out);
    }

    let mut b = Blocks::default();
    b.text("Coûts", e.costs.as_deref());
    b.table(funding_table(vocab, &e.funding));
    b.into_section("financement", "Coûts et financement", out);

    let mut b = Blocks::default();
    b.list("Pratiques utilisées ou produites", e.practices.iter().map(|u| refs.link(u)).collect());
    b.into_section("pratiques", "Pratiques", out);
}
