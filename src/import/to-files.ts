// The recognised document as plan files: an organisation file per adopter, policy/policy.md (areas and
// principles inline), plan/plan.md, plan/mal/M1.md … (focus areas inline) and plan/aktiviteter/A01.md …,
// frontmatter written by the yaml package so every title round-trips exactly. A fact the document does not
// give is left out and listed as missing; nothing is filled in.
import { Document, isMap, isScalar, isSeq, visit } from 'yaml';
import { SCHEMA_BY_TYPE } from '../../schemas/plan-files.js';
import { slugify } from '../util/slug.js';
import { findMoney } from './facts.js';
import type { ImportedAction, ImportedGoal, ImportResult, ImportedPolicy, ImportedPlan, Placed, TextSection } from './model.js';
import type { Origin } from './source-lines.js';
import type { NewFile } from './write-folder.js';

export interface ImportOptions {
  /**
   * An organisation that exists already in the plans (its id); no organisation file is written. When it is one
   * of the adopters the document names (a document shared by several), every adopter's file is written and
   * this one alone is the plan's organisation (without it a shared plan names them all in organisationer).
   */
  organisation?: string;
  /** A policy that exists already (its id), for a plan document without its policy. */
  policy?: string;
}

/** A fact the format wants that the document does not give. */
export interface MissingFact {
  file: string;
  node: string;
  key: string;
  what: string;
  /** True when `check` reports it as an error today (a required key); false when a warning. */
  required: boolean;
}

export interface WrittenNode {
  id: string;
  type: string;
  title: string;
  file: string;
  origin: Origin;
}

export interface PlannedImport {
  files: NewFile[];
  nodes: WrittenNode[];
  missing: MissingFact[];
  /** Things the document says that the format cannot hold yet, and where they were put. */
  notes: { origin: Origin; text: string }[];
  policyId: string | null;
  planId: string | null;
}

/** True when the format requires `key` on files of type `typ` (so a missing value is an error, not a warning). */
export function isRequired(typ: keyof typeof SCHEMA_BY_TYPE, key: string): boolean {
  const shape = (SCHEMA_BY_TYPE[typ] as unknown as { shape: Record<string, { safeParse(v: unknown): { success: boolean } }> }).shape;
  const field = shape[key];
  return field !== undefined && !field.safeParse(undefined).success;
}

const FLOW_KEYS = new Set(['giltighet', 'period', 'budget']);

/** Frontmatter and body as a markdown file; lists of ids and small maps written in flow style like the example plan. */
export function planFile(frontmatter: Record<string, unknown>, body: string): string {
  const doc = new Document(frontmatter);
  visit(doc, {
    Seq(_, node) {
      if (node.items.every((i) => isScalar(i) && /^[^\s,]+$/.test(String(i.value)))) node.flow = true;
    },
    Pair(_, pair) {
      if (isScalar(pair.key) && FLOW_KEYS.has(String(pair.key.value)) && isMap(pair.value)) pair.value.flow = true;
      if (isSeq(pair.value) && pair.value.items.some((i) => !isScalar(i))) pair.value.flow = false;
    },
  });
  const yaml = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  const text = body.trim();
  return `---\n${yaml}---\n${text === '' ? '' : `${text}\n`}`;
}

