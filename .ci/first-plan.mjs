// The complete example of docs/din-forsta-plan.md as files: each code block that follows a line
// "Fil: `<path>`" is that file. Used by test/first-plan.test.ts and by .ci/install-from-tarball.sh.
// Run as `node .ci/first-plan.mjs <guide> <folder>` to write the files into <folder>.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The files of the guide's example, in the order written.
 * @param {string} markdown the guide
 * @returns {{ path: string, text: string }[]}
 */
export function firstPlanFiles(markdown) {
  return [...markdown.matchAll(/^Fil: `([^`]+)`\n\n```[a-z]*\n([\s\S]*?)^```$/gm)].map((m) => ({ path: m[1], text: m[2] }));
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const [guide, folder] = process.argv.slice(2);
  if (!guide || !folder) {
    console.error('Användning: node .ci/first-plan.mjs <guide> <mapp>');
    process.exit(2);
  }
  const files = firstPlanFiles(readFileSync(guide, 'utf8'));
  if (files.length === 0) {
    console.error(`${guide} har inga filer (rader "Fil: \`…\`" före ett kodblock).`);
    process.exit(1);
  }
  for (const file of files) {
    const target = path.join(folder, file.path);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, file.text);
    console.log(file.path);
  }
}
