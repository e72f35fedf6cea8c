//! Every human-readable field of an item, named in French and placed in a weight group:
//! the title; then summary, tags, vocabulary labels (French and English), territory,
//! authors; then the structured texts of each kind; then the body (added by the caller,
//! which holds its plain text). Indexing and snippets read the same list.

use super::analysis::{Analyzer, Mode};
use crate::content::item::{FundingLine, Reference, SixRegisters, UsefulEffect};
use crate::content::vocabulary::names;
use crate::content::{ItemDocument, Lang, Vocabularies};

/// Weight groups, best first; each is one column of the index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Group {
    Title,
    Lead,
    Structured,
    Body,
}

impl Group {
    pub const ALL: [Group; 4] = [Group::Title, Group::Lead, Group::Structured, Group::Body];

    /// The bm25 weight of the group's column.
    pub fn weight(self) -> f64 {
        match self {
            Group::Title => 10.0,
            Group::Lead => 5.0,
            Group::Structured => 3.0,
            Group::Body => 1.0,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    pub group: Group,
    /// What a snippet from this field is introduced by ("Étape 3", "Effet utile pour
    /// les épiceries").
    pub label: String,
    pub text: String,
}

struct Fields(Vec<Field>);

impl Fields {
    fn push(&mut self, group: Group, label: impl Into<String>, text: impl Into<String>) {
        let text = text.into();
        if !text.trim().is_empty() {
            self.0.push(Field { group, label: label.into(), text });
        }
    }

    fn opt(&mut self, group: Group, label: &str, text: &Option<String>) {
        if let Some(text) = text {
            self.push(group, label, text.clone());
        }
    }

    fn list(&mut self, group: Group, label: &str, texts: &[String]) {
        for (n, text) in texts.iter().enumerate() {
            self.push(group, numbered(label, n, texts.len()), text.clone());
        }
    }

    fn effects(&mut self, effects: &[UsefulEffect]) {
        for e in effects {
            self.push(Group::Structured, format!("Effet utile pour {}", e.beneficiary), e.effect.clone());
            self.push(Group::Structured, "Bénéficiaire", e.beneficiary.clone());
        }
    }

    fn funding(&mut self, lines: &[FundingLine]) {
        for f in lines {
            self.push(
                Group::Structured,
                "Financeur",
                join(&[Some(&f.funder), f.programme.as_ref(), f.purpose.as_ref(), f.plan.as_ref()]),
            );
        }
    }

    fn registers(&mut self, registers: &Option<SixRegisters>) {
        if let Some(r) = registers {
            for (label, text) in r.labelled(Lang::Fr) {
                self.push(Group::Structured, format!("Registre « {label} »"), text.unwrap_or_default());
            }
        }
    }

    fn references(&mut self, references: &[Reference]) {
        for r in references {
            self.push(Group::Structured, "Méthode externe", r.title.clone());
        }
    }
}

fn numbered(label: &str, n: usize, count: usize) -> String {
    if count > 1 {
        format!("{label} {}", n + 1)
    } else {
        label.to_owned()
    }
}

fn join(parts: &[Option<&String>]) -> String {
    parts.iter().flatten().map(|s| s.trim()).filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" — ")
}

/// The searchable fields of an item, body excepted, best group first.
pub fn searchable_fields(doc: &ItemDocument, vocab: &Vocabularies) -> Vec<Field> {
    let mut f = Fields(Vec::new());
    f.push(Group::Title, "Titre", doc.title.clone());
    f.push(Group::Lead, "Résumé", doc.summary.clone());
    for t in &doc.translations {
        f.push(Group::Title, "Titre traduit", t.title.clone());
        f.push(Group::Lead, "Résumé traduit", t.summary.clone());
    }
    f.push(Group::Lead, "Mots-clés", doc.tags.join(", "));
    for (vocabulary, label, codes) in [
        (names::PILLAR, "Pilier", &doc.pillars),
        (names::ACTIVITY_DOMAIN, "Domaine d'activité", &doc.activity_domains),
        (names::RESOURCE, "Ressource", &doc.resources),
        (names::FOOD_THEME, "Thème alimentaire", &doc.food_themes),
        (names::TARGET_AUDIENCE, "Public visé", &doc.target_audiences),
    ] {
        for code in codes {
            let fr = vocab.label_in(vocabulary, code, Lang::Fr);
            let en = vocab.label_in(vocabulary, code, Lang::En);
            f.push(Group::Lead, label, if fr == en { fr.to_owned() } else { format!("{fr} · {en}") });
        }
    }
    f.push(Group::Lead, "Territoire", doc.territory.name.clone());
    for a in &doc.authors {
        f.push(Group::Lead, "Auteur", join(&[Some(&a.name), a.role.as_ref()]));
    }
    for r in &doc.recognitions {
        f.push(Group::Lead, "Label ou distinction", join(&[Some(&r.name), r.issuer.as_ref(), r.details.as_ref()]));
    }
    // Only what the public may read is searchable: a withheld name must not be findable.
    for c in doc.contacts.iter().filter_map(|c| c.public_part()) {
        f.push(Group::Structured, "Contact", join(&[c.organisation.as_ref(), c.person.as_ref(), c.role.as_ref()]));
    }
    for source in &doc.sources {
        f.opt(Group::Structured, "Source", &source.title);
    }
    if let Some(p) = &doc.project_sheet {
        let s = Group::Structured;
        if let Some(c) = &p.carrier {
            f.push(s, "Structure porteuse", c.name.clone());
        }
        f.opt(s, "Nature de l'initiative", &p.nature);
        f.opt(s, "Contexte", &p.context);
        f.opt(s, "Démarche", &p.approach);
        f.opt(s, "Lieu", &p.location);
        f.opt(s, "Périmètre", &p.perimeter);
        for o in &p.objectives {
            let level = o.level.as_deref().map(|l| vocab.label_in(names::OBJECTIVE_LEVEL, l, Lang::Fr));
            f.push(s, level.unwrap_or("Objectif"), o.text.clone());
        }
        f.list(s, "Hypothèse", &p.hypotheses);
        f.list(s, "Risque ou limite", &p.risks);
        for (n, st) in p.stages.iter().enumerate() {
            f.push(s, numbered("Étape", n, p.stages.len()), join(&[Some(&st.name), st.description.as_ref()]));
        }
        for w in &p.work_packages {
            f.push(s, format!("Groupe de travail {}", w.code), join(&[Some(&w.name), w.description.as_ref()]));
        }
        for partner in &p.partners {
            f.push(s, "Partenaire", join(&[Some(&partner.name), partner.role.as_ref()]));
        }
        f.list(s, "Membre du consortium", &p.consortium);
        f.funding(&p.funding);
        f.opt(s, "Moyens humains", &p.human_means);
        for st in &p.staffing {
            f.push(s, "Poste", join(&[Some(&st.role), st.organisation.as_ref()]));
        }
        f.references(&p.external_methods);
        f.opt(s, "Moyens techniques et méthodes", &p.technical_means);
        f.opt(s, "Résultats", &p.qualitative_results);
        for k in &p.key_figures {
            f.push(s, "Chiffre clé", k.indicator.clone());
        }
        f.effects(&p.useful_effects);
        f.list(s, "Dimension d'évaluation", &p.evaluation_dimensions);
        for e in &p.events {
            let people = (!e.speakers.is_empty() || !e.hosts.is_empty())
                .then(|| e.speakers.iter().chain(&e.hosts).cloned().collect::<Vec<_>>().join(", "));
            f.push(s, "Événement", join(&[Some(&e.name), e.place.as_ref(), e.description.as_ref(), people.as_ref()]));
        }
        f.registers(&p.registers);
    }
    if let Some(g) = &doc.good_practice {
        let s = Group::Structured;
        f.opt(s, "Problème et contexte", &g.problem);
        f.list(s, "Objectif", &g.objectives);
        f.list(s, "Acteurs visés", &g.target_actors);
        for (n, st) in g.steps.iter().enumerate() {
            let tools = (!st.tools.is_empty()).then(|| format!("outils : {}", st.tools.join(", ")));
            let participants = (!st.participants.is_empty()).then(|| st.participants.join(", "));
            let text = join(&[
                st.section.as_ref(),
                Some(&st.name),
                st.description.as_ref(),
                tools.as_ref(),
                participants.as_ref(),
            ]);
            f.push(s, format!("Étape {}", n + 1), text);
        }
        f.list(s, "Outil ou support", &g.tools_and_supports);
        f.opt(s, "Moyens humains nécessaires", &g.resources_needed.human);
        f.opt(s, "Moyens financiers nécessaires", &g.resources_needed.financial);
        f.opt(s, "Moyens techniques nécessaires", &g.resources_needed.technical);
        f.list(s, "Facteur de réussite", &g.success_factors);
        f.list(s, "Écueil", &g.pitfalls);
        f.opt(s, "Transférabilité", &g.transferability);
    }
    if let Some(e) = &doc.experience {
        let s = Group::Structured;
        if let Some(about) = &e.about {
            f.opt(s, "À propos de", &about.label);
        }
        if let Some(speaker) = &e.speaker {
            f.push(s, "Qui parle", join(&[speaker.name.as_ref(), Some(&speaker.role)]));
        }
        f.opt(s, "Contexte", &e.context);
        f.opt(s, "Résultats", &e.results);
        f.opt(s, "Difficultés", &e.difficulties);
        f.effects(&e.useful_effects);
        f.list(s, "Facteur de réussite", &e.success_factors);
        f.list(s, "Recommandation", &e.recommendations);
        f.registers(&e.registers);
        for k in &e.key_figures {
            f.push(s, "Chiffre clé", k.indicator.clone());
        }
        f.references(&e.external_methods);
        f.opt(s, "Coûts", &e.costs);
        f.funding(&e.funding);
    }
    f.0
}

/// The analysed terms of each group (title, lead, structured, body), as the index
/// stores them: stems separated by spaces. `body_text` is the body's plain text.
pub fn index_columns(analyzer: &mut Analyzer, fields: &[Field], body_text: &str) -> [String; 4] {
    let mut columns: [String; 4] = Default::default();
    let mut push = |group: Group, text: &str| {
        let column = &mut columns[group as usize];
        for token in analyzer.analyze(text, Mode::Document) {
            if !column.is_empty() {
                column.push(' ');
            }
            column.push_str(&token.term);
        }
    };
    for field in fields {
        push(field.group, &field.text);
    }
    push(Group::Body, body_text);
    columns
}
