// Territories as places (node 1, `serve --demo`, every demo item coded): the map of
// France on the home page, in the catalogue (following its filters), the locator of an
// item, the coordination view with its région filter; and the editor's place picker on
// node 2, without JavaScript (search, then tick) and with it (suggestions while typing).

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DESKTOP, NODE1, NODE2, PHONE, assertAccessible, horizontalOverflow, launchBrowser, logIn, newPage, screenshot, visit } from './helpers.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** The shade class of département `code` on the first map of the page. */
async function shade(page, code) {
  return page.locator(`figure.france-map path[data-departement="${code}"]`).first().getAttribute('class');
}

describe('the map of France (node 1, demo items)', () => {
  for (const [label, viewport] of [['desktop', DESKTOP], ['phone', PHONE]]) {
    test(`the home page maps the items by département and links each to the catalogue (${label})`, async () => {
      const page = await newPage(browser, { viewport });
      await visit(page, `${NODE1}/`);
      const map = page.locator('figure.france-map').first();
      assert.equal(await map.locator('path[data-departement]').count(), 101, 'every département, DROM included');
      assert.notEqual(await shade(page, '13'), 'shade-0', 'Marseille\'s items shade the Bouches-du-Rhône');
      assert.equal(await shade(page, '29'), 'shade-0', 'nothing in the Finistère');
      assert.ok((await map.locator('circle.marker').count()) > 0, 'items with a point are marked');
      assert.ok((await page.locator('.map-legend li').count()) >= 2, 'a legend');
      assert.equal(await horizontalOverflow(page), null);
      await assertAccessible(page);
      await screenshot(page, `places-home-${label}`);
      // Each département is a link, reached with the keyboard as with a pointer.
      await map.locator('a:has(path[data-departement="13"])').focus();
      await Promise.all([page.waitForURL(/place=departement%3A13/), page.keyboard.press('Enter')]);
      assert.match(await page.locator('.active-filters').innerText(), /Lieu : Bouches-du-Rhône \(13\)/);
      assert.ok((await page.locator('li.item-card').count()) > 0, 'the département\'s items are listed');
    });

    test(`the catalogue's map follows a région filter (${label})`, async () => {
      const page = await newPage(browser, { viewport });
      await visit(page, `${NODE1}/catalogue?place=region:76`);
      assert.match(await page.locator('.active-filters').innerText(), /Lieu : Occitanie/);
      assert.notEqual(await shade(page, '09'), 'shade-0', 'the Ariège holds DYNAMO');
      assert.equal(await shade(page, '13'), 'shade-0', 'Marseille is not in Occitanie');
      const titles = await page.locator('li.item-card h3').allInnerTexts();
      assert.ok(titles.some((t) => t.startsWith('DYNAMO')), `DYNAMO is found from its région: ${titles}`);
      assert.ok(!titles.some((t) => /Marseille/.test(t)), `nothing from Marseille: ${titles}`);
      assert.equal(await horizontalOverflow(page), null);
      await assertAccessible(page);
      await screenshot(page, `places-catalogue-occitanie-${label}`);
    });

    test(`an item shows where it lies on a small map (${label})`, async () => {
      const page = await newPage(browser, { viewport });
      await visit(page, `${NODE1}/items/dynamo-ariege`);
      const locator = page.locator('figure.france-map.compact');
      assert.equal(await locator.locator('path[data-departement="09"]').getAttribute('class'), 'shade-5');
      assert.equal(await locator.locator('circle.marker').count(), 1, 'its point');
      const places = await page.locator('ul.places').innerText();
      assert.match(places, /Ariège \(09\)/);
      assert.match(places, /Occitanie/);
      assert.equal(await horizontalOverflow(page), null);
      await screenshot(page, `places-item-locator-${label}`);
    });

    test(`the coordination view filters the whole part on a région (${label})`, async () => {
      const page = await newPage(browser, { viewport });
      await visit(page, `${NODE1}/reseau`);
      assert.match(await page.locator('#coordination [role=status]').innerText(), /Toute la France : 11 fiches publiques/);
      await screenshot(page, `places-coordination-${label}`);
      await page.getByLabel('Région', { exact: true }).selectOption({ label: "Provence-Alpes-Côte d'Azur" });
      await Promise.all([page.waitForURL(/region=region%3A93/), page.getByRole('button', { name: 'Afficher' }).click()]);
      assert.match(await page.locator('#coordination [role=status]').innerText(), /Provence-Alpes-Côte d'Azur : \d+ fiches publiques/);
      assert.equal(await shade(page, '09'), 'shade-0', 'the Ariège is outside the région');
      assert.notEqual(await shade(page, '13'), 'shade-0');
      const csv = await page.request.get(`${NODE1}/reseau/export/departements.csv?region=region:93`);
      assert.match(await csv.text(), /\n13,Bouches-du-Rhône,[1-9]/);
      assert.equal(await horizontalOverflow(page), null);
      await assertAccessible(page);
      await screenshot(page, `places-coordination-paca-${label}`);
    });
  }
});

describe('the place picker (node 2, editor)', () => {
  test('without JavaScript: search, tick a place, search again and keep it', async () => {
    const page = await newPage(browser, { viewport: PHONE });
    await logIn(page);
    await visit(page, `${NODE2}/edit/new?kind=good_practice`);
    const picker = page.locator('fieldset.places');
    await picker.getByLabel(/Chercher une commune/).fill('foix');
    await picker.getByRole('button', { name: 'Chercher' }).click();
    const foix = picker.getByLabel(/Foix \(09\) — Commune/);
    assert.equal(await foix.isChecked(), false, 'found, not yet chosen');
    await foix.check();
    await picker.getByLabel(/Chercher une commune/).fill('occitanie');
    await picker.getByRole('button', { name: 'Chercher' }).click();
    assert.equal(await picker.getByLabel(/Foix \(09\) — Commune/).isChecked(), true, 'the ticked place stays');
    assert.equal(await picker.getByLabel(/Occitanie — Région/).isChecked(), false);
    assert.equal(await horizontalOverflow(page), null);
    await screenshot(page, 'places-picker-without-javascript-phone');
  });

  test('with JavaScript: suggestions while typing, Enter picks one', async () => {
    const context = await browser.newContext({ javaScriptEnabled: true, viewport: DESKTOP, locale: 'fr-FR' });
    const page = await context.newPage();
    await logIn(page);
    await visit(page, `${NODE2}/edit/new?kind=good_practice`);
    const search = page.locator('[data-place-search]');
    await search.fill('st giro');
    const first = page.locator('.place-suggestions [role=option]').first();
    await first.waitFor();
    assert.match(await first.innerText(), /^Saint-Girons \(09\) — Commune/);
    await search.press('Enter');
    const chosen = page.locator('fieldset.places input[type=checkbox][value="commune:09261"]');
    assert.equal(await chosen.isChecked(), true, 'the suggestion became a ticked place');
    assert.equal(new URL(page.url()).pathname, '/edit/new', 'Enter did not send the form');
    await screenshot(page, 'places-picker-with-javascript-desktop', { fullPage: false });
    await context.close();
  });
});
