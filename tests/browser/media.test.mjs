// Pictures and documents on node 1 (Marseille, `serve --demo`): the cover of a demo item
// on its page and on its card in the catalogue, its documents, and the preview tags a
// chat or social network reads (OpenGraph, Twitter Card, description). JavaScript is off.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DESKTOP, NODE1, PHONE, assertAccessible, horizontalOverflow, launchBrowser, newPage, screenshot, visit } from './helpers.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** Whether the image matched by `locator` was fetched and decoded by the browser. */
async function loaded(locator) {
  return locator.evaluate((img) => img.complete && img.naturalWidth > 0);
}

async function meta(page, attribute, name) {
  return page.locator(`meta[${attribute}="${name}"]`).getAttribute('content');
}

describe('pictures and documents (node 1, demo items)', () => {
  for (const [label, viewport] of [['desktop', DESKTOP], ['phone', PHONE]]) {
    test(`an item shows its cover, its documents and its preview tags (${label})`, async () => {
      const page = await newPage(browser, { viewport });
      await visit(page, `${NODE1}/items/dynamo-ariege`);
      const cover = page.locator('figure.item-cover img');
      assert.equal(await cover.getAttribute('alt'), 'Des champs en bandes colorées au pied de collines, sous un soleil jaune.');
      assert.ok(await loaded(cover), 'the cover is served and decodes');
      const pdf = page.getByRole('link', { name: 'Synthèse DYNAMO' });
      assert.match(await pdf.getAttribute('href'), /^\/media\/[0-9a-f]{64}\/synthese-dynamo\.pdf$/);
      const download = await page.request.get(`${NODE1}${await pdf.getAttribute('href')}`);
      assert.equal(download.headers()['content-type'], 'application/pdf');
      assert.match(download.headers()['content-disposition'], /^attachment/);
      assert.equal(download.headers()['x-content-type-options'], 'nosniff');
      assert.equal(await meta(page, 'property', 'og:type'), 'article');
      assert.equal(await meta(page, 'property', 'og:url'), `${NODE1}/items/dynamo-ariege`);
      assert.match(await meta(page, 'property', 'og:title'), /^DYNAMO/);
      assert.match(await meta(page, 'property', 'og:image'), new RegExp(`^${NODE1}/media/[0-9a-f]{64}$`));
      assert.equal(await meta(page, 'property', 'og:locale'), 'fr_FR');
      assert.ok((await meta(page, 'name', 'description')).length > 20);
      assert.equal(await meta(page, 'name', 'twitter:card'), 'summary_large_image');
      assert.equal(await horizontalOverflow(page), null);
      await assertAccessible(page);
      await screenshot(page, `media-item-${label}`);
    });
  }

  test('catalogue cards show the cover thumbnail of items that have one', async () => {
    const page = await newPage(browser, { viewport: PHONE });
    await visit(page, `${NODE1}/catalogue`);
    const card = page.locator('li.item-card', { hasText: 'DYNAMO' });
    const thumbnail = card.locator('img.card-cover');
    assert.ok(await loaded(thumbnail), 'the thumbnail is served and decodes');
    assert.ok((await thumbnail.evaluate((img) => img.naturalWidth)) <= 480, 'a card loads the thumbnail, not the large picture');
    assert.equal(await horizontalOverflow(page), null);
    await screenshot(page, 'media-catalogue-phone');
  });

  test('a page without its own picture still carries a description and a preview title', async () => {
    const page = await newPage(browser);
    await visit(page, `${NODE1}/catalogue`);
    assert.equal(await meta(page, 'property', 'og:type'), 'website');
    assert.ok((await meta(page, 'property', 'og:title')).length > 0);
    assert.ok((await meta(page, 'name', 'description')).length > 0);
  });
});
