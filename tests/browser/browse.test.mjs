// Browsing node 1 (Marseille, `serve --demo`): the home page, searching, facets, and a
// project sheet with all its sections in French. JavaScript is off throughout.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  NODE1,
  assertAccessible,
  launchBrowser,
  mainText,
  newPage,
  screenshot,
  visit,
} from './helpers.mjs';

const DEMO_SHEET = 'dynamo-ariege';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

describe('browse and search (node 1, demo items)', () => {
  test('the home page presents the node in French, with a search field', async () => {
    const page = await newPage(browser);
    await visit(page, `${NODE1}/`);
    assert.equal(await page.locator('html').getAttribute('lang'), 'fr');
    assert.match(await page.title(), /^Accueil — /);
    await page.getByRole('heading', { level: 1 }).waitFor();
    assert.ok(await page.getByRole('searchbox', { name: 'Rechercher une fiche' }).isVisible());
    const text = await mainText(page);
    assert.match(text, /En chiffres/);
    assert.match(text, /\d+ fiches publiques/);
    assert.match(text, /Dernières fiches/);
    for (const label of ['Accueil', 'Catalogue', 'Le réseau', 'Vocabulaires', 'Espace éditeur']) {
      assert.ok(await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: label }).isVisible(), label);
    }
    await assertAccessible(page);
    await screenshot(page, '01-accueil');
    await page.context().close();
  });

  test('searching "ecologie" finds and highlights "écologie" and its inflections (accents folded, stems)', async () => {
    const page = await newPage(browser);
    await visit(page, `${NODE1}/`);
    // As a person would: type into the search field and press Enter.
    await page.getByRole('searchbox', { name: 'Rechercher une fiche' }).fill('ecologie');
    await Promise.all([page.waitForURL(/\/catalogue\?q=ecologie/), page.keyboard.press('Enter')]);
    assert.equal(await page.getByRole('searchbox', { name: 'Rechercher' }).inputValue(), 'ecologie');
    const heading = await page.locator('#resultats').innerText();
    const found = Number(heading.match(/^(\d+) résultats?/)?.[1]);
    assert.ok(found >= 2, `results heading: ${heading}`);
    assert.match(heading, /classés par pertinence/);
    assert.equal(await page.locator('.item-list > .item-card').count(), found);
    const marks = await page.locator('.item-card mark').allInnerTexts();
    assert.ok(marks.length > 0, 'no highlighted word in the results');
    // Inflected forms and the English pillar label share the stem: écologie, écologique, ecology.
    for (const m of marks) assert.match(m, /^[ée]colog/i, `highlighted "${m}"`);
    assert.ok(marks.some((m) => /écologie/i.test(m)), `the accented form is highlighted: ${marks}`);
    // The active search shows as a removable filter.
    assert.ok(await page.getByRole('link', { name: /Recherche : « ecologie »/ }).isVisible());
    await assertAccessible(page);
    await screenshot(page, '02-catalogue-recherche');
    await page.context().close();
  });

  test('facets filter the results and can be removed', async () => {
    const page = await newPage(browser);
    await visit(page, `${NODE1}/catalogue?q=ecologie`);
    const facets = page.getByRole('navigation', { name: 'Affiner par facette' });
    for (const title of ['Type de fiche', 'Territoire', "Pilier de l'économie circulaire", "Domaine d'activité", 'Ressource']) {
      assert.ok(await facets.getByRole('heading', { name: title }).isVisible(), `facet ${title}`);
    }
    const facet = facets.locator('section', { has: page.getByRole('heading', { name: 'Type de fiche' }) }).locator('li', { hasText: 'Fiche projet' });
    const expected = Number(await facet.locator('.muted').innerText());
    assert.ok(expected >= 1);
    await Promise.all([page.waitForURL(/kind=project_sheet/), facet.getByRole('link').click()]);
    assert.match(page.url(), /q=ecologie/, 'the search is kept when a facet is chosen');
    const cards = page.locator('.item-list > .item-card');
    assert.equal(await cards.count(), expected);
    for (const badge of await cards.locator('.badge-kind').allInnerTexts()) assert.equal(badge, 'Fiche projet');
    assert.equal(await facets.getByRole('link', { name: 'Fiche projet' }).getAttribute('aria-current'), 'true');
    assert.match(await page.locator('#resultats').innerText(), new RegExp(`^${expected} résultats?`));

    // A pillar facet narrows further; both filters show and each can be removed.
    const pillar = facets.locator('section', { has: page.getByRole('heading', { name: "Pilier de l'économie circulaire" }) }).getByRole('link').first();
    const pillarLabel = (await pillar.innerText()).trim();
    await Promise.all([page.waitForURL(/pillar=/), pillar.click()]);
    const active = page.getByRole('list', { name: /Filtres actifs/ });
    assert.equal(await active.getByRole('listitem').count(), 3, await active.innerText());
    for (const tags of await page.locator('.item-list > .item-card').allInnerTexts()) assert.match(tags, new RegExp(pillarLabel));
    await Promise.all([page.waitForURL((u) => !u.search.includes('q=')), active.getByRole('link', { name: /Recherche : « ecologie »/ }).click()]);
    assert.match(page.url(), /kind=project_sheet/);
    assert.match(page.url(), /pillar=/);
    assert.equal(await page.getByRole('searchbox', { name: 'Rechercher' }).inputValue(), '');
    await Promise.all([page.waitForURL(`${NODE1}/catalogue`), page.getByRole('link', { name: 'Tout effacer' }).click()]);
    assert.match(await page.locator('#resultats').innerText(), /les plus récents d'abord/);
    await page.context().close();
  });

  test('the header switch shows the pages in English, and the choice follows the visitor', async () => {
    const page = await newPage(browser);
    await visit(page, `${NODE1}/catalogue?q=compost`);
    await Promise.all([page.waitForURL(/lang=en/), page.getByRole('link', { name: 'English' }).click()]);
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    assert.match(await page.title(), /^Catalogue — /);
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Catalogue of items');
    assert.equal(await page.getByRole('searchbox', { name: 'Search' }).inputValue(), 'compost', 'the query is kept');
    // The cookie keeps English on the next page, reached through the navigation.
    await Promise.all([
      page.waitForURL(/\/items\//),
      page.locator('.item-card h3 a').first().click(),
    ]);
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    const text = await mainText(page);
    assert.match(text, /Territory:/);
    assert.doesNotMatch(text, /Territoire :/);
    await assertAccessible(page, 'en');
    await screenshot(page, '09-item-english');
    // And back to French.
    await Promise.all([page.waitForURL(/lang=fr/), page.getByRole('link', { name: 'Français' }).click()]);
    assert.equal(await page.locator('html').getAttribute('lang'), 'fr');
    await page.context().close();
  });

  test('a search with no result says so in French', async () => {
    const page = await newPage(browser);
    await visit(page, `${NODE1}/catalogue?q=zzzquasimodo`);
    assert.match(await page.locator('#resultats').innerText(), /^0 résultat\b/);
    assert.match(await mainText(page), /Aucune fiche ne correspond/);
    await page.context().close();
  });
});

