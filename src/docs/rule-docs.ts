// The rules' documentation pages (docs/regler/<id>.md and an index), made from the rule modules: what each rule
// checks, why, a failing and a passing example with what `sparbar check` says about them, how to fix it and how to
// configure it. Each example is checked on the way: the failing one must give the rule's messages and no others,
// the passing one none at all, or the pages are not made.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkPlans } from '../check/check-plans.js';
import { CONFIG_FILE } from '../config/config-file.js';
import { severityOf, type CheckMessage } from '../messages/report.js';
import { RULES } from '../rules/index.js';
import type { Rule, RuleCategory, RuleExample } from '../rules/rule.js';

export { RULE_DOCS_PATH } from '../messages/rule-url.js';

const CATEGORY_TITLES: Record<RuleCategory, string> = {
  files: 'Filer och YAML',
  schema: 'Filformatet',
  graph: 'Noder och hänvisningar',
  facts: 'Uppgifter som dokumenten inte anger',
  coverage: 'Täckning',
  'follow-up': 'Uppföljning',
  configuration: 'Konfiguration',
};

const SEVERITY_WORDS = { error: 'fel', warning: 'varning' } as const;

/** Thrown when a rule's example does not show what it claims; names the rule and what it gave. */
export class RuleExampleError extends Error {}

/** Every file of the base plan by path (forward slashes), with its text. */
export function readBasePlan(baseDir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string, rel: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = path.join(dir, name);
      const r = rel ? `${rel}/${name}` : name;
      if (statSync(p).isDirectory()) walk(p, r);
      else files.set(r, readFileSync(p, 'utf8'));
    }
  };
  walk(baseDir, '');
  return files;
}

/**
 * What `sparbar check` (with the example's --require-period) says about the base plan with the example laid over
 * it, or undefined for an example that only describes a situation. Works in a temporary folder it removes.
 */
export function runExample(example: RuleExample, baseDir: string): CheckMessage[] | undefined {
  if (!example.files && !example.links && example.config === undefined && example.requirePeriod === undefined) return undefined;
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'sparbar-regel-'));
  try {
    const plans = path.join(tmp, 'plans');
    cpSync(baseDir, plans, { recursive: true });
    for (const [rel, text] of Object.entries(example.files ?? {})) {
      const file = path.join(plans, rel);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, example.windows1252?.includes(rel) ? windows1252(text) : text);
    }
    for (const [rel, target] of Object.entries(example.links ?? {})) {
      const link = path.join(plans, rel);
      mkdirSync(path.dirname(link), { recursive: true });
      rmSync(link, { force: true });
      symlinkSync(target, link);
    }
    if (example.config !== undefined) writeFileSync(path.join(plans, CONFIG_FILE), example.config);
    return checkPlans(plans, example.requirePeriod === undefined ? {} : { requirePeriod: example.requirePeriod }).messages;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Windows-1252's bytes for the characters Word puts in Swedish text that Latin-1 does not have. */
const WINDOWS_1252_EXTRA: Readonly<Record<string, number>> = { '€': 0x80, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96, '—': 0x97 };

/** `text` in Windows-1252 (Latin-1 plus the characters above); throws on a character it does not have. */
function windows1252(text: string): Buffer {
  return Buffer.from(
    [...text].map((c) => {
      const code = WINDOWS_1252_EXTRA[c] ?? c.codePointAt(0)!;
      if (code > 0xff || (code >= 0x80 && code < 0xa0 && WINDOWS_1252_EXTRA[c] === undefined)) {
        throw new RuleExampleError(`Exemplet kan inte sparas som Windows-1252: ${JSON.stringify(c)}`);
      }
      return code;
    }),
  );
}

/** The messages of the rule's failing example (at least one, all of the rule) and of its passing one (none); throws otherwise. */
export function checkExamples(rule: Rule, baseDir: string): { fail: CheckMessage[] | undefined; pass: CheckMessage[] | undefined } {
  const fail = runExample(rule.docs.fail, baseDir);
  const pass = runExample(rule.docs.pass, baseDir);
  if (fail !== undefined && (fail.length === 0 || fail.some((m) => m.ruleId !== rule.id))) {
    throw new RuleExampleError(`${rule.id}: the failing example should give ${rule.id} and nothing else, but gives:\n${plainLines(fail)}`);
  }
  if (pass !== undefined && pass.length > 0) {
    throw new RuleExampleError(`${rule.id}: the passing example should give no message, but gives:\n${plainLines(pass)}`);
  }
  return { fail, pass };
}

const plainLines = (messages: readonly CheckMessage[]) => messages.map((m) => `  ${m.file}:${m.line}:${m.column} ${m.ruleId} ${m.reason}`).join('\n') || '  (nothing)';

/** Every page by file name in docs/regler/ (README.md is the index), each ending in one newline. */
export function ruleDocPages(baseDir: string): Map<string, string> {
  const pages = new Map<string, string>();
  pages.set('README.md', indexPage(readBasePlan(baseDir)));
  for (const rule of RULES) pages.set(`${rule.id}.md`, rulePage(rule, checkExamples(rule, baseDir)));
  return pages;
}

const GENERATED = (source: string) => `<!-- Genererad av \`npm run docs\` från ${source}. Ändra där, inte här. -->`;

function fence(lang: string, text: string): string {
  const body = text.endsWith('\n') ? text : `${text}\n`;
  const ticks = body.includes('```') ? '~~~~' : '```';
  return `${ticks}${lang}\n${body}${ticks}`;
}

