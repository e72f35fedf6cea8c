// Shared helpers of the browser tests: where the two nodes are, how Chromium is started,
// screenshots, signing in, and the page checks (accessibility, phone width) that every
// test file applies to the pages it visits.
//
// The nodes are started by run.sh, which passes their addresses in the environment:
//   MAILLAGE_NODE1_URL  Marseille, `serve --demo`, follows node 2 (default http://127.0.0.1:8511)
//   MAILLAGE_NODE2_URL  Ariège, empty, has the admin editor (default http://127.0.0.1:8512)
//   MAILLAGE_EDITOR / MAILLAGE_PASSWORD   the editor on node 2
//   SCREENSHOT_DIR      where screenshots go (default target/screenshots)
//   CHROMIUM            the browser (default /usr/bin/chromium)

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));

export const NODE1 = (process.env.MAILLAGE_NODE1_URL || 'http://127.0.0.1:8511').replace(/\/$/, '');
export const NODE2 = (process.env.MAILLAGE_NODE2_URL || 'http://127.0.0.1:8512').replace(/\/$/, '');
export const EDITOR = process.env.MAILLAGE_EDITOR || 'camille';
export const PASSWORD = process.env.MAILLAGE_PASSWORD || 'motdepasse-tres-long';
export const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR || path.resolve(here, '../../target/screenshots');

/** A phone in portrait (the width the issue asks for). */
export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 900 };

/** A headless Debian Chromium: no downloads, no background traffic, a fresh profile
 * (Playwright gives every launch its own new temporary user-data-dir). */
export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    // The browser's own words (date fields: jj/mm/aaaa) in French, with chromium-l10n.
    env: { ...process.env, LANGUAGE: 'fr' },
    args: [
      '--headless',
      '--lang=fr-FR',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A new page in its own context (own cookies), with JavaScript disabled: the UI must
 * work without it, so every test runs that way. */
export async function newPage(browser, { viewport = DESKTOP } = {}) {
  const context = await browser.newContext({
    javaScriptEnabled: false,
    viewport,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
  });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(20_000);
  return context.newPage();
}

/** Goes to a URL and insists on the expected HTTP status (200 by default). */
export async function visit(page, url, { status = 200 } = {}) {
  const response = await page.goto(url, { waitUntil: 'load' });
  assert.ok(response, `no response for ${url}`);
  assert.equal(response.status(), status, `${url} answered ${response.status()}`);
  return response;
}

/** A PNG in SCREENSHOT_DIR, of the whole page unless `fullPage` is false; returns its path. */
export async function screenshot(page, name, { fullPage = true } = {}) {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  return file;
}

/** Signs in through the login form, as a person would, and lands on the editors' area. */
export async function logIn(page, base = NODE2) {
  await visit(page, `${base}/login`);
  await page.getByLabel('Identifiant').fill(EDITOR);
  await page.getByLabel('Mot de passe').fill(PASSWORD);
  await Promise.all([page.waitForURL(`${base}/edit`), page.getByRole('button', { name: 'Se connecter' }).click()]);
  assert.match(await page.locator('header').innerText(), new RegExp(`Connecté·e : ${EDITOR}`));
}

/**
 * Accessibility checks that can fail, run in the page: the language, one h1, a label for
 * every form control (for/id or wrapping), names for buttons and links, alt on images,
 * unique ids, and the text contrast of WCAG AA (4.5:1, or 3:1 for large text).
 * Returns the list of problems (empty when the page passes).
 */
export async function accessibilityProblems(page, lang = 'fr') {
  return page.evaluate((lang) => {
    const problems = [];
    const describe = (el) => {
      const id = el.id ? `#${el.id}` : '';
      const name = el.getAttribute('name') ? `[name="${el.getAttribute('name')}"]` : '';
      return `<${el.tagName.toLowerCase()}${id}${name}>`;
    };
    const text = (el) => (el.textContent || '').replace(/\s+/g, ' ').trim();

    if (document.documentElement.getAttribute('lang') !== lang) {
      problems.push(`html lang is "${document.documentElement.getAttribute('lang')}", not "${lang}"`);
    }
    if (!document.title.trim()) problems.push('the page has no <title>');
    const h1s = document.querySelectorAll('h1');
    if (h1s.length !== 1) problems.push(`${h1s.length} h1 elements (${[...h1s].map(text).join(' | ')})`);
    if (!document.querySelector('main')) problems.push('no <main> landmark');

    const controls = document.querySelectorAll('input, select, textarea');
    for (const el of controls) {
      const type = (el.getAttribute('type') || '').toLowerCase();
      if (['hidden', 'submit', 'button', 'reset', 'image'].includes(type)) continue;
      const labels = [...(el.labels || [])].filter((l) => text(l) !== '');
      if (labels.length === 0) problems.push(`form control ${describe(el)} has no label`);
    }
    for (const label of document.querySelectorAll('label[for]')) {
      const target = document.getElementById(label.htmlFor);
      if (!target) problems.push(`label "${text(label)}" points to a missing id "${label.htmlFor}"`);
    }
    for (const b of document.querySelectorAll('button, input[type=submit]')) {
      const name = b.tagName === 'INPUT' ? b.value : text(b) || b.getAttribute('aria-label');
      if (!name) problems.push(`button ${describe(b)} has no name`);
    }
    for (const a of document.querySelectorAll('a[href]')) {
      if (!text(a) && !a.getAttribute('aria-label') && !a.querySelector('img[alt]:not([alt=""])')) {
        problems.push(`link to ${a.getAttribute('href')} has no text`);
      }
    }
    for (const img of document.querySelectorAll('img')) {
      if (!img.hasAttribute('alt')) problems.push(`image ${img.getAttribute('src')} has no alt`);
    }
    for (const svg of document.querySelectorAll('svg')) {
      if (svg.closest('svg') !== svg) continue;
      const hidden = svg.getAttribute('aria-hidden') === 'true';
      const named = svg.getAttribute('aria-label') || svg.getAttribute('aria-labelledby') || svg.querySelector(':scope > title');
      if (!hidden && !named) problems.push('an <svg> has neither a name nor aria-hidden');
    }
    const seen = new Map();
    for (const el of document.querySelectorAll('[id]')) seen.set(el.id, (seen.get(el.id) || 0) + 1);
    for (const [id, n] of seen) if (n > 1) problems.push(`id "${id}" is used ${n} times`);

    // Contrast of visible text against the first opaque background behind it.
    const parse = (c) => {
      const m = c.match(/rgba?\(([^)]+)\)/);
      if (!m) return null;
      const [r, g, b, a = 1] = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
      return { r, g, b, a };
    };
    const luminance = ({ r, g, b }) => {
      const ch = (v) => {
        v /= 255;
        return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(b);
    };
    const blend = (fg, bg) => ({
      r: fg.r * fg.a + bg.r * (1 - fg.a),
      g: fg.g * fg.a + bg.g * (1 - fg.a),
      b: fg.b * fg.a + bg.b * (1 - fg.a),
      a: 1,
    });
    const background = (el) => {
      const layers = [];
      for (let e = el; e; e = e.parentElement) {
        const bg = parse(getComputedStyle(e).backgroundColor);
        if (bg && bg.a > 0) {
          layers.push(bg);
          if (bg.a >= 1) break;
        }
      }
      let colour = { r: 255, g: 255, b: 255, a: 1 };
      for (const layer of layers.reverse()) colour = blend(layer, colour);
      return colour;
    };
    const reported = new Set();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent.trim()) continue;
      const el = node.parentElement;
      if (!el || el.closest('svg, .visually-hidden, .skip, [aria-hidden="true"]')) continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'none') continue;
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      const fg = parse(style.color);
      if (!fg) continue;
      const bg = background(el);
      const l1 = luminance(blend(fg, bg));
      const l2 = luminance(bg);
      const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
      const size = parseFloat(style.fontSize);
      const bold = Number(style.fontWeight) >= 700;
      const large = size >= 24 || (bold && size >= 18.66);
      const needed = large ? 3 : 4.5;
      if (ratio < needed) {
        const key = `${style.color} on ${JSON.stringify(bg)} ${size}`;
        if (reported.has(key)) continue;
        reported.add(key);
        problems.push(
          `contrast ${ratio.toFixed(2)}:1 < ${needed}:1 for "${node.textContent.trim().slice(0, 40)}" (${style.color}, ${size}px) in ${describe(el)}`,
        );
      }
    }
    return problems;
  }, lang);
}

