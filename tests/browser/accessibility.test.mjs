// Accessibility, keyboard use and phone width, on the public pages of node 1 and the
// editors' pages of node 2. Every check here can fail: see helpers.mjs for what
// accessibilityProblems() looks at (lang, one h1, labels, names, alt, ids, contrast).

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  NODE1,
  NODE2,
  PHONE,
  assertAccessible,
  assertNoHorizontalScroll,
  launchBrowser,
  logIn,
  newPage,
  screenshot,
  tabUntilFocused,
  visit,
} from './helpers.mjs';

let browser;
let items; // one local item of each kind on node 1: { project_sheet, good_practice, experience }

before(async () => {
  browser = await launchBrowser();
  const page = await newPage(browser);
  items = {};
  for (const kind of ['project_sheet', 'good_practice', 'experience']) {
    const list = await (await page.request.get(`${NODE1}/api/v1/items?kind=${kind}&local=true&per_page=1`)).json();
    assert.ok(list.items.length > 0, `the demo node has a ${kind}`);
    items[kind] = list.items[0].slug;
  }
  await page.context().close();
});
after(async () => {
  await browser?.close();
});

const publicPages = () => [
  ['accueil', '/'],
  ['catalogue', '/catalogue'],
  ['recherche', '/catalogue?q=compost'],
  ['facette', '/catalogue?kind=experience&pillar=consommation_responsable'],
  ['fiche projet', `/items/${items.project_sheet}`],
  ['bonne pratique', `/items/${items.good_practice}`],
  ["retour d'expérience", `/items/${items.experience}`],
  ['révisions', `/items/${items.project_sheet}/revisions`],
  ['réseau', '/reseau'],
  ['vocabulaires', '/vocabularies'],
  ['un vocabulaire', '/vocabularies/pillar'],
  ['connexion', '/login'],
  ['documentation API', '/api/docs'],
];

describe('accessibility of the public pages (node 1)', () => {
  test('each page: lang="fr", one h1, labelled inputs, named buttons and links, alt, contrast', async () => {
    const page = await newPage(browser);
    const failures = [];
    for (const [name, path] of publicPages()) {
      await visit(page, `${NODE1}${path}`);
      try {
        await assertAccessible(page);
      } catch (e) {
        failures.push(`${name} (${path}): ${e.message}`);
      }
    }
    assert.deepEqual(failures, []);
    await page.context().close();
  });

  test('the skip link is the first Tab stop and moves to the content', async () => {
    const page = await newPage(browser);
    await visit(page, `${NODE1}/catalogue`);
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => [document.activeElement.textContent.trim(), document.activeElement.getAttribute('href')]);
    assert.deepEqual(first, ['Aller au contenu', '#contenu']);
    assert.ok(await page.locator('a.skip').isVisible(), 'the skip link shows when focused');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'contenu');
    await page.context().close();
  });

  test('keyboard: Tab reaches the search field and its button on the home page, Enter searches', async () => {
    const page = await newPage(browser);
    await visit(page, `${NODE1}/`);
    const field = page.getByRole('searchbox', { name: 'Rechercher une fiche' });
    await tabUntilFocused(page, field, 20);
    await page.keyboard.type('compost');
    await tabUntilFocused(page, page.getByRole('search').getByRole('button', { name: 'Rechercher' }), 3);
    await Promise.all([page.waitForURL(/\/catalogue\?q=compost/), page.keyboard.press('Enter')]);
    assert.match(await page.locator('#resultats').innerText(), /résultat/);
    // Focus is visible: the focused element gets an outline or a box shadow.
    await visit(page, `${NODE1}/`);
    await tabUntilFocused(page, field, 20);
    const ring = await field.evaluate((el) => {
      const s = getComputedStyle(el);
      return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
    });
    assert.ok(ring, 'the focused search field shows a focus indicator');
    await page.context().close();
  });

  test('keyboard: Tab reaches the catalogue search field and its submit button', async () => {
    const page = await newPage(browser);
    await visit(page, `${NODE1}/catalogue`);
    await tabUntilFocused(page, page.getByRole('searchbox', { name: 'Rechercher' }), 20);
    // Then the two date fields (a few stops each: day, month, year) and the button.
    await tabUntilFocused(page, page.getByRole('search').getByRole('button', { name: 'Rechercher' }), 15);
    await page.context().close();
  });

  test('keyboard: the login form can be filled and sent with the keyboard alone', async () => {
    const page = await newPage(browser);
    await visit(page, `${NODE2}/login`);
    await tabUntilFocused(page, page.getByLabel('Identifiant'), 20);
    await page.keyboard.type(process.env.MAILLAGE_EDITOR || 'camille');
    await page.keyboard.press('Tab');
    await page.keyboard.type(process.env.MAILLAGE_PASSWORD || 'motdepasse-tres-long');
    await tabUntilFocused(page, page.getByRole('button', { name: 'Se connecter' }), 2);
    await Promise.all([page.waitForURL(`${NODE2}/edit`), page.keyboard.press('Enter')]);
    await page.context().close();
  });
});