describe('a project sheet', () => {
  test('opens from the results, with every section visible and French labels', async () => {
    const page = await newPage(browser);
    const api = await (await page.request.get(`${NODE1}/api/v1/items/${DEMO_SHEET}`)).json();
    const vocabularies = await (await page.request.get(`${NODE1}/api/v1/vocabularies`)).json();

    await visit(page, `${NODE1}/catalogue?q=ecologie`);
    await Promise.all([page.waitForURL(`${NODE1}/items/${DEMO_SHEET}`), page.getByRole('link', { name: api.title }).click()]);
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), api.title);
    assert.equal(await page.locator('.item-summary').innerText(), api.summary);
    assert.equal(await page.locator('.badge-kind').first().innerText(), 'Fiche projet');
    assert.ok((await page.locator('.item-body').innerText()).length > 200, 'the Markdown body is rendered');

    // Which sections the document's fields call for, by their French titles.
    const p = api.project_sheet;
    const has = (v) => (Array.isArray(v) ? v.length > 0 : v !== undefined && v !== null && v !== '');
    const expected = [
      ['Le projet', has(p.carrier) || has(p.status) || has(p.location)],
      ['Partenaires', has(p.partners) || has(p.consortium)],
      ['Coût et financement', has(p.funding) || has(p.total_cost_eur)],
      ['Objectifs', has(p.objectives)],
      ['Historique et organisation', has(p.stages) || has(p.work_packages)],
      ['Moyens', has(p.human_means) || has(p.technical_means) || has(p.practices_used)],
      ['Résultats', has(p.qualitative_results) || has(p.key_figures)],
      ['Effets utiles et évaluation', has(p.useful_effects) || has(p.evaluation_dimensions)],
      ['Événements', has(p.events)],
      ['Hypothèses, risques et limites', has(p.hypotheses) || has(p.risks)],
      ['Les six registres du modèle économique', has(p.registers)],
      ['Contacts', has(api.contacts)],
      ['Labels et distinctions', has(api.recognitions)],
      ['Sources et rédaction de la fiche', has(api.sources) || has(api.page_author) || has(api.page_moderator)],
      ['Documents', has(api.documents)],
    ].filter(([, present]) => present);
    assert.ok(expected.length >= 8, `the demo sheet fills most sections (${expected.map(([t]) => t)})`);
    const article = page.locator('article');
    for (const [title] of expected) {
      const section = article.locator('section', { has: page.getByRole('heading', { level: 2, name: title, exact: true }) });
      assert.equal(await section.count(), 1, `section « ${title} »`);
      assert.ok(await section.isVisible(), `section « ${title} » is visible`);
      assert.ok((await section.innerText()).trim().length > title.length, `section « ${title} » has content`);
    }
    const aside = page.getByRole('complementary', { name: 'Informations sur la fiche' });
    for (const title of ['Territoire', "Piliers de l'économie circulaire", 'Auteurs et autrices', 'Licence', 'Dates', 'Version']) {
      assert.ok(await aside.getByRole('heading', { name: title, exact: true }).isVisible(), `aside « ${title} »`);
    }
    // The funding table: French headers, amounts in euros, French vocabulary labels.
    const funding = article.locator('table', { has: page.locator('caption', { hasText: 'Plan de financement' }) });
    // Columns appear when some line has a value: DYNAMO's sheet gives a rate on an HT base, no amount.
    const columns = [
      ['Financeur', (f) => f.funder],
      ['Montant', (f) => f.amount_eur],
      ["Calcul de l'aide", (f) => f.rate_percent ?? f.eligible_base_eur ?? f.tax_basis],
      ['Part du budget', (f) => f.share_percent],
      ['Période', (f) => f.period],
      ['Objet', (f) => f.purpose],
      ['Plan ou scénario', (f) => f.plan],
      ['Type', (f) => f.funding_type],
      ['Statut', (f) => f.status],
      ['Programme', (f) => f.programme],
    ];
    const headers = columns.filter(([, get]) => p.funding.some((f) => has(get(f)))).map(([h]) => h);
    assert.deepEqual(await funding.locator('thead th').allInnerTexts(), headers);
    assert.equal(await funding.locator('tbody tr').count(), p.funding.length);
    const rated = p.funding.findIndex((f) => f.rate_percent !== undefined);
    if (rated >= 0) {
      const cells = await funding.locator('tbody tr').nth(rated).locator('td, th').allInnerTexts();
      const basis = cells[headers.indexOf("Calcul de l'aide")];
      assert.ok(basis.startsWith(`${p.funding[rated].rate_percent} % de `), `the rate and its base: ${basis}`);
      if (p.funding[rated].tax_basis) assert.ok(basis.endsWith(` ${p.funding[rated].tax_basis.toUpperCase()}`), `HT or TTC: ${basis}`);
    }

    // Every code of a controlled vocabulary shows as its French label, never as the code.
    const labels = new Map();
    for (const v of Object.values(vocabularies)) for (const t of v.terms) labels.set(t.code, t.label);
    const codes = [
      ...api.pillars,
      ...api.activity_domains,
      ...api.resources,
      ...(api.food_themes || []),
      ...(api.target_audiences || []),
      api.territory.scale,
      p.phase,
      p.status,
      p.carrier?.org_type,
      // The tax basis shows as its abbreviation in the aid column (checked above).
      ...p.funding.flatMap((f) => [f.funding_type, f.status]),
      ...(p.partners || []).flatMap((x) => [x.relationship, x.org_type]),
      ...(p.events || []).map((e) => e.format),
      ...(p.objectives || []).map((o) => o.level),
      ...(api.recognitions || []).map((r) => r.kind),
    ].filter(Boolean);
    const text = await page.locator('main').innerText();
    for (const code of codes) {
      assert.ok(labels.has(code), `unknown code ${code}`);
      assert.ok(text.includes(labels.get(code)), `the label « ${labels.get(code)} » of ${code} is shown`);
    }
    const snake = text.match(/\b[a-z]+_[a-z_]+\b/g);
    assert.equal(snake, null, `raw codes visible on the page: ${snake}`);

    await assertAccessible(page);
    await screenshot(page, '03-fiche-projet');
    await page.context().close();
  });

  test('an unknown item is a French 404 page', async () => {
    const page = await newPage(browser);
    await visit(page, `${NODE1}/items/cette-fiche-n-existe-pas`, { status: 404 });
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Page introuvable');
    await assertAccessible(page);
    await page.context().close();
  });
});