export async function assertAccessible(page, lang = 'fr') {
  const problems = await accessibilityProblems(page, lang);
  if (problems.length > 0) {
    throw new assert.AssertionError({ message: `accessibility problems on ${page.url()}:\n  ${problems.join('\n  ')}` });
  }
}

/** Horizontal overflow at the current viewport: the elements that stick out, if any. */
export async function horizontalOverflow(page) {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const scrollWidth = document.scrollingElement.scrollWidth;
    if (scrollWidth <= width) return null;
    const culprits = [];
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.right > width + 1 && r.width > 0) {
        const parentRight = el.parentElement ? el.parentElement.getBoundingClientRect().right : 0;
        if (parentRight <= width + 1) {
          culprits.push(`<${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).split(' ').join('.') : ''}> right=${Math.round(r.right)}`);
        }
      }
      if (culprits.length >= 5) break;
    }
    return { scrollWidth, width, culprits };
  });
}

export async function assertNoHorizontalScroll(page) {
  const o = await horizontalOverflow(page);
  if (o) {
    throw new assert.AssertionError({
      message: `horizontal scroll on ${page.url()}: scrollWidth ${o.scrollWidth} > ${o.width}; sticking out: ${o.culprits.join(', ')}`,
    });
  }
}

/** Presses Tab until `locator` has the focus; fails after `max` presses. Returns the count. */
export async function tabUntilFocused(page, locator, max = 80) {
  const target = await locator.elementHandle();
  assert.ok(target, 'the element to reach with Tab is not on the page');
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return i;
  }
  assert.fail(`Tab did not reach the element in ${max} presses on ${page.url()}`);
}

/** Waits until `check` returns a truthy value, retrying every `every` ms. */
export async function eventually(check, { timeout = 30_000, every = 500, what = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}${last ? `: ${last.message}` : ''}`);
    await new Promise((r) => setTimeout(r, every));
  }
}

/** The visible text of the page's main content, spaces collapsed. */
export async function mainText(page) {
  return (await page.locator('main').innerText()).replace(/\s+/g, ' ');
}
