// The accessibility statement's configuration (src/site/site-config.ts): the level claimed, the dates, the
// fictional contact of an example, and a build that stops when a published site gives no way to report a
// problem (lag 2018:1937, Digg's model statement). The example's page itself is asserted in build.test.ts.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { buildSite } from '../../src/site/build-site.js';
import { isExampleHost, resolveSiteConfig, statementProblems } from '../../src/site/site-config.js';

// Each test here builds whole sites: minutes on a busy 2-core machine, so more than the suite's 120 s.
vi.setConfig({ testTimeout: 600_000, hookTimeout: 600_000 });

const tmp = mkdtempSync(path.join(tmpdir(), 'sparbar-redogorelse-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const contact = { epost: 'tillganglighet@ekby.se' };

describe('the compliance level', () => {
  it('is "delvis" on automated tests alone, "helt" only after a manual review without known shortcomings', () => {
    expect(resolveSiteConfig({}, []).accessibility.compliance).toBe('delvis');
    expect(resolveSiteConfig({ tillgänglighet: { manuell_granskning: '2026-05-01' } }, []).accessibility.compliance).toBe('helt');
    expect(resolveSiteConfig({ tillgänglighet: { manuell_granskning: '2026-05-01', brister: ['x'] } }, []).accessibility.compliance).toBe('delvis');
    expect(resolveSiteConfig({ tillgänglighet: { manuell_granskning: '2026-05-01', oskäligt_betungande: ['y'] } }, []).accessibility.compliance).toBe('delvis');
    expect(resolveSiteConfig({ tillgänglighet: { förenlighet: 'inte' } }, []).accessibility.compliance).toBe('inte');
  });

  it('refuses "helt" without a manual review or with known shortcomings', () => {
    const base = { upprättad: '2026-01-01', kontakt: contact };
    expect(statementProblems({ tillgänglighet: { ...base, förenlighet: 'helt' } }, 'k.json').join('\n')).toMatch(/^k\.json: tillgänglighet\.förenlighet är "helt", men ingen manuell granskning är angiven/);
    expect(statementProblems({ tillgänglighet: { ...base, förenlighet: 'helt', manuell_granskning: '2026-02-01', brister: ['x'] } }, 'k.json').join('\n')).toMatch(/brister eller undantag är angivna/);
    expect(statementProblems({ tillgänglighet: { ...base, förenlighet: 'helt', manuell_granskning: '2026-02-01' } }, 'k.json')).toEqual([]);
  });
});

describe('the dates', () => {
  it('takes the review date from the written date, and the assessment from the manual review or the review', () => {
    const written = resolveSiteConfig({ tillgänglighet: { upprättad: '2025-09-15' } }, []).accessibility;
    expect([written.written, written.updated, written.assessed, written.manualReview]).toEqual(['2025-09-15', '2025-09-15', '2025-09-15', null]);
    const reviewed = resolveSiteConfig({ tillgänglighet: { upprättad: '2025-09-15', uppdaterad: '2026-09-01', manuell_granskning: '2026-05-01' } }, []).accessibility;
    expect([reviewed.updated, reviewed.assessed]).toEqual(['2026-09-01', '2026-05-01']);
    const assessed = resolveSiteConfig({ tillgänglighet: { upprättad: '2025-09-15', bedömd: '2026-06-01', manuell_granskning: '2026-05-01' } }, []).accessibility;
    expect(assessed.assessed).toBe('2026-06-01');
  });
});

describe('the contact', () => {
  it('is fictional only when every address is at a domain reserved for examples and no phone is given', () => {
    for (const host of ['ekby.example', 'www.ekby.example', 'example.com', 'kommun.example.org', 'a.test']) expect(isExampleHost(host), host).toBe(true);
    for (const host of ['ekby.se', 'example.se', 'myexample.com', 'examples.com']) expect(isExampleHost(host), host).toBe(false);
    const fictional = (kontakt: Record<string, string>) => resolveSiteConfig({ tillgänglighet: { kontakt } }, []).accessibility.fictionalContact;
    expect(fictional({ epost: 'a@ekby.example', webbformulär: 'https://www.ekby.example/kontakt' })).toBe(true);
    expect(fictional({ epost: 'a@ekby.example', webbformulär: 'https://www.ekby.se/kontakt' })).toBe(false);
    expect(fictional({ epost: 'a@ekby.example', telefon: '0123-45 67 89' })).toBe(false);
    expect(fictional({ epost: 'a@ekby.se' })).toBe(false);
    expect(fictional({ webbformulär: 'mailto:tillganglighet@ekby.example' })).toBe(true);
    expect(fictional({ webbformulär: 'mailto:tillganglighet@ekby.se' })).toBe(false);
    expect(fictional({ webbformulär: 'tel:+4612345678' })).toBe(false);
  });

  it('is required, with the date the statement was written, and each missing one is named in Swedish', () => {
    const problems = statementProblems({}, null);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^sparbar\.config\.json i planmappen \(filen finns inte än\): tillgänglighetsredogörelsen saknar ett sätt att rapportera brister/);
    expect(problems[0]).toContain('tillgänglighet.kontakt.epost, tillgänglighet.kontakt.telefon och tillgänglighet.kontakt.webbformulär');
    expect(problems[1]).toMatch(/saknar datumet då den skrevs\. Ange tillgänglighet\.upprättad/);
    for (const kontakt of [{ epost: 'a@b.se' }, { telefon: '0123-45 67 89' }, { webbformulär: 'https://b.se/' }]) {
      expect(statementProblems({ tillgänglighet: { upprättad: '2026-01-01', kontakt } }, 'k.json')).toEqual([]);
    }
    expect(statementProblems({ tillgänglighet: { upprättad: '2026-01-01', kontakt: { svarstid: 'inom en vecka' } } }, 'k.json')).toHaveLength(1);
  });

  it('stops the build of a site that configures none, with the message and exit code 1', async () => {
    const config = path.join(tmp, 'utan-kontakt.json');
    writeFileSync(config, JSON.stringify({ tillgänglighet: { upprättad: '2026-01-01' } }));
    const result = await buildSite({ plansDir: 'plans', outDir: path.join(tmp, 'ut'), configFile: config, logLevel: 'silent' });
    expect(result.exitCode).toBe(1);
    expect(result.errors[0]).toBe('Webbplatsen byggdes inte: tillgänglighetsredogörelsen är inte komplett.');
    expect(result.errors.slice(1)).toEqual([expect.stringMatching(/utan-kontakt\.json: tillgänglighetsredogörelsen saknar ett sätt att rapportera brister/)]);
  });
});
