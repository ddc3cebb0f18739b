// The designer test: Kaoto (built by `npm run build`, its catalog by `npm run catalog`) in headless Chromium. It
// checks that the palette shows both components and every Kamelet of the project, opens each component's form and
// finds every endpoint option of the catalog in its group, edits an option and reads the YAML Kaoto writes, and saves
// that YAML (target/designer-route.camel.yaml) for Camel Main to run against the emulator, and screenshots
// (target/screenshots). Chromium: CHROMIUM, else /usr/bin/chromium. Exits 1 naming each failure.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { serve } from './static-server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const target = join(root, 'target');
const shots = join(target, 'screenshots');
mkdirSync(shots, { recursive: true });
const catalogDir = join(root, 'dist', 'catalog', 'camel-main', '4.14.0-camel-bigin');
const components = JSON.parse(readFileSync(join(catalogDir, 'components-camel-bigin.json'), 'utf8'));
const kamelets = readdirSync(join(root, '..', 'camel-bigin-kamelets', 'src', 'main', 'resources', 'kamelets'))
  .filter((f) => f.endsWith('.kamelet.yaml')).map((f) => f.replace('.kamelet.yaml', ''));

const failures = [];
const check = (ok, what) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
};
const pause = (ms) => new Promise((r) => setTimeout(r, ms));