/** Markdown paragraphs: a paragraph that would read as a heading or a quote is escaped. */
function paragraphs(list: readonly string[]): string {
  return list.map((p) => (/^(#{1,6}\s|>)/.test(p) ? `\\${p}` : p)).join('\n\n');
}

function sectionsText(sections: readonly TextSection[]): string {
  return sections.map((s) => `${s.heading ? `## ${s.heading}\n\n` : ''}${paragraphs(s.paragraphs)}`).join('\n\n');
}

function uniqueId(wanted: string, taken: Set<string>): string {
  let id = wanted;
  for (let n = 2; taken.has(id); n++) id = `${wanted}-${n}`;
  taken.add(id);
  return id;
}

/** Plans the files of an import. */
export function planImport(result: ImportResult, options: ImportOptions = {}): PlannedImport {
  const files: NewFile[] = [];
  const nodes: WrittenNode[] = [];
  const missing: MissingFact[] = [];
  const notes: PlannedImport['notes'] = [];
  const taken = new Set<string>();
  const node = (p: Placed & { id: string; title: string }, type: string, file: string) => nodes.push({ id: p.id, type, title: p.title, file, origin: p.origin });
  const lack = (file: string, nodeName: string, typ: keyof typeof SCHEMA_BY_TYPE, key: string, what: string) => missing.push({ file, node: nodeName, key, what, required: isRequired(typ, key) });

  // Organisations.
  let orgIds: string[] = [];
  const adopter = options.organisation !== undefined && result.organisations.some((o) => o.id === options.organisation);
  if (options.organisation !== undefined && !adopter) orgIds = [options.organisation];
  else {
    for (const o of result.organisations) {
      const id = uniqueId(o.id, taken);
      orgIds.push(id);
      const file = `organisationer/${id}.md`;
      files.push({ path: file, content: planFile({ typ: 'organisation', id, titel: o.title }, '') });
      node({ ...o, id }, 'organisation', file);
    }
  }

  let policyId: string | null = options.policy ?? null;
  const policy: ImportedPolicy | null = result.policy;
  if (policy) {
    policyId = uniqueId(slugify(policy.title, 'policy'), taken);
    const file = 'policy/policy.md';
    const fm: Record<string, unknown> = { typ: 'policy', id: policyId, titel: policy.title };
    const who = `Policyn ${policyId}`;
    if (orgIds.length > 0) fm['organisationer'] = orgIds;
    else lack(file, who, 'policy', 'organisationer', 'vilken eller vilka organisationer som har antagit policyn');
    if (policy.adoptedBy) fm['antagen_av'] = policy.adoptedBy;
    else lack(file, who, 'policy', 'antagen_av', 'vilket organ som antog policyn');
    // Several organisations' decisions on their own dates: each one's in beslut (the organ only where it differs).
    const idOf = new Map(result.organisations.map((o, i) => [o.title, orgIds[i]]));
    const decisions = orgIds.length > 1 && policy.adoptions.length > 1 && policy.adoptions.every((a) => a.organisation !== null && idOf.has(a.organisation)) ? policy.adoptions : [];
    if (policy.adopted) fm['antagen'] = policy.adopted;
    else if (decisions.length > 0) {
      fm['beslut'] = decisions.map((a) => ({
        organisation: idOf.get(a.organisation!)!,
        ...(a.body !== null && a.body !== policy.adoptedBy ? { antagen_av: a.body } : {}),
        ...(a.date !== null ? { antagen: a.date } : {}),
      }));
      for (const o of orgIds.filter((id) => !decisions.some((a) => idOf.get(a.organisation!) === id))) lack(file, who, 'policy', 'antagen', `datum då ${o} antog policyn`);
    } else lack(file, who, 'policy', 'antagen', 'datum då policyn antogs');
    if (policy.validity) fm['giltighet'] = policy.validity;
    else lack(file, who, 'policy', 'giltighet', 'giltighetstid (från och till)');
    if (policy.owner) fm['ansvarig'] = policy.owner;
    if (policy.caseNumber) fm['diarienummer'] = policy.caseNumber;
    if (policy.areas.length > 0) {
      fm['områden'] = policy.areas.map((a) => ({
        id: a.id,
        titel: a.title,
        ...(a.description.length > 0 ? { beskrivning: a.description.join('\n') } : {}),
        ...(a.principles.length > 0
          ? {
              styrprinciper: a.principles.map((p) => ({
                id: p.id,
                titel: p.title,
                ...(p.subPoints.length > 0 ? { underpunkter: p.subPoints.map((s) => s.text) } : {}),
                ...(p.body.length > 0 ? { beskrivning: p.body.join('\n\n') } : {}),
              })),
            }
          : {}),
      }));
    } else lack(file, who, 'policy', 'områden', 'strategiska områden med styrprinciper');
    if (policy.adoptions.length > 1 && decisions.length === 0) notes.push({ origin: policy.adoptions[0]!.origin, text: `Policyn antogs i ${policy.adoptions.length} beslut: ${policy.adoptions.map((a) => [a.organisation, a.body, a.date].filter(Boolean).join(' ')).join('; ')}. Skriv varje organisations beslut under "beslut" i policyn.` });
    files.push({ path: file, content: planFile(fm, sectionsText(policy.sections)) });
    nodes.push({ id: policyId, type: 'policy', title: policy.title, file, origin: policy.origin });
    for (const a of policy.areas) {
      node(a, 'område', file);
      for (const p of a.principles) node(p, 'styrprincip', file);
    }
  }

  let planId: string | null = null;
  const plan: ImportedPlan | null = result.plan;
  if (plan) {
    planId = uniqueId(slugify(plan.title, 'plan'), taken);
    const file = 'plan/plan.md';
    const who = `Planen ${planId}`;
    const fm: Record<string, unknown> = { typ: 'plan', id: planId, titel: plan.title };
    if (adopter) fm['organisation'] = options.organisation;
    else if (orgIds.length === 1) fm['organisation'] = orgIds[0];
    else if (orgIds.length > 1) fm['organisationer'] = orgIds;
    else lack(file, who, 'plan', 'organisation', 'organisationen som planen gäller');
    if (policyId) fm['policy'] = policyId;
    else lack(file, who, 'plan', 'policy', 'policyn som planen förverkligar (importera den, eller ange --policy <id>)');
    if (plan.adoptedBy) fm['antagen_av'] = plan.adoptedBy;
    else lack(file, who, 'plan', 'antagen_av', 'vilket organ som antog planen');
    if (plan.adopted) fm['antagen'] = plan.adopted;
    else lack(file, who, 'plan', 'antagen', 'datum då planen antogs');
    if (plan.period) fm['period'] = plan.period;
    else lack(file, who, 'plan', 'period', 'planperiod (från och till år)');
    if (plan.caseNumber) fm['diarienummer'] = plan.caseNumber;
    if (plan.revisions.length > 0) fm['revideringar'] = plan.revisions;
    files.push({ path: file, content: planFile(fm, sectionsText(plan.sections)) });
    nodes.push({ id: planId, type: 'plan', title: plan.title, file, origin: plan.origin });
    for (const goal of plan.goals) files.push(goalFile(goal, node, lack, notes));
    for (const action of plan.actions) files.push(actionFile(action, node, lack, notes));
    for (const s of plan.successFactors) notes.push({ origin: s.origin, text: `Framgångsfaktor ${s.id} "${s.title}" står i planens brödtext; formatet har ännu inga noder för framgångsfaktorer.` });
  }
  if (policy) {
    for (const e of policy.effects) notes.push({ origin: e.origin, text: `Effekt ${e.id} "${e.title}" står i policyns brödtext; formatet har ännu inga noder för effekter.` });
  }
  return { files, nodes, missing, notes, policyId, planId };
}

type NodeFn = (p: Placed & { id: string; title: string }, type: string, file: string) => void;
type LackFn = (file: string, node: string, typ: keyof typeof SCHEMA_BY_TYPE, key: string, what: string) => void;

function goalFile(goal: ImportedGoal, node: NodeFn, lack: LackFn, notes: PlannedImport['notes']): NewFile {
  const file = `plan/mal/${goal.id}.md`;
  const who = `Målet ${goal.id}`;
  const fm: Record<string, unknown> = { typ: 'mål', id: goal.id, titel: goal.title };
  if (goal.principles.length > 0) fm['styrprinciper'] = goal.principles;
  // A goal written under an area of a policy without principles realises that area.
  if (goal.areas.length > 0) fm['områden'] = goal.areas;
  if (goal.expectedResult) fm['förväntat_resultat'] = goal.expectedResult;
  else lack(file, who, 'mål', 'förväntat_resultat', 'förväntat resultat');
  if (goal.targetYear !== null) fm['målår'] = goal.targetYear;
  else lack(file, who, 'mål', 'målår', 'målår');
  if (goal.owner) fm['ansvarig'] = goal.owner;
  if (goal.focusAreas.length > 0) fm['fokusområden'] = goal.focusAreas.map((f) => ({ id: f.id, titel: f.title, ...(f.description ? { beskrivning: f.description } : {}) }));
  const money = findMoney(goal.body.join(' '));
  if (money) notes.push({ origin: goal.origin, text: `Målet ${goal.id} nämner pengar (${money.text}); beloppet står i målets brödtext, eftersom formatet ännu inte har budget för mål.` });
  node(goal, 'mål', file);
  for (const f of goal.focusAreas) node(f, 'fokusområde', file);
  return { path: file, content: planFile(fm, paragraphs(goal.body)) };
}

/**
 * Why a fact the document gives ("Klart: Q4 2026") was kept as body text: it is no date (or one the calendar
 * lacks, "2025-02-30"), no amount, no status word.
 */
function keptNote(note: string): string {
  const m = /^(Klart|Start|Budget|Status): (.*)$/.exec(note);
  if (!m) return `"${note}" står i aktivitetens brödtext.`;
  const [, label, value] = m as unknown as [string, string, string];
  const reason =
    label === 'Budget'
      ? 'inget belopp'
      : label === 'Status'
        ? 'inget av formatets statusord (ej påbörjad, pågår, klar, försenad, pausad, avbruten)'
        : /^\d{4}-\d{2}-\d{2}$/.test(value)
          ? 'ett datum som inte finns i kalendern'
          : 'inget datum (ÅÅÅÅ-MM-DD)';
  const key = label === 'Klart' ? 'slut' : label === 'Start' ? 'start' : label === 'Budget' ? 'budget' : 'status';
  return `"${note}" är ${reason}; det står i aktivitetens brödtext, och ${key} är inte ifyllt.`;
}

function actionFile(action: ImportedAction, node: NodeFn, lack: LackFn, notes: PlannedImport['notes']): NewFile {
  const file = `plan/aktiviteter/${action.id}.md`;
  const who = `Aktiviteten ${action.id}`;
  for (const note of action.notes) notes.push({ origin: action.origin, text: `${who}: ${keptNote(note)}` });
  const fm: Record<string, unknown> = { typ: 'aktivitet', id: action.id, titel: action.title };
  if (action.contributesTo.length > 0) fm['bidrar_till'] = action.contributesTo;
  else lack(file, who, 'aktivitet', 'bidrar_till', 'vilket mål eller fokusområde aktiviteten bidrar till');
  if (action.owner) fm['ansvarig'] = action.owner;
  else lack(file, who, 'aktivitet', 'ansvarig', 'ansvarig');
  if (action.start) fm['start'] = action.start;
  if (action.end) fm['slut'] = action.end;
  else lack(file, who, 'aktivitet', 'slut', 'slutdatum');
  if (action.status) fm['status'] = action.status;
  const body = [...action.body, ...action.notes];
  if (action.budget) {
    // Money whose kind (investering, drift) the document does not say is written without it, and listed.
    const b = action.budget;
    fm['budget'] = { belopp: b.belopp, enhet: b.enhet, ...(b.slag ? { slag: b.slag } : {}), ...(b.år !== undefined ? { år: b.år } : {}) };
    if (!b.slag) lack(file, who, 'aktivitet', 'budget.slag', `om ${b.text} är investering eller drift`);
  }
  node(action, 'aktivitet', file);
  return { path: file, content: planFile(fm, paragraphs(body)) };
}
