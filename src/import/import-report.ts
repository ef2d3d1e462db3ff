// importrapport.md: what the importer did, for the person who reads the result before committing it. What
// is missing (the facts the format wants and the document does not give), where the importer was unsure
// (with the alternatives), every node with the page and line it came from, the passages kept as plain text,
// and the repairs made to the extracted text.
import type { ImportResult } from './model.js';
import { describeOrigin, type Repair } from './source-lines.js';
import type { PlannedImport } from './to-files.js';

const KIND = { pdf: 'PDF', docx: 'Word', text: 'text' } as const;
const TYPE_LABEL: Record<string, string> = {
  organisation: 'Organisation',
  policy: 'Policy',
  område: 'Område',
  styrprincip: 'Styrprincip',
  plan: 'Plan',
  mål: 'Mål',
  fokusområde: 'Fokusområde',
  aktivitet: 'Aktivitet',
};

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
const quote = (s: string) => `"${s.length > 80 ? `${s.slice(0, 77)}…` : s}"`;

function repairLines(repairs: readonly Repair[], where: (r: Repair) => string): string[] {
  const out: string[] = [];
  const removed = repairs.filter((r) => r.kind === 'running-line' || r.kind === 'page-number');
  if (removed.length > 0) {
    const byText = new Map<string, number>();
    for (const r of removed) {
      const shape = r.before.replace(/\d+/g, 'N');
      byText.set(shape, (byText.get(shape) ?? 0) + 1);
    }
    out.push(`- Sidhuvuden, sidfötter och sidnummer borttagna (${removed.length} rader): ${[...byText].map(([t, n]) => `${quote(t)} ×${n}`).join(', ')}.`);
  }
  const characters = repairs.filter((r) => r.kind === 'characters');
  if (characters.length > 0) out.push(`- Ligaturer, hårda mellanslag och osynliga tecken ersatta på ${characters.length} rader.`);
  for (const r of repairs.filter((x) => x.kind === 'hyphenation')) out.push(`- Avstavning ${where(r)}: ${quote(r.before)} → ${quote(r.after)} (${r.reason}).`);
  for (const r of repairs.filter((x) => x.kind === 'split-word')) out.push(`- Delat ord ${where(r)}: ${quote(r.before)} → ${quote(r.after)} (${r.reason}).`);
  return out;
}

/** The report as markdown. `folder` is how the new folder is named to the user. */
export function importReport(result: ImportResult, planned: PlannedImport, folder: string): string {
  const where = (r: { origin: ImportResult['unsure'][number]['origin'] }) => describeOrigin(r.origin, result.source.kind);
  const lines: string[] = [];
  const pages = result.source.pages !== null ? `, ${result.source.pages} ${result.source.pages === 1 ? 'sida' : 'sidor'}` : '';
  lines.push(`# Importrapport: ${result.source.file}`, '');
  lines.push(
    `Spårbar läste ${result.source.file} (${KIND[result.source.kind]}${pages}) och skrev ${planned.files.length} filer i ${folder}: ` +
      `${count(planned, 'styrprincip')} styrprinciper, ${count(planned, 'mål')} mål, ${count(planned, 'fokusområde')} fokusområden och ${count(planned, 'aktivitet')} aktiviteter.`,
    '',
  );
  lines.push('## Nästa steg', '');
  lines.push(`1. Kör \`sparbar check ${folder}\`. Det som står under *Saknas i dokumentet* nedan visas där som fel eller varningar.`);
  lines.push('2. Fyll i det som saknas i filerna (beslutsdatum, ansvarig, slutdatum …) från besluten och handlingarna; hitta inte på något som inte är beslutat.');
  lines.push('3. Gå igenom *Osäkert* och jämför med dokumentet.');
  lines.push('4. Checka in mappen i git (`git add` och `git commit`). Den här rapporten är ingen planfil: läs den och ta bort den sedan.', '');

  lines.push('## Saknas i dokumentet', '');
  if (planned.missing.length === 0) lines.push('Inget: dokumentet ger allt som filformatet frågar efter.', '');
  else {
    lines.push('| Nod | Uppgift | Nyckel | Fil | I `check` |', '| --- | --- | --- | --- | --- |');
    for (const m of planned.missing) lines.push(`| ${cell(m.node)} | ${cell(m.what)} | \`${m.key}\` | ${m.file} | ${m.required ? 'fel' : 'varning'} |`);
    lines.push('');
  }

  const unsureRepairs = result.repairs.filter((r) => r.unsure);
  lines.push('## Osäkert', '');
  if (result.unsure.length === 0 && unsureRepairs.length === 0 && planned.notes.length === 0) lines.push('Inget.', '');
  for (const u of result.unsure) lines.push(`- ${where(u)}: ${u.what}. Valt: ${u.chosen}. Alternativ: ${u.alternatives.join('; ')}.`);
  for (const r of unsureRepairs) lines.push(`- ${where(r)}: ${quote(r.before)} lästes som ${quote(r.after)} (${r.reason}). Alternativ: ${quote(r.before)}.`);
  for (const n of planned.notes) lines.push(`- ${where(n)}: ${n.text}`);
  if (result.unsure.length + unsureRepairs.length + planned.notes.length > 0) lines.push('');

  lines.push('## Noder', '');
  lines.push('| Id | Typ | Titel | Källa | Fil |', '| --- | --- | --- | --- | --- |');
  for (const n of planned.nodes) lines.push(`| ${cell(n.id)} | ${TYPE_LABEL[n.type] ?? n.type} | ${cell(n.title)} | ${where(n)} | ${n.file} |`);
  lines.push('');

  lines.push('## Text som behölls som brödtext', '');
  if (result.kept.length === 0) lines.push('Ingen.', '');
  else {
    for (const k of result.kept) lines.push(`- ${where(k)}: ${quote(k.heading)} → ${k.into === 'policy' ? 'policy/policy.md' : 'plan/plan.md'}`);
    lines.push('');
  }

  lines.push('## Reparationer av texten', '');
  const repairs = repairLines(result.repairs, (r) => where(r));
  if (repairs.length === 0) lines.push('Inga.', '');
  else lines.push(...repairs, '');
  return lines.join('\n');
}

function count(planned: PlannedImport, type: string): number {
  return planned.nodes.filter((n) => n.type === type).length;
}
