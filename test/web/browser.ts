// The browser of the web app's tests: playwright-core driving the Chromium that ships inside the
// @sparticuz/chromium npm package (installed by `npm ci`, no download at install or run time; it
// unpacks to the temp folder on first launch). CHROMIUM_PATH picks another binary instead, e.g.
// Debian's /usr/bin/chromium. @sparticuz/chromium is an ES module, which jest cannot require, so
// its path is asked of a plain node process.
import { execFileSync } from 'node:child_process';
import { chromium, type Browser } from 'playwright-core';

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  const script =
    "import chromium from '@sparticuz/chromium'; process.stdout.write(await chromium.executablePath());";
  return execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: __dirname,
    encoding: 'utf8',
  }).trim();
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: FLAGS });
}
