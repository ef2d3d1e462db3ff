import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BODY_KEY, ORIGINAL_KEY, readForForm, writeFromForm, type EditorFormat } from '../../src/editor/frontmatter-edit.js';
import { snapshotTree } from '../helpers/tree.js';

const format: EditorFormat = {
  order: {
    uppföljning: ['typ', 'avser', 'period', 'id', 'titel', 'bedömning', 'prognos', 'status', 'utfall', 'författare', 'datum'],
    aktivitet: ['typ', 'id', 'titel', 'bidrar_till', 'ansvarig', 'start', 'slut', 'status', 'budget', 'diarienummer', 'beroenden'],
  },
  records: { indikator: [{ path: 'målvärden', key: 'år', value: 'värde' }, { path: 'utfall', key: 'år', value: 'värde' }] },
};

/** Reads `raw` as the form does, applies `change` to the data and writes it back. */
function edit(raw: string, change: (data: Record<string, unknown>) => void): string {
  const data = readForForm(raw, format);
  change(data);
  return writeFromForm(structuredClone(data), format);
}

const followUp = '---\ntyp: uppföljning\navser: A14\nperiod: 2026-08\nstatus: klar\nförfattare: Jonas Ek, IT-chef\ndatum: 2026-08-13\n---\nAlla 89 byggnader har nytt trådlöst nät.\n';