describe('the network and the vocabularies', () => {
  test('/reseau shows the territories with charts that have text alternatives', async () => {
    const page = await newPage(browser);
    await visit(page, `${NODE1}/reseau`);
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Le réseau');
    const charts = page.locator('svg[role="img"]');
    assert.ok((await charts.count()) >= 2, 'the coordination view has its charts');
    // Some tables sit in closed <details>: their captions are read as text, not as shown.
    for (const table of await page.locator('table caption').allTextContents()) assert.ok(table.trim().length > 0);
    assert.match(await mainText(page), /Fiches par territoire/);
    await assertAccessible(page);
    await screenshot(page, '05-reseau');
    await page.context().close();
  });

  test('/vocabularies lists the controlled vocabularies in French', async () => {
    const page = await newPage(browser);
    await visit(page, `${NODE1}/vocabularies`);
    const text = await mainText(page);
    assert.match(text, /Piliers de l'économie circulaire/);
    await assertAccessible(page);
    const link = page.getByRole('link', { name: /Piliers de l'économie circulaire/ }).first();
    await Promise.all([page.waitForURL(/\/vocabularies\/.+/), link.click()]);
    assert.match(await mainText(page), /Écologie industrielle et territoriale/);
    await assertAccessible(page);
    await page.context().close();
  });
});
