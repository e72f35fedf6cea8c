// The editor's journey on node 2 (Ariège), then federation to node 1 (Marseille, which
// follows node 2): log in, create a project sheet with funding lines and useful effects
// through the form, see validation errors beside the fields (nothing saved), fix and
// publish, and find the replica on node 1 with its origin. JavaScript is off throughout.
// The steps depend on each other and run in order.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  EDITOR,
  NODE1,
  NODE2,
  assertAccessible,
  eventually,
  launchBrowser,
  mainText,
  newPage,
  screenshot,
  visit,
} from './helpers.mjs';

// A slug of its own, so that the suite can run again against the same nodes.
const RUN = Date.now().toString(36);
const SLUG = `legumerie-couserans-${RUN}`;
const TITLE = 'Une légumerie solidaire dans le Couserans';
const SUMMARY = 'Une légumerie coopérative transforme les légumes déclassés des maraîchers du Couserans pour les cantines du territoire.';

/** The sheet, by input name: the names are the document's paths. */
const FIELDS = {
  slug: SLUG,
  body: '## Le projet\n\nLes maraîchers apportent leurs légumes **déclassés** ; la légumerie les lave, les épluche et les livre aux cantines.\n\n- 3 maraîchers fondateurs\n- 2 cantines pilotes',
  'territory.label': 'Couserans (Ariège)',
  'project_sheet.carrier.name': 'Association Légumes du Couserans',
  'project_sheet.location': 'Saint-Girons',
  'project_sheet.perimeter': 'Communauté de communes Couserans-Pyrénées',
  'project_sheet.start_date': '2026-03',
  'project_sheet.total_cost_eur': '80 000',
  'project_sheet.funding[0].funder': 'Région Occitanie',
  'project_sheet.funding[0].amount_eur': '45 000',
  'project_sheet.funding[0].programme': 'Pacte alimentaire territorial',
  'project_sheet.funding[1].funder': 'Fondation Daniel et Nina Carasso',
  'project_sheet.funding[1].amount_eur': '12 500,50',
  'project_sheet.useful_effects[0].beneficiary': 'Maraîchers du Couserans',
  'project_sheet.useful_effects[0].effect': 'Un débouché régulier pour les légumes déclassés',
  'project_sheet.useful_effects[1].beneficiary': 'Restaurants scolaires',
  'project_sheet.useful_effects[1].effect': 'Des légumes locaux prêts à cuisiner',
  'authors[0].name': 'Camille Roux',
  'authors[0].role': 'Chargée de mission alimentation',
};
const SELECTS = {
  lifecycle: 'published',
  'territory.scale': 'epci',
  'project_sheet.status': 'en_cours',
  'project_sheet.phase': 'realisation',
  'project_sheet.funding[0].funding_type': 'subvention_locale',
  'project_sheet.funding[0].status': 'acquis',
  'project_sheet.funding[1].funding_type': 'fondation',
  'project_sheet.funding[1].status': 'en_negociation',
  'project_sheet.useful_effects[0].kind': 'direct',
  'project_sheet.useful_effects[0].evidence': 'observe',
  'project_sheet.useful_effects[1].kind': 'externalite',
  'project_sheet.useful_effects[1].evidence': 'hypothese',
};
const PILLARS = ['Approvisionnement durable', 'Consommation responsable'];

let browser;
let page; // one signed-in editor on node 2, through all the steps
before(async () => {
  browser = await launchBrowser();
  page = await newPage(browser);
});
after(async () => {
  await browser?.close();
});

const field = (name) => page.locator(`[name="${name}"]`);

/** The node's own items in every lifecycle, from the dashboard, read with the editor's
 * session without leaving the current page: { published: n, draft: n, … }. */
async function dashboardCounts() {
  const html = await (await page.request.get(`${NODE2}/edit`)).text();
  const counts = {};
  for (const m of html.matchAll(/<h2 id="etat-(\w+)">[^<]*\((\d+)\)<\/h2>/g)) counts[m[1]] = Number(m[2]);
  assert.ok(Object.keys(counts).length >= 2, 'the dashboard lists its sections');
  return counts;
}

