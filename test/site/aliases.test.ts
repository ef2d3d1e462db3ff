// The site's import aliases (@src/…, @site/…) are defined in astro.config.mjs, which the package ships, and
// repeated in tsconfig.site.json for the type checker: the two must agree, and only the site may use them.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const { ALIASES } = (await import(pathToFileURL(path.resolve('astro.config.mjs')).href)) as { ALIASES: Record<string, string> };

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

describe('import aliases', () => {
  it('are the same for Astro (astro.config.mjs) and for the type checker (tsconfig.site.json)', () => {
    const tsconfig = JSON.parse(readFileSync('tsconfig.site.json', 'utf8')) as { compilerOptions: { paths: Record<string, string[]> } };
    const forTypes = Object.entries(tsconfig.compilerOptions.paths).map(([alias, [target]]) => [alias.replace(/\*$/, ''), path.resolve(target!.replace(/\*$/, '')) + path.sep]);
    expect(forTypes).toEqual(Object.entries(ALIASES));
  });

  it('are not used in src/, which is compiled to lib/ and run by Node (it knows no aliases)', () => {
    const using = files('src').filter((f) => /from '@(src|site)\//.test(readFileSync(f, 'utf8')));
    expect(using).toEqual([]);
  });
});
