// Browser end-to-end tests of the casus web app (issue 10): Debian's
// headless Chromium driven by playwright-core, against the real
// `casus serve` started on a free loopback port.
//
// Environment:
//   CASUS_BIN        the casus binary (required unless CASUS_E2E_URL is set)
//   CASUS_E2E_URL    test an already running server instead (development)
//   CASUS_E2E_OUT    where screenshots and metrics.json go (default: ./artifacts)
//   CHROMIUM         the browser (default /usr/bin/chromium)
//
// Run: `node --test app.test.mjs` (the Rust test crates/casus-web/tests/browser.rs does this).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const OUT = path.resolve(process.env.CASUS_E2E_OUT || 'artifacts');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
// Without the networking flags Chromium keeps calling home, which floods a closed network.
const FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };
const TIMEOUT = 30_000;

let server = null;
let base = process.env.CASUS_E2E_URL || '';
let context = null;
let profile = null;
const metrics = {};

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url, child) {
  const deadline = Date.now() + TIMEOUT;
  let last = '';
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`casus serve exited with ${child.exitCode}: ${last}`);
    try {
      const r = await fetch(`${url}/healthz`);
      if (r.ok) return;
      last = `healthz ${r.status}`;
    } catch (e) {
      last = e.message;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`casus serve did not answer /healthz within ${TIMEOUT} ms (${last})`);
}

