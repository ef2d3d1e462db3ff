/// <reference lib="dom" />
// Shared by the browser tests: Debian's chromium started the way this machine needs, and axe-core's WCAG 2.1 A/AA
// and best-practice check.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Headless chromium with the flags this machine's closed network needs; a clear error when it is not installed. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium saknas på ${CHROMIUM}: apt-get install -y chromium.`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/**
 * axe-core's violations on the page of WCAG 2.1 A/AA and of its best practices (landmark-unique, region,
 * heading-order, page-has-heading-one and the others tagged best-practice), one line each (empty when there are
 * none); `rules` runs those rules only.
 */
export async function axeViolations(page: Page, rules?: string[]): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  const runOnly = rules ? { type: 'rule', values: rules } : { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] };
  const result = await page.evaluate(async (only) => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    return axe.run(document, { runOnly: only, resultTypes: ['violations'] });
  }, runOnly);
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
}
