// Writes the generated JSON Schemas into schemas/ (run with `npm run schemas` after changing a zod schema).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { jsonSchemas } from './json-schemas.js';

const schemasDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../schemas');
for (const [name, text] of Object.entries(jsonSchemas())) {
  writeFileSync(path.join(schemasDir, name), text);
  console.log(`skrev schemas/${name}`);
}