/** Clicks a submit button and returns the response to the form's POST. */
async function submit(name) {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    page.getByRole('button', { name, exact: true }).click(),
  ]);
  await page.waitForLoadState('load');
  return response;
}

describe('an editor publishes a project sheet on node 2, which arrives on node 1', () => {
  test('the editors area asks anonymous visitors to log in', async () => {
    await visit(page, `${NODE2}/edit/new?kind=project_sheet`);
    assert.equal(new URL(page.url()).pathname, '/login');
    assert.equal(new URL(page.url()).searchParams.get('next'), '/edit/new?kind=project_sheet');
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Espace éditeur : connexion');
  });

  test('a wrong password is refused with a French message, the right one signs in', async () => {
    await page.getByLabel('Identifiant').fill(EDITOR);
    await page.getByLabel('Mot de passe').fill('pas-le-bon-mot-de-passe');
    const refused = await submit('Se connecter');
    assert.equal(refused.status(), 401);
    assert.equal(await page.getByRole('alert').innerText(), 'Identifiant ou mot de passe incorrect.');
    assert.equal(await page.getByLabel('Identifiant').inputValue(), EDITOR, 'the username is kept');

    await page.getByLabel('Mot de passe').fill(process.env.MAILLAGE_PASSWORD || 'motdepasse-tres-long');
    await Promise.all([page.waitForURL(`${NODE2}/edit/new?kind=project_sheet`), page.getByRole('button', { name: 'Se connecter' }).click()]);
    assert.match(await page.locator('header').innerText(), new RegExp(`Connecté·e : ${EDITOR}`));
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Nouvelle fiche : fiche projet');
  });

  test('the form is in French, with a label for every input', async () => {
    for (const legend of ['Présentation', 'Territoire', 'Thématiques', 'Auteurs et autrices', 'Documents']) {
      assert.ok(await page.locator('form fieldset.form-section > legend', { hasText: legend }).first().isVisible(), legend);
    }
    for (const [name, label] of [
      ['title', /^Titre/],
      ['summary', /^Résumé/],
      ['project_sheet.funding[0].funder', /^Financeur/],
      ['project_sheet.funding[0].amount_eur', /^Montant \(€\)/],
      ['project_sheet.useful_effects[0].beneficiary', /^Bénéficiaire/],
      ['project_sheet.useful_effects[0].evidence', /^Niveau de preuve/],
    ]) {
      const labels = await field(name).evaluate((el) => [...el.labels].map((l) => l.textContent.trim()));
      assert.equal(labels.length, 1, `${name} has one label`);
      assert.match(labels[0], label, `${name} is labelled « ${labels[0]} »`);
    }
    await assertAccessible(page);
  });

  test('a POST without the form’s CSRF token is refused', async () => {
    const response = await page.request.post(`${NODE2}/edit/new`, {
      form: { _csrf: 'faux', kind: 'project_sheet', title: 'Intrus', _action: 'save' },
      maxRedirects: 0,
    });
    assert.equal(response.status(), 403);
    assert.match(await response.text(), /jeton de sécurité/);
  });

  let before;
  test('submitted without title and summary: errors beside the fields, nothing saved', async () => {
    before = await dashboardCounts();
    await visit(page, `${NODE2}/edit`);
    await Promise.all([page.waitForURL(/kind=project_sheet/), page.getByRole('link', { name: 'Fiche projet', exact: true }).click()]);

    for (const [name, value] of Object.entries(FIELDS)) await field(name).fill(value);
    for (const [name, value] of Object.entries(SELECTS)) await field(name).selectOption(value);
    for (const label of PILLARS) await page.getByRole('checkbox', { name: label }).check();
    // Title and summary left empty, on purpose.
    const response = await submit('Enregistrer');
    assert.equal(response.status(), 422);

    const summary = page.getByRole('alert');
    assert.match(await summary.innerText(), /points? à corriger — rien n'a été enregistré/);
    for (const [name, id, message] of [
      ['title', 'f-title', 'Le titre est obligatoire.'],
      ['summary', 'f-summary', 'Le résumé est obligatoire.'],
    ]) {
      // The message sits in the field's own block, between its label and its input, and
      // the input points to it.
      const block = page.locator('.field', { has: page.locator(`#${id}`) });
      assert.match(await block.getAttribute('class'), /has-error/);
      const error = block.locator('.field-error');
      assert.equal(await error.innerText(), message);
      assert.equal(await field(name).getAttribute('aria-invalid'), 'true');
      const describedBy = (await field(name).getAttribute('aria-describedby')).split(' ');
      assert.ok(describedBy.includes(await error.getAttribute('id')), `${name} is described by its error`);
      const [labelBox, errorBox, inputBox] = await Promise.all([
        block.locator('label').boundingBox(),
        error.boundingBox(),
        field(name).boundingBox(),
      ]);
      assert.ok(labelBox.y < errorBox.y && errorBox.y < inputBox.y, `the error of ${name} is next to it`);
      assert.ok(await summary.getByRole('link', { name: message }).isVisible(), `the summary links to ${name}`);
      assert.equal(await summary.getByRole('link', { name: message }).getAttribute('href'), `#${id}`);
    }
    // Everything typed is still there.
    for (const [name, value] of Object.entries(FIELDS)) {
      const kept = await field(name).inputValue();
      if ((await field(name).getAttribute('inputmode')) === 'decimal') {
        // Numbers come back parsed (12 500,50 → 12500.5): compare the values.
        assert.equal(Number(kept.replace(/\s/g, '').replace(',', '.')), Number(value.replace(/\s/g, '').replace(',', '.')), name);
      } else {
        assert.equal(kept, value, name);
      }
    }
    for (const [name, value] of Object.entries(SELECTS)) assert.equal(await field(name).inputValue(), value, name);
    for (const label of PILLARS) assert.ok(await page.getByRole('checkbox', { name: label }).isChecked(), label);
    // The summary's link takes the keyboard to the field.
    await summary.getByRole('link', { name: 'Le titre est obligatoire.' }).click();
    assert.equal(await page.evaluate(() => document.activeElement.id), 'f-title');

    await assertAccessible(page);
    // The top of the form: the summary of errors, then the title and summary fields.
    await page.locator('#f-title').blur();
    await page.locator('.error-summary').scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollTo(0, document.querySelector('.error-summary').getBoundingClientRect().top + window.scrollY - 16));
    await screenshot(page, '04-formulaire-erreurs', { fullPage: false });

    // Nothing was saved.
    assert.deepEqual(await dashboardCounts(), before, 'the dashboard counts the same items');
    const direct = await page.request.get(`${NODE2}/api/v1/items/${SLUG}`);
    assert.equal(direct.status(), 404);
  });

  test('fixed and published: saved, with its funding lines and useful effects', async () => {
    // Still on the form with the errors: fill what was missing.
    await field('title').fill(TITLE);
    await field('summary').fill(SUMMARY);
    const response = await submit('Enregistrer');
    assert.equal(response.status(), 303);
    await page.waitForURL(`${NODE2}/edit/${SLUG}?etat=enregistre`);
    assert.equal(await page.getByRole('status').innerText(), 'Fiche enregistrée (révision 1).');
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), `Modifier « ${TITLE} »`);
    const now = await dashboardCounts();
    assert.equal(now.published, before.published + 1, 'one more published item');

    await visit(page, `${NODE2}/items/${SLUG}`);
    await checkSheet(page);
    await screenshot(page, '04b-fiche-publiee');
  });

  let replica;
  test('the sheet arrives on node 1 as a replica, marked with its origin', async () => {
    const visitor = await newPage(browser); // node 1, anonymous
    const original = `${NODE2}/items/${SLUG}`;
    const card = await eventually(
      async () => {
        await visit(visitor, `${NODE1}/catalogue?q=${encodeURIComponent('légumerie Couserans')}`);
        const c = visitor.locator('.item-card', { has: visitor.locator(`a[href="${original}"]`) });
        return (await c.count()) === 1 ? c : null;
      },
      { timeout: 30_000, every: 500, what: `the replica of ${SLUG} in node 1's catalogue` },
    );
    assert.match(await card.innerText(), /Origine : Couserans \(Ariège\), nœud /);
    await Promise.all([visitor.waitForURL(/\/replicas\/\d+$/), card.getByRole('link', { name: TITLE, exact: true }).click()]);
    replica = visitor.url();

    const origin = visitor.getByRole('note').filter({ hasText: 'Origine' });
    assert.match(await origin.innerText(), /^Origine : /);
    assert.equal(await origin.getByRole('link', { name: "voir l'original" }).getAttribute('href'), original);
    await checkSheet(visitor);
    await assertAccessible(visitor);
    await screenshot(visitor, '06-replique-noeud1');

    // The link leads to the original on node 2.
    await Promise.all([visitor.waitForURL(original), origin.getByRole('link', { name: "voir l'original" }).click()]);
    assert.equal(await visitor.getByRole('heading', { level: 1 }).innerText(), TITLE);
    await visitor.context().close();
  });

  test('the coordination page of node 1 counts the new territory', async () => {
    assert.ok(replica, 'the replica arrived');
    const visitor = await newPage(browser);
    await visit(visitor, `${NODE1}/reseau`);
    const row = visitor.locator('section[aria-labelledby="titre-territoires"] tbody tr', { hasText: 'Ariège' }).first();
    assert.ok(await row.isVisible(), 'Ariège is listed');
    const total = Number(await row.locator('td.num strong').innerText());
    assert.ok(total >= 1, `Ariège's sheets are counted (${total})`);
    await assertAccessible(visitor);
    await screenshot(visitor, '05-reseau');
    await visitor.context().close();
  });

  test('the peers page of node 2 shows node 1 as a follower', async () => {
    await visit(page, `${NODE2}/admin/pairs`);
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Pairs du réseau');
    assert.match(await page.locator('#titre-abonnes').innerText(), /Abonnés \(1\)/);
    const follower = page.locator('section', { has: page.locator('#titre-abonnes') }).locator('tbody tr').first();
    assert.match(await follower.innerText(), new RegExp(new URL(NODE1).host.replace('.', '\\.')));
    assert.ok(await page.getByRole('button', { name: 'Suivre', exact: true }).isVisible(), 'an admin can follow a node');
    await assertAccessible(page);
    await screenshot(page, '08-admin-pairs');
  });
});

