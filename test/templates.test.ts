// The CI and editor templates a municipality copies: valid YAML, the jobs GitHub and GitLab need, only commands
// the README documents (and they run: templates/run-commands.mjs), an editor setup identical to this
// repository's, and the example plan's frontmatter valid against the JSON Schema editors use.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse, parseDocument } from 'yaml';
import { splitFrontmatter } from '../src/parse/frontmatter.js';

const readme = readFileSync('README.md', 'utf8');
const GITHUB = 'templates/github/.github/workflows/plan.yml';
const GITLAB = 'templates/gitlab/.gitlab-ci.yml';

// biome-ignore lint/suspicious/noExplicitAny: a CI template is free-form YAML, read here by key path as the CI service reads it.
type Yaml = any;

/** Parses strictly: any YAML error or warning (a duplicate key, a tab) fails. */
function strictYaml(file: string): Record<string, Yaml> {
  const doc = parseDocument(readFileSync(file, 'utf8'), { uniqueKeys: true, prettyErrors: false });
  expect([...doc.errors, ...doc.warnings].map((e) => e.message)).toEqual([]);
  return doc.toJS() as Record<string, Yaml>;
}

interface Command {
  template: string;
  job: string;
  command: string;
}

function commands(): Command[] {
  const out: Command[] = [];
  const github = strictYaml(GITHUB);
  for (const [job, spec] of Object.entries<Yaml>(github['jobs'])) {
    for (const step of spec.steps ?? []) if (typeof step.run === 'string') for (const c of step.run.split('\n').map((l: string) => l.trim()).filter(Boolean)) out.push({ template: 'github', job, command: c });
  }
  const gitlab = strictYaml(GITLAB);
  for (const c of gitlab['default'].before_script) out.push({ template: 'gitlab', job: 'default', command: c });
  for (const [job, spec] of Object.entries<Yaml>(gitlab)) if (Array.isArray(spec?.script)) for (const c of spec.script) out.push({ template: 'gitlab', job, command: c });
  return out;
}

/** The README's command-line synopsis: `sparbar <sub> …` lines of its first ```text block. */
const synopsis = /```text\n(sparbar [\s\S]*?)```/.exec(readme)![1]!.split('\n').filter(Boolean);

describe('templates/github', () => {
  const wf = strictYaml(GITHUB);
  const steps = wf['jobs'].kontrollera.steps as Yaml[];

  it('runs on pull requests and on main, with the whole history', () => {
    expect(Object.keys(wf['on'])).toEqual(expect.arrayContaining(['pull_request', 'push']));
    expect(wf['on'].push.branches).toEqual(['main']);
    expect(steps[0]).toMatchObject({ uses: 'actions/checkout@v4', with: { 'fetch-depth': 0 } });
    expect(wf['permissions']).toEqual({ contents: 'read' });
  });

  it('annotates the pull request, summarises the diff, builds, and publishes on main only', () => {
    const run = (pattern: RegExp) => steps.find((s) => typeof s.run === 'string' && pattern.test(s.run));
    expect(run(/sparbar check plans --format github$/)).toBeDefined();
    const diff = run(/sparbar diff/);
    expect(diff.run).toMatch(/>> "\$GITHUB_STEP_SUMMARY"$/);
    expect(diff.if).toMatch(/github\.event_name == 'pull_request'/);
    const build = run(/sparbar build/);
    const out = /--out (\S+)/.exec(build.run)![1];
    const upload = steps.find((s) => s.uses === 'actions/upload-pages-artifact@v3');
    expect(upload.with.path).toBe(out);
    expect(upload.if).toMatch(/refs\/heads\/main/);
    const publish = wf['jobs'].publicera;
    expect(publish).toMatchObject({ needs: 'kontrollera', permissions: { pages: 'write', 'id-token': 'write' }, environment: { name: 'github-pages' } });
    expect(publish.if).toMatch(/refs\/heads\/main/);
    expect(publish.steps).toEqual([expect.objectContaining({ uses: 'actions/deploy-pages@v4' })]);
  });

  it('keeps GitHub expressions out of shell commands (they go through env)', () => {
    for (const s of steps) if (typeof s.run === 'string') expect(s.run).not.toContain('${{');
  });
});