describe('accessibility of the editors pages (node 2)', () => {
  test('dashboard, the three forms, the kind chooser and the peers page', async () => {
    const page = await newPage(browser);
    await logIn(page);
    const failures = [];
    for (const path of ['/edit', '/edit/new', '/edit/new?kind=project_sheet', '/edit/new?kind=good_practice', '/edit/new?kind=experience', '/admin/pairs']) {
      await visit(page, `${NODE2}${path}`);
      try {
        await assertAccessible(page);
      } catch (e) {
        failures.push(`${path}: ${e.message}`);
      }
    }
    assert.deepEqual(failures, []);
    await page.context().close();
  });

  test('keyboard: Tab reaches the "Enregistrer" button of the project-sheet form', async () => {
    const page = await newPage(browser);
    await logIn(page);
    await visit(page, `${NODE2}/edit/new?kind=project_sheet`);
    await tabUntilFocused(page, page.getByLabel(/^Titre/).first(), 30);
    assert.equal(await page.evaluate(() => document.activeElement.name), 'title');
    const presses = await tabUntilFocused(page, page.getByRole('button', { name: 'Enregistrer' }), 400);
    assert.ok(presses > 10);
    await page.context().close();
  });
});

describe('phone width (390 px)', () => {
  test('no horizontal scroll on home, catalogue and item pages', async () => {
    const page = await newPage(browser, { viewport: PHONE });
    const failures = [];
    for (const [name, path] of publicPages()) {
      await visit(page, `${NODE1}${path}`);
      try {
        await assertNoHorizontalScroll(page);
      } catch (e) {
        failures.push(`${name}: ${e.message}`);
      }
    }
    assert.deepEqual(failures, []);
    await visit(page, `${NODE1}/catalogue`);
    await screenshot(page, '07-catalogue-telephone', { fullPage: false }); // the first screen
    await page.context().close();
  });

  test('no horizontal scroll on the editors pages either', async () => {
    const page = await newPage(browser, { viewport: PHONE });
    await logIn(page);
    const failures = [];
    for (const path of ['/edit', '/edit/new?kind=project_sheet', '/admin/pairs']) {
      await visit(page, `${NODE2}${path}`);
      try {
        await assertNoHorizontalScroll(page);
      } catch (e) {
        failures.push(`${path}: ${e.message}`);
      }
    }
    assert.deepEqual(failures, []);
    await page.context().close();
  });

  test('the navigation and the search stay usable on a phone', async () => {
    const page = await newPage(browser, { viewport: PHONE });
    await visit(page, `${NODE1}/`);
    for (const label of ['Accueil', 'Catalogue', 'Le réseau', 'Espace éditeur']) {
      const link = page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: label });
      assert.ok(await link.isVisible(), `${label} is visible`);
      const box = await link.boundingBox();
      assert.ok(box.x >= 0 && box.x + box.width <= PHONE.width, `${label} fits in the screen`);
    }
    const field = page.getByRole('searchbox', { name: 'Rechercher une fiche' });
    const box = await field.boundingBox();
    assert.ok(box.width >= 200, `the search field is wide enough to type in (${box.width}px)`);
    await page.context().close();
  });
});

describe('without JavaScript', () => {
  test('the whole suite really runs with JavaScript disabled', async () => {
    // Every page of every test comes from newPage(), which turns JavaScript off; check
    // that it is off, so that passing tests prove the UI works without it.
    const page = await newPage(browser);
    await page.setContent('<p id="x">sans</p><script>document.getElementById("x").textContent = "avec"</script>');
    assert.equal(await page.locator('#x').innerText(), 'sans');
    await page.context().close();
  });
});
