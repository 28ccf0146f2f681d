import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AxeResults } from 'axe-core';
import { chromium, type Browser, type Page } from 'playwright-core';

// Debian's Chromium, as CI installs it (.ci/run), driven by playwright-core.

export const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export const chromiumInstalled = existsSync(CHROMIUM);

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
}

const artifacts = fileURLToPath(new URL('../../test-artifacts/e2e/', import.meta.url));

/** The final screen of a journey, kept for people to look at (test-artifacts/ is not committed). */
export async function keepScreenshot(page: Page, name: string): Promise<string> {
  await mkdir(artifacts, { recursive: true });
  const file = path.join(artifacts, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

const axeSource = fileURLToPath(import.meta.resolve('axe-core/axe.min.js'));

export interface AxeProblem {
  rule: string;
  impact: string | null | undefined;
  help: string;
  targets: string[];
  /** axe's own account of the first offender, e.g. the two colours and their ratio. */
  summary: string | undefined;
}

/** Serious and critical accessibility violations axe-core finds on the page as it is now. */
export async function seriousAxeViolations(page: Page): Promise<AxeProblem[]> {
  await page.addScriptTag({ path: axeSource });
  // A string, not a function: this file is type-checked without the DOM, and the code runs in the page.
  const results = (await page.evaluate('window.axe.run(document, { resultTypes: ["violations"] })')) as AxeResults;
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
      summary: violation.nodes[0]?.failureSummary,
    }));
}