before(async () => {
  fs.mkdirSync(OUT, { recursive: true });
  if (!base) {
    const bin = process.env.CASUS_BIN;
    assert.ok(bin && fs.existsSync(bin), `CASUS_BIN must name the casus binary (got ${bin})`);
    const port = await freePort();
    const addr = `127.0.0.1:${port}`;
    server = spawn(bin, ['serve', '--addr', addr], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    server.stderr.on('data', (d) => { stderr = (stderr + d).slice(-4000); });
    base = `http://${addr}`;
    await waitForHealth(base, server).catch((e) => { throw new Error(`${e.message}\n${stderr}`); });
  }
  profile = fs.mkdtempSync(path.join(os.tmpdir(), 'casus-e2e-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: DESKTOP,
  });
});

after(async () => {
  await context?.close();
  if (server) {
    server.kill('SIGTERM');
    await new Promise((r) => (server.exitCode !== null ? r() : server.once('exit', r)));
  }
  if (profile) fs.rmSync(profile, { recursive: true, force: true });
  fs.writeFileSync(path.join(OUT, 'metrics.json'), `${JSON.stringify(metrics, null, 2)}\n`);
});

async function newPage(viewport = DESKTOP) {
  const page = await context.newPage();
  await page.setViewportSize(viewport);
  page.setDefaultTimeout(TIMEOUT);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.errors = errors;
  return page;
}

async function ready(page) {
  await page.waitForSelector('html[data-ready="1"]');
}

/** Type into a type-ahead and click the suggestion whose text starts with `pick`. */
async function typeAndPick(page, selector, text, pick) {
  await page.fill(selector, '');
  await page.type(selector, text, { delay: 20 });
  const listId = await page.getAttribute(selector, 'aria-controls');
  const option = page.locator(`#${listId} li`).filter({ hasText: pick }).first();
  await option.waitFor();
  await option.click();
}

function verdictRow(page, treaty, article) {
  return page.locator(`#why-table tr[data-treaty="${treaty}"][data-article="${article}"]`);
}

async function judge(page) {
  await page.click('#why-form button[type=submit]');
  await page.waitForSelector('#why-answer:not([hidden])');
  await page.waitForFunction(() => !document.querySelector('#why-form button[type=submit]').disabled);
}

test('the home page loads fast and small, with the map', async () => {
  const page = await newPage();
  let transferred = 0;
  const files = {};
  page.on('requestfinished', async (request) => {
    if (request.url().includes('/api/')) return;
    const sizes = await request.sizes();
    const bytes = sizes.responseBodySize + sizes.responseHeadersSize;
    transferred += bytes;
    files[new URL(request.url()).pathname] = bytes;
  });
  const started = Date.now();
  await page.goto(`${base}/`);
  await ready(page);
  const renderMs = await page.evaluate(() => {
    const fcp = performance.getEntriesByName('first-contentful-paint')[0];
    return fcp ? fcp.startTime : performance.now();
  });
  metrics.first_contentful_paint_ms = Math.round(renderMs);
  // From navigation start to the map drawn and the view ready (in the page's clock).
  metrics.map_drawn_ms = Math.round(await page.evaluate(() => window.casusReadyMs));
  metrics.goto_to_ready_ms = Date.now() - started;
  await page.waitForLoadState('networkidle');
  metrics.home_transferred_bytes = transferred;
  metrics.home_files = files;
  assert.ok(await page.locator('#map svg path.c').count() > 150, 'the map draws the countries');
  assert.match(await page.textContent('footer'), /OpenStreetMap contributors/);
  assert.match(await page.textContent('footer'), /ODbL/);
  assert.ok(transferred < 300 * 1024, `home page transferred ${transferred} bytes, over 300 KB`);
  // Not a timing assertion (machines differ): the figures go to metrics.json.
  console.log(`first contentful paint ${metrics.first_contentful_paint_ms} ms, map drawn ${metrics.map_drawn_ms} ms, ${transferred} bytes`);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('founding case by typing and clicking: CSTO Art. 4 not triggered, Peskov in the proof; Jermuk 2022 triggered', async () => {
  const page = await newPage();
  await page.goto(`${base}/`);
  await ready(page);
  await typeAndPick(page, '#why-attacker', 'Azerb', 'Azerbaijan');
  await typeAndPick(page, '#why-defender', 'Armen', 'Armenia');
  await typeAndPick(page, '#why-at', 'Stepanak', 'Stepanakert');
  // The picked place is shown on the map before judging.
  assert.match(await page.textContent('#map-place'), /Stepanakert/);
  await page.fill('#why-on', '2020-10-07');
  await page.dispatchEvent('#why-on', 'change');
  await judge(page);

  const csto4 = verdictRow(page, 'csto', '4');
  await csto4.first().waitFor();
  assert.equal(await csto4.count(), 1);
  assert.equal(await csto4.getAttribute('data-verdict'), 'not_triggered');
  assert.match(await csto4.textContent(), /not triggered/);
  // The URL reproduces the scenario.
  assert.match(page.url(), /#\/why\?.*at=Stepanakert.*on=2020-10-07/);
  // Nagorno-Karabakh is hatched: de jure Azerbaijan, de facto not.
  assert.equal(await page.locator('#map path.t.hatched').count(), 1);

  // Open the proof of that row: Peskov's claim is cited.
  const proof = csto4.locator('xpath=following-sibling::tr[1]').locator('details > summary').first();
  await proof.click();
  const body = csto4.locator('xpath=following-sibling::tr[1]');
  const claim = body.locator('.claim', { hasText: 'Peskov' }).first();
  await claim.waitFor();
  assert.match(await claim.textContent(), /Dmitry Peskov/);
  await page.screenshot({ path: path.join(OUT, 'founding-case-desktop.png'), fullPage: true });

  // Jermuk on 2022-09-13: Armenia proper, CSTO Art. 4 triggered.
  await typeAndPick(page, '#why-at', 'Jermu', 'Jermuk');
  await page.fill('#why-on', '2022-09-13');
  await page.dispatchEvent('#why-on', 'change');
  await judge(page);
  await page.waitForFunction(() => /Jermuk/.test(document.querySelector('#why-summary').textContent));
  const jermuk = verdictRow(page, 'csto', '4');
  assert.equal(await jermuk.getAttribute('data-verdict'), 'triggered');
  assert.match(await jermuk.textContent(), /triggered/);
  assert.ok(await page.locator('#map path.c.triggered').count() > 0, 'the obligated states are coloured');
  await page.screenshot({ path: path.join(OUT, 'jermuk-desktop.png') });

  // The key date "Armenia freezes CSTO" on the time slider judges again: contested.
  await page.getByRole('button', { name: 'Armenia freezes CSTO' }).click();
  await page.waitForFunction(() => /2024-02-22/.test(document.querySelector('#why-summary').textContent));
  assert.equal(await verdictRow(page, 'csto', '4').getAttribute('data-verdict'), 'contested');
  assert.match(page.url(), /on=2024-02-22/);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a click on the map resolves the place through the API', async () => {
  const page = await newPage();
  await page.goto(`${base}/#/why`);
  await ready(page);
  // Screen position of 46.6 N, 2.5 E (central France) through the SVG's own transform.
  const point = await page.evaluate(() => {
    const svg = document.querySelector('#map svg');
    const p = svg.createSVGPoint();
    p.x = 2.5 * 100;
    p.y = -46.6 * 100;
    const s = p.matrixTransform(svg.getScreenCTM());
    return { x: s.x, y: s.y };
  });
  await page.mouse.click(point.x, point.y);
  await page.waitForFunction(() => /Place resolved/.test(document.querySelector('#map-place').textContent));
  const text = await page.textContent('#map-place');
  assert.match(text, /France/);
  const coords = await page.inputValue('#why-at');
  const [lat, lon] = coords.split(',').map(Number);
  assert.ok(Math.abs(lat - 46.6) < 0.5 && Math.abs(lon - 2.5) < 0.5, `click inverted to ${coords}`);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('alliance slider: Finland joins NATO on 2023-04-04', async () => {
  const page = await newPage();
  await page.goto(`${base}/#/alliance?treaty=nato&on=2023-04-03`);
  await ready(page);
  await page.waitForFunction(() => /2023-04-03/.test(document.querySelector('#alliance-title').textContent));
  assert.equal(await page.locator('#alliance-members li[data-id="FIN"]').count(), 0, 'not yet a member on 2023-04-03');
  await page.focus('#alliance-slider');
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => /2023-04-04/.test(document.querySelector('#alliance-title').textContent));
  assert.equal(await page.locator('#alliance-members li[data-id="FIN"]').count(), 1, 'a member on 2023-04-04');
  assert.match(await page.textContent('#alliance-title'), /Finland joined on this day/);
  assert.match(await page.textContent('#alliance-changes'), /2023-04-04: Finland joined/);
  assert.match(page.url(), /on=2023-04-04/);
  await page.screenshot({ path: path.join(OUT, 'alliance-desktop.png') });
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('escalation: rounds on the map and as a graph, Monte Carlo when asked', async () => {
  const page = await newPage();
  await page.goto(`${base}/#/escalate?attacker=TUR&at=Yerevan&on=2020-10-07&runs=200`);
  await ready(page);
  await page.waitForSelector('#esc-answer:not([hidden])');
  // Round 1: the CSTO states join Armenia's side.
  const round1 = page.locator('#esc-rounds > li').nth(1);
  assert.match(await round1.textContent(), /Round 1:.*Russia/s);
  assert.ok(await page.locator('#esc-graph svg .node').count() > 2, 'the cascade is drawn as a graph');
  assert.ok(await page.locator('#map path.c.side-defenders').count() > 0, 'the sides are coloured');
  // The round slider shows the sides as they stood after round 0.
  await page.fill('#esc-round', '0');
  await page.dispatchEvent('#esc-round', 'input');
  assert.equal(await page.locator('#map path.c.side-defenders[data-id="RUS"]').count(), 0);
  assert.equal(await page.locator('#esc-mc').isHidden(), false, 'Monte Carlo table shown with runs');
  assert.ok(await page.locator('#esc-mc tbody tr').count() > 0);
  await page.screenshot({ path: path.join(OUT, 'escalation-desktop.png') });
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('phone-sized screen: the answer and the map fit', async () => {
  const page = await newPage(PHONE);
  await page.goto(`${base}/#/why?attacker=AZE&defender=ARM&at=Stepanakert&on=2020-10-07`);
  await ready(page);
  await page.waitForSelector('#why-answer:not([hidden])');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `page wider than the screen by ${overflow}px`);
  await page.screenshot({ path: path.join(OUT, 'founding-case-phone.png'), fullPage: true });
  await page.goto(`${base}/#/alliance?treaty=csto&on=2024-06-01`);
  await page.waitForFunction(() => /2024-06-01/.test(document.querySelector('#alliance-title').textContent));
  assert.match(await page.textContent('#alliance-members'), /Armenia — frozen/);
  await page.screenshot({ path: path.join(OUT, 'alliance-csto-phone.png'), fullPage: true });
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('keyboard: the type-ahead works without a mouse and focus is visible', async () => {
  const page = await newPage();
  await page.goto(`${base}/#/why`);
  await ready(page);
  await page.focus('#why-attacker');
  await page.keyboard.type('Azerb', { delay: 20 });
  await page.waitForSelector('#why-attacker[aria-expanded="true"]');
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('#why-attackers .chip').count(), 1);
  await page.keyboard.press('Tab');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, 'none', 'the focused control shows a focus ring');
  // Every form control in every view has a label.
  const unlabelled = await page.evaluate(() => [...document.querySelectorAll('input, select, textarea')]
    .filter((e) => !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !e.getAttribute('aria-labelledby'))
    .map((e) => e.id || e.outerHTML.slice(0, 60)));
  assert.deepEqual(unlabelled, []);
  // Buttons have names (text or aria-label).
  const nameless = await page.evaluate(() => [...document.querySelectorAll('button')]
    .filter((b) => !b.textContent.trim() && !b.getAttribute('aria-label')).length);
  assert.equal(nameless, 0);
  await page.close();
});