describe('readForForm and writeFromForm', () => {
  it('gives the frontmatter values, the body and the original', () => {
    const data = readForForm(followUp, format);
    expect(data).toEqual({ typ: 'uppföljning', avser: 'A14', period: '2026-08', status: 'klar', författare: 'Jonas Ek, IT-chef', datum: '2026-08-13', [BODY_KEY]: 'Alla 89 byggnader har nytt trådlöst nät.\n', [ORIGINAL_KEY]: followUp });
  });

  it('writes every file of the example plan back byte for byte when nothing was edited', () => {
    const files = Object.keys(snapshotTree('plans')).filter((f) => f.endsWith('.md')).map((f) => `plans/${f}`);
    expect(files.length).toBeGreaterThan(200);
    for (const file of files) {
      const raw = readFileSync(file, 'utf8');
      expect(edit(raw, () => {}), file).toBe(raw);
    }
  });

  it('changes any one value of any example file alone: the file reads back with that change and every other line as it was', () => {
    const files = Object.keys(snapshotTree('plans')).filter((f) => f.endsWith('.md')).map((f) => `plans/${f}`);
    let edits = 0;
    for (const file of files) {
      const raw = readFileSync(file, 'utf8');
      const data = readForForm(raw, format);
      for (const [key, value] of Object.entries(data)) {
        if (key === ORIGINAL_KEY || key === 'typ' || (typeof value !== 'string' && typeof value !== 'number')) continue;
        const next = typeof value === 'number' ? value + 1 : `${value.trimEnd()} ändrad`;
        const out = edit(raw, (d) => (d[key] = next));
        const back = readForForm(out, format);
        expect({ ...back, [ORIGINAL_KEY]: null }, `${file} ${key}`).toEqual({ ...data, [key]: key === BODY_KEY ? `${next}\n` : next, [ORIGINAL_KEY]: null });
        const changed = out.split('\n').filter((line) => !raw.split('\n').includes(line));
        if (key !== BODY_KEY && typeof value === 'string' && !value.includes('\n')) expect(changed.length, `${file} ${key}`).toBeLessThanOrEqual(String(next).length > 70 ? 3 : 1);
        edits++;
      }
    }
    expect(edits).toBeGreaterThan(1000);
  });

  it('changes only the edited value, keeping comments, quoting and the rest of the line', () => {
    const raw = '---\n# Rubrik\ntyp: aktivitet\nid: A1\ntitel: "Ett: kolon"\nbidrar_till: [FO1]   # fokusområden\nstatus: pågår  # ändras i uppföljningen\nslut: 2025-12-31\n---\nText.\n';
    expect(edit(raw, (d) => (d['status'] = 'klar'))).toBe(raw.replace('status: pågår', 'status: klar'));
    expect(edit(raw, (d) => (d['titel'] = 'Ett: annat'))).toBe(raw.replace('"Ett: kolon"', '"Ett: annat"'));
    expect(edit(raw, (d) => (d['bidrar_till'] = ['FO1', 'FO2.3']))).toBe(raw.replace('[FO1]', '[FO1, FO2.3]'));
  });

  it('keeps CRLF line endings and the byte-order mark', () => {
    const raw = '\uFEFF' + followUp.replace(/\n/g, '\r\n');
    expect(edit(raw, (d) => (d['status'] = 'pågår'))).toBe(raw.replace('status: klar', 'status: pågår'));
    expect(edit(raw, (d) => (d[BODY_KEY] = 'Ny text.'))).toBe(raw.replace('Alla 89 byggnader har nytt trådlöst nät.', 'Ny text.'));
  });

  it('removes an emptied key and adds a new one after the key before it in schema order', () => {
    expect(edit(followUp, (d) => (d['datum'] = ''))).toBe(followUp.replace('datum: 2026-08-13\n', ''));
    const noDate = followUp.replace('datum: 2026-08-13\n', '');
    expect(edit(noDate, (d) => (d['datum'] = '2026-08-20'))).toBe(followUp.replace('2026-08-13', '2026-08-20'));
    expect(edit(followUp, (d) => (d['titel'] = 'Kort rubrik'))).toBe(followUp.replace('period: 2026-08\n', 'period: 2026-08\ntitel: Kort rubrik\n'));
  });

  it('edits inside a block map and a block list, keeping the other lines', () => {
    const raw = '---\ntyp: aktivitet\nid: A14\ntitel: Nät\nbidrar_till:\n  - FO4.1 # nät\n  - FO4.2\nbudget:\n  belopp: 6\n  enhet: Mkr\n  slag: investering\n---\n';
    expect(edit(raw, (d) => ((d['budget'] as Record<string, unknown>)['belopp'] = 6.5))).toBe(raw.replace('belopp: 6', 'belopp: 6.5'));
    expect(edit(raw, (d) => (d['bidrar_till'] = ['FO4.1', 'FO4.3']))).toBe(raw.replace('  - FO4.2', '  - FO4.3'));
    expect(edit(raw, (d) => (d['bidrar_till'] = ['FO4.1', 'FO4.2', 'M4']))).toBe(raw.replace('  - FO4.2\n', '  - FO4.2\n  - M4\n'));
    expect(edit(raw, (d) => (d['bidrar_till'] = ['FO4.2']))).toBe(raw.replace('  - FO4.1 # nät\n  - FO4.2\n', '  - FO4.2\n'));
  });

  it('shows per-year maps as lists of pairs and writes them back as maps in the old style', () => {
    const raw = '---\ntyp: indikator\nid: I2\ntitel: T\nenhet: "%"\nriktning: högre\nkälla: egen\nmålvärden: { 2025: 99.7, 2026: 99.8 }\nutfall:\n  2023: 99.3\n  2024: 99.5\n---\n';
    const data = readForForm(raw, format);
    expect(data['utfall']).toEqual([{ år: 2023, värde: 99.3 }, { år: 2024, värde: 99.5 }]);
    expect(edit(raw, (d) => (d['utfall'] as unknown[]).push({ år: 2025, värde: 99.6 }))).toBe(raw.replace('  2024: 99.5\n', '  2024: 99.5\n  2025: 99.6\n'));
    expect(edit(raw, (d) => ((d['målvärden'] as { värde: number }[])[1]!.värde = 99.9))).toBe(raw.replace('{ 2025: 99.7, 2026: 99.8 }', '{2025: 99.7, 2026: 99.9}'));
  });

  it('keeps a folded text untouched when another key changes, and writes a changed one in the same style', () => {
    const raw = readFileSync('plans/ekby/plan-2024-2027/mal/M1.md', 'utf8');
    expect(edit(raw, (d) => (d['målår'] = 2028))).toBe(raw.replace('målår: 2027', 'målår: 2028'));
    const out = edit(raw, (d) => (d['förväntat_resultat'] = 'Kortare resultat.'));
    expect(out).toBe(raw.replace(/förväntat_resultat: >-\n(?: {2}.*\n)+/, 'förväntat_resultat: >-\n  Kortare resultat.\n'));
  });

  it("hides an unfilled follow-up's comments in the form, keeps them until text is written, then drops them", () => {
    const raw = '---\ntyp: uppföljning\navser: A19\nperiod: 2027-08\n# Välj: pågår, klar.\nstatus: pågår\nförfattare: IT-enheten\n---\n\n<!-- sparbar: ej ifylld. Skriv analysen för 2027-08 här och ta bort den här kommentaren. -->\n\n<!-- Texten från 2026-08:\n\nGammal text.\n-->\n';
    expect(readForForm(raw, format)[BODY_KEY]).toBeUndefined();
    expect(edit(raw, (d) => (d['status'] = 'klar'))).toBe(raw.replace('status: pågår', 'status: klar'));
    expect(edit(raw, (d) => (d[BODY_KEY] = 'Bytet är klart.\n'))).toBe(raw.replace(/---\n\n<!--[\s\S]*$/, '---\n\nBytet är klart.\n'));
  });

  it('writes a new file in schema order', () => {
    const out = writeFromForm({ författare: 'IT-enheten', status: 'pågår', typ: 'uppföljning', avser: 'A1', period: '2026-08', [BODY_KEY]: 'Text' }, format);
    expect(out).toBe('---\ntyp: uppföljning\navser: A1\nperiod: 2026-08\nstatus: pågår\nförfattare: IT-enheten\n---\nText\n');
  });
});