/** What the published sheet shows, on the original and on the replica alike. */
async function checkSheet(p) {
  assert.equal(await p.getByRole('heading', { level: 1 }).innerText(), TITLE);
  assert.equal(await p.locator('.item-summary').innerText(), SUMMARY);
  assert.equal(await p.locator('.item-body strong').innerText(), 'déclassés', 'the Markdown is rendered');

  const funding = p.locator('table', { has: p.locator('caption', { hasText: 'Plan de financement' }) });
  const rows = await funding.locator('tbody tr').allInnerTexts();
  assert.equal(rows.length, 2);
  assert.match(rows[0], /Région Occitanie\s+45\s000\s€\s+Subvention publique locale\s+Acquis\s+Pacte alimentaire territorial/);
  assert.match(rows[1], /Fondation Daniel et Nina Carasso\s+12\s500,50\s€\s+Fondation\s+En négociation/);
  assert.match(await funding.locator('tfoot').innerText(), /Total\s+57\s500,50\s€/);
  assert.match(await mainText(p), /Coût total 80\s000\s€/);

  const effects = p.locator('table', { has: p.locator('caption', { hasText: 'Effets utiles' }) });
  const effectRows = await effects.locator('tbody tr').allInnerTexts();
  assert.equal(effectRows.length, 2);
  assert.match(effectRows[0], /Maraîchers du Couserans\s+Un débouché régulier pour les légumes déclassés\s+Direct \(visé\)\s+Observé/);
  assert.match(effectRows[1], /Restaurants scolaires\s+Des légumes locaux prêts à cuisiner\s+Externalité\s+Hypothèse/);

  const aside = p.getByRole('complementary', { name: 'Informations sur la fiche' });
  for (const pillar of PILLARS) assert.ok(await aside.getByText(pillar, { exact: true }).isVisible(), pillar);
  assert.match(await aside.innerText(), /Camille Roux/);
  assert.match(await aside.innerText(), /EPCI/);
}
