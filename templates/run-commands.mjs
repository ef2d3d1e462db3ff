#!/usr/bin/env node
// Runs every command of the CI templates (templates/github, templates/gitlab) the way their CI would, in a
// throw-away plans repository: a copy of plans/ committed twice (adopted, then revised), with this checkout
// linked in as its `sparbar` devDependency. `.ci/run` calls it; `--no-build` skips the site builds (the tests).
//
//   node templates/run-commands.mjs [--no-build]
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const noBuild = process.argv.includes('--no-build');
const GITLAB_KEYWORDS = new Set(['stages', 'variables', 'default', 'workflow', 'include', 'image', 'services', 'cache', 'before_script', 'after_script']);

/** Every shell command of both templates, with the environment its step or job gives it. */
export function templateCommands() {
  const out = [];
  const github = parse(readFileSync(path.join(root, 'templates/github/.github/workflows/plan.yml'), 'utf8'));
  for (const [job, spec] of Object.entries(github.jobs)) {
    for (const step of spec.steps ?? []) {
      if (typeof step.run !== 'string') continue;
      for (const command of step.run.split('\n').map((l) => l.trim()).filter(Boolean)) out.push({ template: 'github', job, command, env: step.env ?? {} });
    }
  }
  const gitlab = parse(readFileSync(path.join(root, 'templates/gitlab/.gitlab-ci.yml'), 'utf8'));
  const before = gitlab.default?.before_script ?? [];
  for (const [job, spec] of Object.entries(gitlab)) {
    if (GITLAB_KEYWORDS.has(job) || job.startsWith('.')) continue;
    for (const command of [...before, ...(spec.script ?? [])]) out.push({ template: 'gitlab', job, command, env: { ...(gitlab.variables ?? {}), ...(spec.variables ?? {}) } });
  }
  return out;
}

function main() {
  const cli = path.join(root, 'lib/src/cli/main.js');
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run npm run build:cli first.`);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sparbar-templates-'));
  try {
    const git = (...args) => execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' } }).trim();
    cpSync(path.join(root, 'plans'), path.join(dir, 'plans'), { recursive: true });
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'ekby-planer', private: true, devDependencies: { sparbar: '*' } }, null, 2));
    git('init', '-q', '-b', 'main');
    git('-c', 'user.email=ci@example.org', '-c', 'user.name=CI', 'add', '-A');
    git('-c', 'user.email=ci@example.org', '-c', 'user.name=CI', 'commit', '-q', '-m', 'Planen som antagen');
    const a05 = path.join(dir, 'plans/ekby/plan-2024-2027/aktiviteter/digitaliseringsenheten/A05.md');
    writeFileSync(a05, readFileSync(a05, 'utf8').replace('slut: 2025-12-31', 'slut: 2026-12-31'));
    git('-c', 'user.email=ci@example.org', '-c', 'user.name=CI', 'commit', '-q', '-am', 'A05 senareläggs');
    const base = git('rev-parse', 'HEAD~1');
    // This checkout as the repository's installed sparbar.
    mkdirSync(path.join(dir, 'node_modules/.bin'), { recursive: true });
    symlinkSync(root, path.join(dir, 'node_modules/sparbar'), 'dir');
    symlinkSync('../sparbar/lib/src/cli/main.js', path.join(dir, 'node_modules/.bin/sparbar'));

    const summary = path.join(dir, 'summary.md');
    const expressions = {
      '${{ github.event.pull_request.base.sha }}': base,
      '/${{ github.event.repository.name }}/': '/ekby-planer/',
    };
    const ciEnv = { GITHUB_STEP_SUMMARY: summary, CI_MERGE_REQUEST_DIFF_BASE_SHA: base, CI: 'true' };
    let failed = 0;
    for (const { template, job, command, env } of templateCommands()) {
      const label = `${template} ${job}: ${command}`;
      if (/^npm ci\b/.test(command)) {
        console.log(`- skipped (.ci/run installs) ${label}`);
        continue;
      }
      if (noBuild && / sparbar build /.test(command)) {
        console.log(`- skipped (--no-build) ${label}`);
        continue;
      }
      const stepEnv = {};
      for (const [k, v] of Object.entries(env)) {
        let value = String(v);
        for (const [expr, replacement] of Object.entries(expressions)) value = value.replace(expr, replacement);
        if (value.includes('${{')) throw new Error(`${label}: no stand-in for the expression in ${k}=${v}; add one to templates/run-commands.mjs`);
        stepEnv[k] = value;
      }
      const r = spawnSync('bash', ['-eo', 'pipefail', '-c', command], { cwd: dir, env: { ...process.env, ...ciEnv, ...stepEnv }, encoding: 'utf8' });
      if (r.status === 0) console.log(`✓ ${label}`);
      else {
        failed++;
        console.log(`✗ ${label} (exit ${r.status})\n${r.stdout}${r.stderr}`);
      }
    }
    // What the commands left behind is what CI would publish.
    const expectFile = (rel, test, what) => {
      const p = path.join(dir, rel);
      const ok = existsSync(p) && test(readFileSync(p, 'utf8'));
      console.log(`${ok ? '✓' : '✗'} ${rel}: ${what}`);
      if (!ok) failed++;
    };
    expectFile('summary.md', (t) => t.startsWith('## Ändringar i planen') && t.includes('Slutdatum: 2025-12-31 → 2026-12-31'), 'the plan diff in the GitHub job summary');
    expectFile('planandringar.md', (t) => t.includes('Slutdatum: 2025-12-31 → 2026-12-31'), 'the plan diff as a GitLab report');
    expectFile('gl-code-quality-report.json', (t) => Array.isArray(JSON.parse(t)), 'a GitLab Code Quality report');
    if (!noBuild) {
      expectFile('dist/index.html', (t) => t.includes('/ekby-planer/'), 'the site for GitHub Pages, under its base path');
      expectFile('public/index.html', (t) => t.length > 0, 'the site for GitLab Pages');
    }
    if (failed > 0) {
      console.log(`${failed} template command(s) or outputs failed`);
      process.exitCode = 1;
    } else console.log('all template commands ran');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
