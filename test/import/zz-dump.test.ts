import { it } from 'vitest';
import { readPdf } from '../../src/import/read-pdf.js';
import { toPdf } from './render.js';
import { POLICY_AND_PLAN } from './shapes.js';
it('dump', async () => {
  const r = await readPdf(await toPdf(POLICY_AND_PLAN, { header: 'x' }));
  for (const l of r.lines) if (l.size! < 9) console.log(l.origin.page, l.origin.line, Math.round(l.x), l.size, JSON.stringify(l.text), l.cells ? JSON.stringify(l.cells) : '');
});
