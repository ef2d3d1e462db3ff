// Who adopted a policy or plan: its organisations (a plan's `organisation` or `organisationer`, a policy's
// `organisationer`) and each one's decision in `beslut`. Checks what one file can say about them on its own: a plan
// names its organisations once, no organisation twice, and every decision is an adopter's.
import type { AdoptionDecision } from '../../schemas/adoption.js';
import type { PlanFile, PolicyFile } from '../../schemas/plan-files.js';
import type { MessageSink } from '../messages/report.js';
import { locate, type YamlPath } from '../parse/yaml-frontmatter.js';
import { closest, quoteList } from '../util/suggest.js';
import type { ValidFile } from './validate-file.js';

/** An adopter's id and where it is written in the file. */
export interface AdopterPath {
  id: string;
  path: YamlPath;
}

/** A policy's or plan's organisations in the order written, each with its path in the frontmatter. */
export function adopterPaths(vf: { typ: 'policy'; value: PolicyFile } | { typ: 'plan'; value: PlanFile } | ValidFile): AdopterPath[] {
  if (vf.typ !== 'policy' && vf.typ !== 'plan') return [];
  const v = vf.value as PolicyFile | PlanFile;
  const list = v.organisationer;
  if (list !== undefined) return list.map((id, i) => ({ id, path: ['organisationer', i] }));
  return 'organisation' in v && v.organisation !== undefined ? [{ id: v.organisation, path: ['organisation'] }] : [];
}

/**
 * One organisation's adoption of a document: its decision in `beslut` where there is one, the document's own
 * `antagen_av` and `antagen` where the decision does not give them. `own` says whether a `beslut` entry exists.
 */
export interface Adoption {
  organisation: string;
  antagen_av?: string;
  antagen?: string;
  paragraf?: string;
  diarienummer?: string;
  /** Index of the organisation's entry in `beslut`, or null when it has none. */
  entry: number | null;
}

/**
 * Each adopter's adoption, in the order of the document's organisations: the `beslut` entry of that organisation,
 * with the document's `antagen_av` and `antagen` filling what the entry leaves out. `fields` are a policy's or
 * plan's node fields (or file value); `organisations` its adopters' ids.
 */
export function adoptionsOf(fields: { antagen_av?: string | undefined; antagen?: string | undefined; beslut?: readonly AdoptionDecision[] | undefined }, organisations: readonly string[]): Adoption[] {
  const entries = fields.beslut ?? [];
  return organisations.map((organisation) => {
    const i = entries.findIndex((b) => b.organisation === organisation);
    const b = i < 0 ? undefined : entries[i]!;
    const a: Adoption = { organisation, entry: i < 0 ? null : i };
    const by = b?.antagen_av ?? fields.antagen_av;
    const date = b?.antagen ?? fields.antagen;
    if (by !== undefined) a.antagen_av = by;
    if (date !== undefined) a.antagen = date;
    if (b?.paragraf !== undefined) a.paragraf = b.paragraf;
    if (b?.diarienummer !== undefined) a.diarienummer = b.diarienummer;
    return a;
  });
}

/**
 * Reports, for a valid policy or plan file: a plan with neither `organisation` nor `organisationer`, or with both
 * (missing-key, invalid-value); an organisation written twice in `organisationer` or given two decisions in `beslut`
 * (invalid-value); a decision for an organisation that is not one of the document's (unknown-reference, with the
 * closest adopter as suggestion). Unknown organisation ids among the adopters are reported where links resolve.
 */
export function checkAdopters(vf: ValidFile, sink: MessageSink): void {
  if (vf.typ !== 'policy' && vf.typ !== 'plan') return;
  const at = (path: YamlPath) => ({ file: vf.file.path, ...locate(vf.file.parsed, path) });
  const what = vf.typ === 'policy' ? 'policyn' : 'planen';
  if (vf.typ === 'plan') {
    const { organisation, organisationer } = vf.value;
    if (organisation === undefined && organisationer === undefined) {
      sink.report('missing-key', `Planen saknar "organisation". Skriv organisation: med organisationens id, eller organisationer: [aby, bby] när flera organisationer har antagit planen.`, at(['id']), {
        expected: ['organisation', 'organisationer'],
      });
    } else if (organisation !== undefined && organisationer !== undefined) {
      sink.report('invalid-value', `Planen har både "organisation" och "organisationer". Skriv en av dem: organisation för en organisation, organisationer för flera.`, at(['organisationer']));
    }
  }
  const adopters = adopterPaths(vf);
  const seen = new Set<string>();
  for (const a of adopters) {
    if (seen.has(a.id)) sink.report('invalid-value', `Organisationen "${a.id}" står två gånger i "organisationer". Ta bort den ena.`, at(a.path), { actual: a.id });
    seen.add(a.id);
  }
  const decided = new Set<string>();
  (vf.value.beslut ?? []).forEach((b, i) => {
    const path: YamlPath = ['beslut', i, 'organisation'];
    if (!seen.has(b.organisation)) {
      const hit = closest(b.organisation, seen);
      sink.report(
        'unknown-reference',
        `Beslutet gäller "${b.organisation}", som inte är en av ${what}s organisationer (${quoteList([...seen])}).` +
          (hit ? ` Menade du "${hit}"?` : ` Lägg till organisationen i "organisationer", eller rätta id:t.`),
        at(path),
        hit ? { actual: b.organisation, expected: [hit] } : { actual: b.organisation },
      );
    } else if (decided.has(b.organisation)) {
      sink.report('invalid-value', `Organisationen "${b.organisation}" har redan ett beslut i "beslut". Skriv ett beslut per organisation.`, at(path), { actual: b.organisation });
    }
    decided.add(b.organisation);
  });
}