const server = await serve(join(root, 'dist'));
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1600, height: 1000 });
  page.on('pageerror', (e) => console.log(`page error: ${e.message}`));
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.waitForFunction(() => window.kaotoDesigner?.ready, { timeout: 120000 });

  const open = async (yaml) => {
    await page.evaluate((y) => window.kaotoDesigner.setContent(y), yaml);
    await page.waitForSelector('[data-testid="custom-node__route.from.steps.0.to"]', { timeout: 30000 });
    await pause(500);
  };
  const clickByText = async (selector, text) => {
    for (const el of await page.$$(selector)) {
      if ((await el.evaluate((e) => e.innerText.trim())) === text) {
        await el.click();
        return true;
      }
    }
    return false;
  };

  // the palette: both components and every Kamelet of the project
  await open(route('bigin:Contacts', { operation: 'list' }));
  await page.click('#topology-control-bar-catalog-button');
  await page.waitForSelector('[data-testid^="tile-"]', { timeout: 30000 });
  const search = await page.$('input[aria-label="Filter by name, description or tag"]');
  for (const term of ['bigin', 'zoho']) {
    await search.click({ clickCount: 3 });
    await search.type(term);
    await pause(800);
    if (term === 'bigin') {
      await page.screenshot({ path: join(shots, 'palette.png') });
    }
    const tiles = await page.$$eval('[data-testid^="tile-"]', (els) => els.map((e) => e.getAttribute('data-testid')));
    const expected = [...Object.keys(components).filter((c) => c.includes(term === 'zoho' ? 'zohocrm' : 'bigin')),
      ...kamelets.filter((k) => k.includes(term === 'zoho' ? 'zohocrm' : 'bigin'))];
    for (const name of expected) {
      check(tiles.includes(`tile-${name}`), `the palette shows ${name} when filtered by "${term}"`);
    }
  }
  await page.keyboard.press('Escape');
  await pause(500);

  // each component's form, as a producer (to) and a consumer (from): every endpoint option of the catalog in its
  // group — the step's own (producer or consumer) and common ones at the top, the others in their sections
  for (const [scheme, module] of [['bigin', 'Contacts'], ['zohocrm', 'Leads']]) {
    const schema = components[scheme].propertiesSchema.properties;
    const seen = new Set();
    for (const role of ['producer', 'consumer']) {
      await open(role === 'producer' ? route(`${scheme}:${module}`, { operation: 'list' })
        : fromRoute(`${scheme}:${module}`, { events: 'created' }));
      const node = role === 'producer' ? 'route.from.steps.0.to' : 'route.from';
      await page.click(`[data-testid="custom-node__${node}"]`);
      await page.waitForSelector('[data-testid="filter-fields"]', { timeout: 30000 });
      await clickByText('button', 'All');
      await pause(800);
      for (let round = 0; round < 5; round++) { // expand every section (a section may hold another)
        const closed = await page.$$('.pf-v6-c-form__field-group-toggle-button button[aria-expanded="false"]');
        if (closed.length === 0) {
          break;
        }
        for (const toggle of closed) {
          await toggle.evaluate((e) => e.click());
        }
        await pause(400);
      }
      const shown = Object.fromEntries(await page.$$eval(
        '[data-testid^="#.parameters."][data-testid$="__field-wrapper"]', (els) => els.map((e) => {
          const name = e.getAttribute('data-testid').replace('#.parameters.', '').replace('__field-wrapper', '');
          const section = e.closest('.kaoto-form__expandable-group');
          return [name, section ? section.getAttribute('aria-labelledby').replace('#.parameters-', '') : ''];
        })));
      const other = role === 'producer' ? 'consumer' : 'producer';
      const expected = Object.entries(schema).filter(([, p]) => !p.$comment.startsWith(`group:${other}`));
      const missing = expected.filter(([name]) => !(name in shown)).map(([name]) => name);
      const misplaced = expected.filter(([name]) => name in shown).map(([name, p]) => {
        const group = p.$comment.replace('group:', '');
        const want = group === 'common' || group === role ? '' : group;
        return shown[name].toLowerCase() === want.toLowerCase() ? null
          : `${name} in "${shown[name] || 'the top'}", not "${want || 'the top'}"`;
      }).filter((m) => m);
      expected.forEach(([name]) => name in shown && seen.add(name));
      check(missing.length === 0, `${scheme} as a ${role}: the form shows its ${expected.length} options`
        + (missing.length ? ` (missing: ${missing.join(', ')})` : ''));
      check(misplaced.length === 0, `${scheme} as a ${role}: every option is in its group`
        + (misplaced.length ? ` (${misplaced.join('; ')})` : ''));
      await page.screenshot({ path: join(shots, `${scheme}-${role}-form.png`) });
      await page.click('[data-testid="close-side-bar"]').catch(() => undefined);
    }
    check(seen.size === Object.keys(schema).length, `${scheme}: all ${Object.keys(schema).length} endpoint options`
      + ` of the catalog were shown (${seen.size})`);
  }

  // an edit in the form, read back from the YAML Kaoto writes
  await open(route('bigin:Contacts', { operation: 'list' }, 'direct:designer'));
  await page.click('[data-testid="custom-node__route.from.steps.0.to"]');
  await page.waitForSelector('[data-testid="filter-fields"]', { timeout: 30000 });
  await clickByText('button', 'All');
  await pause(800);
  const fieldsInput = await page.waitForSelector('[data-testid="#.parameters.fields__field-wrapper"] input, '
    + '[data-testid="#.parameters.fields"]', { timeout: 30000 });
  await fieldsInput.click();
  await fieldsInput.type('Last_Name,Email');
  await page.keyboard.press('Tab');
  await page.waitForFunction(() => (window.kaotoDesigner.content ?? '').includes('Last_Name,Email'), { timeout: 15000 })
    .catch(() => undefined);
  const yaml = await page.evaluate(() => window.kaotoDesigner.content);
  check(/fields: Last_Name,Email/.test(yaml ?? ''), 'an option typed in the form is in the YAML Kaoto writes');
  check(/module: Contacts/.test(yaml ?? '') || /uri: bigin:Contacts/.test(yaml ?? ''), 'the YAML keeps the module');
  await page.screenshot({ path: join(shots, 'edited.png') });
  writeFileSync(join(target, 'designer-route.camel.yaml'), yaml ?? '');
  console.log(`The YAML Kaoto wrote (target/designer-route.camel.yaml):\n${yaml}`);
} finally {
  await browser.close();
  server.close();
}
if (failures.length > 0) {
  console.log(`${failures.length} check(s) failed`);
  process.exit(1);
}
console.log('The designer checks passed');

/** A route from a component's consumer to the log. */
function fromRoute(uri, parameters) {
  const params = Object.entries(parameters).map(([k, v]) => `          ${k}: ${v}\n`).join('');
  return `- route:\n    id: designer\n    from:\n      uri: ${uri}\n      parameters:\n${params}      steps:\n`
    + `        - to:\n            uri: log:designer\n`;
}

/** A route from a timer (or the given endpoint) to one step of a component. */
function route(uri, parameters, from = 'timer:designer?repeatCount=1') {
  const params = Object.entries(parameters).map(([k, v]) => `              ${k}: ${v}\n`).join('');
  return `- route:\n    id: designer\n    from:\n      uri: ${from}\n      steps:\n        - to:\n            uri: ${uri}\n`
    + `            parameters:\n${params}`;
}