describe('templates/gitlab', () => {
  const ci = strictYaml(GITLAB);

  it('reports problems as Code Quality, in the file the check writes', () => {
    const job = ci['kontrollera'];
    const written = /> (\S+\.json)/.exec(job.script.join('\n'))![1];
    expect(job.script[0]).toMatch(/sparbar check plans --format codequality > /);
    expect(job.artifacts).toMatchObject({ when: 'always', reports: { codequality: written } });
    // The job still fails on errors: the last command is a plain check.
    expect(job.script[job.script.length - 1]).toBe('npx sparbar check plans');
  });

  it('puts the plan diff in a report artifact of the merge request', () => {
    const job = ci['planandringar'];
    const written = /> (\S+\.md)$/.exec(job.script[0])![1];
    expect(job.script[0]).toMatch(/sparbar diff "\$CI_MERGE_REQUEST_DIFF_BASE_SHA" HEAD plans > /);
    expect(job.artifacts).toMatchObject({ when: 'always', expose_as: 'Planändringar', paths: [written] });
    expect(job.rules).toEqual([{ if: '$CI_PIPELINE_SOURCE == "merge_request_event"' }]);
    expect(ci['variables'].GIT_DEPTH).toBe('0');
  });

  it('publishes the site from the pages job on the default branch only', () => {
    const pages = ci['pages'];
    expect(pages.rules).toEqual([{ if: '$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH' }]);
    expect(pages.script).toEqual(['npx sparbar build plans --out public --base "$SITE_BASE"']);
    expect(pages.artifacts.paths).toEqual(['public']);
  });
});

describe('template commands', () => {
  const all = commands();

  it('are all documented in the README, word for word', () => {
    expect(all.length).toBeGreaterThan(5);
    for (const c of all) expect(readme, `${c.template} ${c.job}: ${c.command}`).toContain(c.command);
  });

  it('use only sparbar commands and options of the README synopsis', () => {
    for (const { command } of all) {
      const m = /npx sparbar (\S+)(.*)$/.exec(command);
      if (!m) {
        expect(command, 'only npm ci besides sparbar').toMatch(/^npm ci( --cache \.npm --prefer-offline)?$/);
        continue;
      }
      const line = synopsis.find((l) => l.startsWith(`sparbar ${m[1]} `));
      expect(line, `sparbar ${m[1]} in the README synopsis`).toBeDefined();
      for (const flag of m[2]!.match(/--[a-z-]+/g) ?? []) expect(line, `${flag} of sparbar ${m[1]}`).toContain(flag);
    }
  });

  it('run in a plans repository like CI runs them (site builds left to .ci/run)', () => {
    const r = spawnSync(process.execPath, ['templates/run-commands.mjs', '--no-build'], { encoding: 'utf8' });
    expect(r.stdout + r.stderr).toMatch(/all template commands ran\n$/);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/✓ github kontrollera: npx sparbar diff/);
    expect(r.stdout).toMatch(/✓ gitlab planandringar: npx sparbar diff/);
  }, 120_000);
});

describe('templates/vscode', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => (statSync(path.join(dir, name)).isDirectory() ? files(path.join(dir, name)).map((f) => `${name}/${f}`) : [name]));

  it('is a copy of this repository’s editor setup (copy .vscode/ and .remarkrc.mjs again after npm run schemas)', () => {
    expect(files('templates/vscode').sort()).toEqual(['.remarkrc.mjs', ...files('.vscode').map((f) => `.vscode/${f}`)].sort());
    for (const f of files('templates/vscode')) expect(readFileSync(path.join('templates/vscode', f), 'utf8'), f).toBe(readFileSync(f, 'utf8'));
  });
});

describe('JSON Schema of the frontmatter (schemas/plan-file.schema.json)', () => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(JSON.parse(readFileSync('schemas/plan-file.schema.json', 'utf8')) as object);
  const planFiles = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const p = path.join(dir, name);
      return statSync(p).isDirectory() ? planFiles(p) : p.endsWith('.md') ? [p] : [];
    });
  const frontmatter = (text: string) => {
    const split = splitFrontmatter(text);
    if (split.kind !== 'frontmatter') throw new Error('no frontmatter');
    return parse(split.yaml, { version: '1.2' }) as unknown;
  };

  it('accepts the frontmatter of every file of the example plan', () => {
    const files = planFiles('plans');
    expect(files.length).toBeGreaterThan(200);
    const failures = files.filter((f) => !validate(frontmatter(readFileSync(f, 'utf8')))).map((f) => `${f}: ${ajv.errorsText(validate.errors)}`);
    expect(failures).toEqual([]);
  });

  it('rejects what the checker rejects: an unknown key, a wrong value, a missing key', () => {
    const base = '---\ntyp: aktivitet\nid: A1\ntitel: T\nbidrar_till: [FO1.1]\n';
    expect(validate(frontmatter(`${base}status: klar\n---\n`))).toBe(true);
    expect(validate(frontmatter(`${base}statsu: klar\n---\n`))).toBe(false);
    expect(validate(frontmatter(`${base}status: pågående\n---\n`))).toBe(false);
    expect(validate(frontmatter('---\ntyp: aktivitet\nid: A1\ntitel: T\n---\n'))).toBe(false);
  });
});