function configurable(rule: Rule): string {
  return rule.blocking
    ? 'nej: det regeln hittar lämnas utanför planen tills det är rättat, så det är alltid ett fel.'
    : `ja, med \`"av"\`, \`"varning"\` eller \`"fel"\` under \`"regler"\` i \`${CONFIG_FILE}\` (se [Ställ in regeln](#ställ-in-regeln)).`;
}

function rulePage(rule: Rule, runs: { fail: CheckMessage[] | undefined; pass: CheckMessage[] | undefined }): string {
  const out = [
    GENERATED(`src/rules/${rule.id}.ts`),
    '',
    `# ${rule.id}`,
    '',
    rule.description,
    '',
    `- **Allvarlighet:** ${SEVERITY_WORDS[rule.severity]}`,
    `- **Kategori:** ${CATEGORY_TITLES[rule.category]}`,
    `- **Går att ställa in:** ${configurable(rule)}`,
    '',
    '## Vad regeln kontrollerar',
    '',
    rule.docs.details,
    '',
    '## Varför',
    '',
    rule.docs.why,
    '',
    '## Exempel',
    '',
    'Exemplen utgår från [exempelplanen](README.md#exempelplanen); här visas bara det som skiljer sig från den.',
    '',
    `### Fel: ${rule.docs.fail.title}`,
    '',
    ...example(rule.docs.fail, runs.fail),
    `### Rätt: ${rule.docs.pass.title}`,
    '',
    ...example(rule.docs.pass, runs.pass),
    '## Så rättar du',
    '',
    rule.docs.fix,
    '',
  ];
  if (!rule.blocking) {
    out.push(
      '## Ställ in regeln',
      '',
      `I \`${CONFIG_FILE}\` i planmappen: \`"av"\` stänger av regeln, \`"varning"\` och \`"fel"\` ger dess meddelanden den allvarligheten (standard: ${SEVERITY_WORDS[rule.severity]}).`,
      '',
      fence('json', JSON.stringify({ regler: { [rule.id]: 'av' } }, null, 2)),
      '',
    );
  }
  out.push('[Alla regler](README.md)', '');
  return out.join('\n');
}

function example(ex: RuleExample, messages: CheckMessage[] | undefined): string[] {
  const out: string[] = [];
  if (ex.situation) out.push(ex.situation, '');
  for (const [rel, text] of Object.entries(ex.files ?? {})) {
    const where = rel.startsWith('../') ? ' (utanför planmappen)' : '';
    const encoding = ex.windows1252?.includes(rel) ? ', sparad som Windows-1252 i stället för UTF-8' : '';
    out.push(`\`${rel}\`${where}${encoding}:`, '', fence(rel.endsWith('.md') ? 'markdown' : '', text), '');
  }
  for (const [rel, target] of Object.entries(ex.links ?? {})) out.push(`\`${rel}\` är en symbolisk länk till \`${target}\`.`, '');
  if (ex.config !== undefined) out.push(`\`${CONFIG_FILE}\`:`, '', fence('json', ex.config), '');
  if (messages === undefined) return out;
  const command = `sparbar check${ex.requirePeriod ? ` --require-period ${ex.requirePeriod}` : ''}`;
  if (messages.length === 0) {
    out.push(`\`${command}\` hittar inga problem.`, '');
  } else {
    out.push(`\`${command}\` säger:`, '', fence('text', messageLines(messages)), '');
  }
  return out;
}

/** The messages grouped by file, as `sparbar check` prints them (without colour and the summary line). */
function messageLines(messages: readonly CheckMessage[]): string {
  const lines: string[] = [];
  let file: string | undefined;
  for (const m of messages) {
    if (m.file !== file) {
      if (file !== undefined) lines.push('');
      file = m.file;
      lines.push(m.file);
    }
    lines.push(`  ${m.line}:${m.column}  ${SEVERITY_WORDS[severityOf(m)]}  ${m.reason}  ${m.ruleId}`);
    for (const r of m.related ?? []) lines.push(`    ↳ ${r.file}:${r.line}:${r.column}  ${r.note}`);
  }
  return lines.join('\n');
}

function indexPage(base: ReadonlyMap<string, string>): string {
  const out = [
    GENERATED('src/rules/'),
    '',
    '# Regler',
    '',
    '`sparbar check` kontrollerar planen med de här reglerna. Varje meddelande har regelns id och en länk hit. Fel stoppar en',
    'publicering; varningar pekar på luckor. Regler som inte lämnar något utanför planen går att stänga av eller ge en annan',
    `allvarlighet under \`"regler"\` i \`${CONFIG_FILE}\` i planmappen (se README:n, *Reglernas allvarlighet*):`,
    '',
    fence('json', JSON.stringify({ regler: { 'action-without-due-date': 'av', 'action-without-owner': 'fel' } }, null, 2)),
    '',
  ];
  for (const category of Object.keys(CATEGORY_TITLES) as RuleCategory[]) {
    const rules = RULES.filter((r) => r.category === category);
    if (rules.length === 0) continue;
    out.push(`## ${CATEGORY_TITLES[category]}`, '', '| regel | allvarlighet | går att ställa in | vad den hittar |', '| --- | --- | --- | --- |');
    for (const r of rules) out.push(`| [\`${r.id}\`](${r.id}.md) | ${SEVERITY_WORDS[r.severity]} | ${r.blocking ? 'nej' : 'ja'} | ${r.description} |`);
    out.push('');
  }
  out.push(
    '## Exempelplanen',
    '',
    'Exemplen på regelsidorna är små ändringar i den här planen: en kommun, en policy med en styrprincip, en plan med ett mål,',
    'ett fokusområde och en aktivitet. Den ger inga meddelanden.',
    '',
  );
  for (const [rel, text] of base) out.push(`\`${rel}\`:`, '', fence('markdown', text), '');
  return out.join('\n');
}
