// The browser of the web app's tests: playwright-core driving the Chromium that ships inside the
// @sparticuz/chromium npm package (installed by `npm ci`, no download at install or run time; it
// unpacks to the temp folder on first launch). CHROMIUM_PATH picks another binary instead, e.g.
// Debian's /usr/bin/chromium. @sparticuz/chromium is an ES module, which jest cannot require, so
// its path is asked of a plain node process.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { TestSystem } from '../support/test-system';

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  const script =
    "import chromium from '@sparticuz/chromium'; process.stdout.write(await chromium.executablePath());";
  return execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: __dirname,
    encoding: 'utf8',
  }).trim();
}

function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: FLAGS });
}

/** A page as the app's users see it: 1280 px wide, Danish, in Copenhagen time. */
async function openDanishPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'da-DK',
    timezoneId: 'Europe/Copenhagen',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  return page;
}

/** Lets the api of a test system listen on a free port of this host; returns its base URL. */
async function listenForBrowser(system: TestSystem): Promise<string> {
  await system.api.listen(0, '127.0.0.1');
  return `http://127.0.0.1:${(system.http.address() as AddressInfo).port}`;
}

const root = join(__dirname, '..', '..');
const shots = join(root, 'test-output', 'web');

export interface BrowsedWebApp {
  /** The api's base URL, the app at `${base}/app/`. */
  base: string;
  browser: Browser;
  page: Page;
  /** Saves the whole page (or only what the window shows) as test-output/web/<name>.png, for a person to look at. */
  shot(name: string, options?: { fullPage: boolean }): Promise<Buffer>;
}

/** The web app built (scripts/build-web.mjs), the system's api listening for a browser, and a Danish page in a fresh browser. */
export async function browseWebApp(system: TestSystem): Promise<BrowsedWebApp> {
  execFileSync(process.execPath, [join(root, 'scripts', 'build-web.mjs')], { stdio: 'inherit' });
  mkdirSync(shots, { recursive: true });
  const base = await listenForBrowser(system);
  const browser = await launchBrowser();
  const page = await openDanishPage(browser);
  const shot = (name: string, { fullPage } = { fullPage: true }) =>
    page.screenshot({ path: join(shots, `${name}.png`), fullPage });
  return { base, browser, page, shot };
}
