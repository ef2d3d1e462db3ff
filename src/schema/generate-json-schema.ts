// Writes the generated JSON Schemas into schemas/ and the editor snippets into .vscode/ (run `npm run schemas` after changing a zod schema).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { jsonSchemas } from './json-schemas.js';
import { vscodeSnippets } from './vscode-snippets.js';

const schemasDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../schemas');
for (const [name, text] of Object.entries(jsonSchemas())) {
  writeFileSync(path.join(schemasDir, name), text);
  console.log(`skrev schemas/${name}`);
}
writeFileSync(path.join(schemasDir, '..', '.vscode', 'sparbar.code-snippets'), vscodeSnippets());
console.log('skrev .vscode/sparbar.code-snippets');
