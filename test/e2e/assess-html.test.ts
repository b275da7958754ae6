import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, EXAMPLE, EXAMPLE_ANSWERS } from './assess-helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`skipping assess HTML render test: ${CHROMIUM} not found (apt-get install chromium)`);

let tmp: string;
let browser: Browser | undefined;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'attest-html-'));
  if (hasChromium) {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  }
}, 60_000);
afterAll(async () => {
  await browser?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe.skipIf(!hasChromium)('assess HTML report in headless Chromium', () => {
  it('renders with no console errors and no network requests; screenshot and PDF are produced', async () => {
    const dir = join(tmp, 'report');
    const r = await cli(['assess', EXAMPLE, '--answers', EXAMPLE_ANSWERS, '--format', 'html', '--out-dir', dir, '--quiet']);
    expect(r.code).toBe(0);
    const file = join(dir, 'assess-report.html');
    const page = await (browser as Browser).newPage({ viewport: { width: 1280, height: 1100 } });
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    await page.route('**/*', async (route) => {
      const url = route.request().url();
      requests.push(url);
      if (url.startsWith('file:') || url.startsWith('data:')) await route.continue();
      else await route.abort();
    });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    expect(problems).toEqual([]);
    expect(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:'))).toEqual([]);
    expect(requests).toEqual([pathToFileURL(file).href]);

    // The page carries the content: grade, framework charts, the cited fix-list.
    expect(await page.locator('.badge').innerText()).toMatch(/^[A-F]$/);
    expect(await page.locator('svg').count()).toBeGreaterThanOrEqual(4);
    expect(await page.locator('table').first().locator('tbody tr').count()).toBeGreaterThan(5);
    const first = await page.locator('table').first().locator('tbody tr').first().innerText();
    expect(first).toContain('AI-KEY-01');
    expect(first).toContain('src/config.ts:10');

    mkdirSync('test-results', { recursive: true });
    const shot = resolve('test-results/assess-report.png');
    await page.screenshot({ path: shot });
    expect(statSync(shot).size).toBeGreaterThan(20_000);
    await page.screenshot({ path: resolve('test-results/assess-report-full.png'), fullPage: true });

    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ path: resolve('test-results/assess-report.pdf'), format: 'A4', printBackground: true });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThan(2);
    await page.close();
  }, 60_000);

  it('escapes user-derived text (a hostile subject name renders as text)', async () => {
    const dir = join(tmp, 'hostile');
    const name = '<img src=x onerror=alert(1)><script>alert(2)</script>';
    const r = await cli(['assess', EXAMPLE, '--answers', EXAMPLE_ANSWERS, '--format', 'html', '--out-dir', dir, '--quiet', '--name', name]);
    expect(r.code).toBe(0);
    const html = readFileSync(join(dir, 'assess-report.html'), 'utf8');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<script>');
    const page = await (browser as Browser).newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
    await page.goto(pathToFileURL(join(dir, 'assess-report.html')).href);
    expect(await page.locator('.cover .sub').first().innerText()).toContain(name);
    expect(dialogs).toEqual([]);
    await page.close();
  }, 60_000);
});
