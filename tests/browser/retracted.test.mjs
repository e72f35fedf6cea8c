// A retracted item, as a visitor meets it: an editor of node 2 retracts a published good
// practice through the web form; its page then answers 410 Gone with a notice that says
// when and by which node it was retracted, headed with the node's name, in French and in
// English. JavaScript is off throughout.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { NODE2, assertAccessible, launchBrowser, logIn, mainText, newPage, screenshot, visit } from './helpers.mjs';

const TOKEN = process.env.MAILLAGE_TOKEN;
const SLUG = 'pratique-retiree-navigateur';
const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

let browser;
before(async () => {
  browser = await launchBrowser();
  assert.ok(TOKEN, 'run.sh passes an API token of node 2 in MAILLAGE_TOKEN');
  const item = JSON.parse(fs.readFileSync(new URL('../fixtures/interop_item.json', import.meta.url)));
  const response = await fetch(`${NODE2}/api/v1/items`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ ...item, slug: SLUG, title: 'Une pratique que son territoire a retirée' }),
  });
  assert.equal(response.status, 201, await response.text());
});
after(async () => {
  await browser?.close();
});

describe('a retracted item (node 2)', () => {
  test('retracted through the form, its page answers 410 and says when and by which node', async () => {
    const page = await newPage(browser);
    await visit(page, `${NODE2}/items/${SLUG}`);
    const nodeName = (await page.locator('header a').first().innerText()).trim();

    await logIn(page);
    await visit(page, `${NODE2}/edit/${SLUG}/retract`);
    await Promise.all([page.waitForURL(/\/edit\?/), page.getByRole('button', { name: 'Retirer la fiche' }).click()]);

    await visit(page, `${NODE2}/items/${SLUG}`, { status: 410 });
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Fiche retirée');
    const today = new Date();
    const date = `${today.getDate()} ${MONTHS[today.getMonth()]} ${today.getFullYear()}`;
    const text = await mainText(page);
    assert.match(text, /Erreur 410/);
    assert.ok(text.includes(`retirée le ${date} par le nœud ${nodeName}`), text);
    assert.match(await page.title(), new RegExp(`^Fiche retirée — ${nodeName}$`));
    await assertAccessible(page);
    await screenshot(page, '10-fiche-retiree');

    await visit(page, `${NODE2}/items/${SLUG}?lang=en`, { status: 410 });
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Item withdrawn');
    assert.match(await mainText(page), new RegExp(`withdrawn on .* by the node ${nodeName}`));
    await page.context().close();
  });
});
