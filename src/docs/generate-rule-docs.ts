// Writes the rules' documentation pages into docs/regler/ (run `npm run docs` after changing a rule module); a
// test fails until the pages match the modules again. Pages of rules that are gone are removed.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RULE_DOCS_PATH, ruleDocPages } from './rule-docs.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const out = path.join(root, RULE_DOCS_PATH);
const pages = ruleDocPages(path.join(root, 'test/fixtures/rules/_base'));
mkdirSync(out, { recursive: true });
for (const name of readdirSync(out)) if (name.endsWith('.md') && !pages.has(name)) rmSync(path.join(out, name));
for (const [name, text] of pages) writeFileSync(path.join(out, name), text);
console.log(`skrev ${pages.size} sidor i ${RULE_DOCS_PATH}/`);
