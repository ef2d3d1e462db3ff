// Recognises the shapes Swedish plans are written in, from blocks of plain text (see ../shared/domain.md):
// the title page and its facts; a vision and its effects; areas with their principles ("Styrprinciper för
// området:" and bullets) and sub-points (nested bullets); goals (a heading, or "1. IT-styrning — …") with
// a description, "Fokusområden:" and bullets or a table, "Förväntat resultat 2018" and text, the principles
// they realise; actions as table rows or bullets with owner, dates, status and money; current state, target
// state, success factors, responsibility and follow-up kept as body text. Pure: blocks in, model out.
import type { Block } from './blocks.js';
import { findBody, findCaseNumber, findDate, findDates, findMoney, findYearSpan, readStatus } from './facts.js';
import {
  ACTIONS_LABEL,
  AREA_PRINCIPLES_LABEL,
  FOCUS_LABEL,
  GOALS_LABEL,
  OWNER_LABEL,
  POLICY_LABEL,
  REALISES_LABEL,
  RESULT_LABEL,
  TARGET_YEAR_LABEL,
  headingWords,
  sectionOf,
  type SectionKind,
} from './labels.js';
import type {
  Adoption,
  ImportedAction,
  ImportedArea,
  ImportedGoal,
  ImportedItem,
  ImportedOrganisation,
  ImportedPlan,
  ImportedPolicy,
  ImportedPrinciple,
  Recognised,
  TextSection,
  Unsure,
} from './model.js';
import type { Origin } from './source-lines.js';
import { slugify } from '../util/slug.js';

type Mode = 'none' | 'area-principles' | 'focus' | 'result' | 'goals-in-area' | 'actions' | 'principle-body';

/** Ids the document writes itself: SP3, M2, FO2.3, A05, O1 (and "Mål 2", "Styrprincip 3", "Område 1"). */
const OWN_ID = /^(SP\d+(?:\.[a-z])?|M\d+|FO\d+\.\d+|A\d+|O\d+|E\d+|KF\d+)\s+(?:[–—:-]\s*)?(?=\S)/u;
const NAMED_NUMBER = /^(styrprincip|princip|mål|område|strategiskt område|fokusområde|aktivitet)\s+(\d+(?:\.\d+)?)\s*[:.–—-]?\s+(?=\S)/iu;
const NUMBERED = /^(\d{1,2})[.)]\s+(?=\S)/;

function ownId(text: string): { id: string; rest: string } | null {
  const m = OWN_ID.exec(text);
  return m ? { id: m[1]!, rest: text.slice(m[0].length).trim() } : null;
}

/** A goal line "1. IT-styrning — description" or "IT-styrning: description": title and description. */
function splitTitle(text: string): { title: string; description: string | null } {
  for (const sep of [' — ', ' – ', ': ']) {
    const at = text.indexOf(sep);
    if (at > 0 && at <= 90) return { title: text.slice(0, at).trim(), description: text.slice(at + sep.length).trim() || null };
  }
  return { title: text.replace(/[.:]$/, '').trim(), description: null };
}

/** Principle references: "SP7, SP8 och SP10", or numbers "1, 4 och 7" → SP1, SP4, SP7. */
export function principleRefs(text: string): string[] {
  const ids = [...text.matchAll(/\bSP\s?(\d+)\b/g)].map((m) => `SP${m[1]}`);
  if (ids.length > 0) return [...new Set(ids)];
  return [...new Set([...text.matchAll(/\b(\d{1,2})\b/g)].map((m) => `SP${m[1]}`))];
}

/** An action table's column of what each action contributes to: "Bidrar till", "Koppling till mål", "Mål". */
const LINK_COLUMN = /bidrar|fokusområde|koppl|(?<!\p{L})(?:del)?mål(?:et|en)?(?!\p{L})/iu;

/** Ids of focus areas or goals referred to: "FO2.1, FO2.2", "M1". */
function nodeRefs(text: string): string[] {
  return [...new Set([...text.matchAll(/\b(FO\d+\.\d+|M\d+)\b/g)].map((m) => m[1]!))];
}

const ORGANISATION = /(?<![\p{L}\d])(\p{Lu}[\p{L}-]+(?:\s\p{Lu}[\p{L}-]+)?)\s+(kommun|kommunalförbund|region)(?![\p{L}])/u;
const SEVERAL = /(?<![\p{L}\d])((?:\p{Lu}[\p{L}-]+,\s*)+\p{Lu}[\p{L}-]+\s+och\s+\p{Lu}[\p{L}-]+)s?\s+kommuner(?![\p{L}])/u;

/** Organisations a text names: "Ekby kommun"; "Aby, Bby och Cby kommuner" gives three. */
export function organisationsIn(text: string): string[] {
  const several = SEVERAL.exec(text);
  if (several) {
    return several[1]!
      .split(/,\s*|\s+och\s+/)
      .map((n) => n.trim())
      .filter((n) => n !== '')
      .map((n) => `${n.replace(/s$/, '')} kommun`);
  }
  const one = ORGANISATION.exec(text);
  return one ? [`${one[1]} ${one[2]}`] : [];
}

/** The kind of document, as a title page prints it under or over the title. */
const DOCUMENT_KIND = /^(strategisk plan|policy|plan|strategi|handlingsplan|riktlinjer?|program|styrdokument)$/i;

interface State {
  section: SectionKind | 'front' | 'other';
  sectionLevel: number;
  mode: Mode;
  area: ImportedArea | null;
  areaLevel: number;
  principle: ImportedPrinciple | null;
  goal: ImportedGoal | null;
  goalLevel: number;
  text: TextSection | null;
  actionsYear: string | null;
  actionsDone: boolean;
  tableHeader: string[] | null;
}

/** Recognises a document from its blocks. */
export function recognise(blocks: readonly Block[]): Recognised {
  const unsure: Unsure[] = [];
  /** Action table cells naming what the action contributes to, read when the whole document has been. */
  const links: { action: ImportedAction; text: string; column: string; origin: Origin }[] = [];
  const kept: Recognised['kept'] = [];
  const areas: ImportedArea[] = [];
  const goals: ImportedGoal[] = [];
  const actions: ImportedAction[] = [];
  const effects: ImportedItem[] = [];
  const successFactors: ImportedItem[] = [];
  const revisions: ImportedPlan['revisions'] = [];
  const sections: { kind: SectionKind | 'other' | 'front'; section: TextSection }[] = [];
  const adoptions: Adoption[] = [];
  let policyTitle: string | null = null;
  let policyOwner: string | null = null;
  let validity: ImportedPolicy['validity'] = null;
  let period: ImportedPlan['period'] = null;
  let caseNumber: string | null = null;
  let selfNamedGoals = 0;
  const orgNames: { name: string; origin: Origin }[] = [];

  const first = blocks[0];
  // The title: a heading the format marks as the title, else the largest heading among the first blocks
  // (the title page), else the first line.
  const opening = blocks.slice(0, 12).filter((b) => b.kind === 'heading');
  const largest = opening.reduce<Block | undefined>((best, b) => (best === undefined || b.level < best.level ? b : best), undefined);
  const titleBlock = blocks.find((b) => b.kind === 'heading' && b.level === 0) ?? largest ?? first;
  const title = titleBlock ? titleBlock.text.trim() : 'Importerat dokument';
  const origin0: Origin = titleBlock?.origin ?? { page: null, line: 1 };

  const st: State = { section: 'front', sectionLevel: 0, mode: 'none', area: null, areaLevel: 0, principle: null, goal: null, goalLevel: 0, text: null, actionsYear: null, actionsDone: false, tableHeader: null };

  const openText = (kind: SectionKind | 'other' | 'front', heading: string | null, origin: Origin) => {
    st.text = { heading, paragraphs: [], origin };
    sections.push({ kind, section: st.text });
  };
  const keep = (paragraph: string, origin: Origin) => {
    if (!st.text) openText(st.section, null, origin);
    st.text!.paragraphs.push(paragraph);
  };

  const newArea = (id: string | null, titleText: string, origin: Origin, level: number) => {
    const area: ImportedArea = { id: id ?? `O${areas.length + 1}`, title: titleText, description: [], principles: [], origin };
    areas.push(area);
    st.area = area;
    st.areaLevel = level;
    st.principle = null;
    st.goal = null;
    st.mode = 'none';
    return area;
  };
  const currentArea = (origin: Origin): ImportedArea => {
    if (st.area) return st.area;
    const heading = st.text?.heading ?? 'Styrprinciper';
    unsure.push({ origin, what: 'Styrprinciperna står inte under något område', chosen: `ett område med rubriken "${heading}"`, alternatives: ['flytta principerna till rätt område i policy.md'] });
    return newArea(null, heading, origin, st.sectionLevel + 1);
  };
  const newPrinciple = (text: string, origin: Origin) => {
    const area = currentArea(origin);
    const own = ownId(text);
    const named = NAMED_NUMBER.exec(text);
    const numbered = NUMBERED.exec(text);
    const count = areas.reduce((n, a) => n + a.principles.length, 0);
    const id = own?.id.startsWith('SP') ? own.id : named && /princip/i.test(named[1]!) ? `SP${named[2]}` : numbered ? `SP${numbered[1]}` : `SP${count + 1}`;
    const rest = own?.id.startsWith('SP') ? own.rest : named ? text.slice(named[0].length) : numbered ? text.slice(numbered[0].length) : text;
    const p: ImportedPrinciple = { id, title: rest.trim(), subPoints: [], body: [], origin };
    area.principles.push(p);
    st.principle = p;
    return p;
  };
  const findPrinciple = (id: string) => areas.flatMap((a) => a.principles).find((p) => p.id === id) ?? null;

  /**
   * A goal from a heading or a line. `by` says why it is read as a goal: `explicit` (under "Mål:", or a
   * heading with its own actions, which says so itself), `heading` or `line` (it stands among the goals).
   * A goal that does not name itself ("Mål 2", "M2") is listed as unsure when it is a heading, or a line
   * after goals that did name themselves.
   */
  const newGoal = (text: string, origin: Origin, level: number, number: string | null, by: 'explicit' | 'heading' | 'line') => {
    const own = ownId(text);
    const named = NAMED_NUMBER.exec(text);
    const namesItself = own?.id.startsWith('M') || (named !== null && /^mål$/i.test(named[1]!));
    let id = own?.id.startsWith('M') ? own.id : named && /^mål$/i.test(named[1]!) ? `M${named[2]}` : number !== null ? `M${number}` : `M${goals.length + 1}`;
    if (goals.some((g) => g.id === id)) id = `M${goals.length + 1}`;
    const rest = own?.id.startsWith('M') ? own.rest : named && /^mål$/i.test(named[1]!) ? text.slice(named[0].length) : text;
    const { title: t, description } = splitTitle(rest);
    // "Gemensam e-tjänsteplattform senast 2022": a year with "senast", "till" or in brackets is the target year.
    const yearAt = /\s*(?:\(|,\s*)?(?:senast|till|klart|år)\s+((?:19|20|21)\d{2})\)?\.?$|\s*\(((?:19|20|21)\d{2})\)\.?$/i.exec(t);
    const goal: ImportedGoal = {
      id,
      title: yearAt ? t.slice(0, yearAt.index).trim() : t,
      body: description ? [description] : [],
      principles: [],
      areas: st.section === 'principles' && st.area ? [st.area.id] : [],
      focusAreas: [],
      expectedResult: null,
      targetYear: yearAt ? Number(yearAt[1] ?? yearAt[2]) : null,
      owner: null,
      origin,
    };
    goals.push(goal);
    if (namesItself) selfNamedGoals++;
    else if (by === 'heading' || (by === 'line' && selfNamedGoals > 0)) {
      unsure.push({
        origin,
        what: `${by === 'heading' ? 'Rubriken' : 'Raden'} "${text}" lästes som ett mål för att den står bland målen`,
        chosen: `målet ${goal.id}`,
        alternatives: ['brödtext (flytta texten till plan.md och ta bort målfilen)', 'ett fokusområde under målet före'],
      });
    }
    st.goal = goal;
    st.goalLevel = level;
    st.mode = 'none';
    return goal;
  };

  const newFocusArea = (goal: ImportedGoal, text: string, origin: Origin, explicitId?: string, description?: string) => {
    const own = explicitId ? { id: explicitId, rest: text } : ownId(text);
    const id = own?.id.startsWith('FO') ? own.id : `FO${goal.id.replace(/^M/, '')}.${goal.focusAreas.length + 1}`;
    const rest = own?.id.startsWith('FO') ? own.rest : text;
    let t = rest.trim();
    let d: string | null = description?.trim() || null;
    if (d === null && t.length > 100) {
      const split = splitTitle(t);
      if (split.description) {
        t = split.title;
        d = split.description;
      }
    }
    goal.focusAreas.push({ id, title: t.replace(/[.;]$/, ''), description: d, origin });
  };

  /** `linkColumn`: the action's row has a column for what it contributes to, so it never takes the goal above. */
  const newAction = (fields: Partial<ImportedAction> & { title: string }, origin: Origin, linkColumn = false) => {
    const own = ownId(fields.title);
    const id = fields.id ?? (own?.id.startsWith('A') ? own.id : `A${String(actions.length + 1).padStart(2, '0')}`);
    const title = own?.id.startsWith('A') && fields.id === undefined ? own.rest : fields.title;
    const action: ImportedAction = {
      id,
      title: title.trim(),
      contributesTo: fields.contributesTo ?? [],
      owner: fields.owner ?? null,
      start: fields.start ?? null,
      end: fields.end ?? null,
      status: fields.status ?? null,
      budget: fields.budget ?? null,
      notes: fields.notes ?? [],
      body: fields.body ?? [],
      origin,
    };
    if (action.contributesTo.length === 0 && st.goal && !linkColumn) action.contributesTo = [st.goal.id];
    actions.push(action);
    return action;
  };

  /** An action written as a bullet: "Ny e-tjänsteplattform (ansvarig: X, klart 2025-12-31, 4,5 Mkr investering)". */
  const actionFromText = (text: string, origin: Origin) => {
    let t = text;
    const facts: Partial<ImportedAction> = { notes: [] };
    const owner = /(?<![\p{L}])(?:ansvarig|ansvar)\s*:\s*([^,;)]+)/iu.exec(t);
    if (owner) facts.owner = owner[1]!.trim();
    const end = /(?<![\p{L}])(?:klart|klar|slut|senast|färdig)(?![\p{L}])\s*:?\s*([^,;)]+)/iu.exec(t);
    if (end) {
      const date = findDate(end[1]!);
      if (date) facts.end = date;
      else facts.notes!.push(`Klart: ${end[1]!.trim()}`);
    }
    const start = /(?<![\p{L}])(?:start|påbörjas)(?![\p{L}])\s*:?\s*([^,;)]+)/iu.exec(t);
    if (start) {
      const date = findDate(start[1]!);
      if (date) facts.start = date;
      else facts.notes!.push(`Start: ${start[1]!.trim()}`);
    }
    const status = /(?<![\p{L}])status\s*:?\s*([^,;)]+)/iu.exec(t);
    if (status) facts.status = readStatus(status[1]!) ?? null;
    const money = findMoney(t);
    if (money) facts.budget = money;
    // The facts in brackets or after a semicolon leave the title.
    if (owner || end || start || status || money || /\((bidrar|ansvarig|klart?|start|status|budget)/i.test(t)) t = t.replace(/\s*[(;].*$/, '').replace(/\s*,\s*(ansvarig|klart?|start|status).*$/i, '');
    if (st.actionsDone) facts.status = 'klar';
    if (st.actionsYear && !facts.end && !st.actionsDone) facts.notes!.push(`I fokus ${st.actionsYear}`);
    const refs = nodeRefs(text);
    if (refs.length > 0) facts.contributesTo = refs;
    return newAction({ ...facts, title: t.trim().replace(/[.;]$/, '') }, origin);
  };

  /** A table row under a header whose columns name an action's facts. */
  const actionFromRow = (header: string[], cells: string[], origin: Origin) => {
    const col = (re: RegExp) => {
      const i = header.findIndex((h) => re.test(h));
      return i >= 0 ? (cells[i] ?? '').trim() : '';
    };
    const id = col(/^(id|nr|nummer|#)$/i);
    const titleText = col(/^(aktivitet|åtgärd|insats|uppdrag|aktiviteter|åtgärder)$/i) || col(/aktivitet|åtgärd|insats|uppdrag|beskrivning/i);
    if (titleText === '') return;
    // "Bidrar till", "Fokusområde", "Koppling till mål", "Mål" (not "Målgrupp").
    const toColumn = header.findIndex((h) => LINK_COLUMN.test(h));
    const to = toColumn >= 0 ? (cells[toColumn] ?? '').trim() : '';
    const endText = col(/^(slut|klart?|klar senast|färdig|slutdatum|tidplan|när)/i);
    const startText = col(/^(start|startdatum|påbörjas)/i);
    const budgetText = col(/budget|kostnad|medel|finansiering|belopp/i);
    const notes: string[] = [];
    const end = endText ? findDate(endText) : null;
    if (endText && !end) notes.push(`Klart: ${endText}`);
    const start = startText ? findDate(startText) : null;
    if (startText && !start) notes.push(`Start: ${startText}`);
    const budget = budgetText ? findMoney(budgetText) : null;
    if (budgetText && !budget) notes.push(`Budget: ${budgetText}`);
    const statusText = col(/^status/i);
    const status = statusText ? readStatus(statusText) : null;
    if (statusText && !status) notes.push(`Status: ${statusText}`);
    const action = newAction(
      {
        ...(/^A\d+$/.test(id) ? { id } : {}),
        title: titleText,
        owner: col(/ansvar|ägare/i) || null,
        start,
        end,
        status,
        budget,
        notes,
      },
      origin,
      toColumn >= 0,
    );
    // The goals may come after the table: its links are read when the whole document has been.
    if (to !== '') links.push({ action, text: to, column: header[toColumn]!.trim(), origin });
  };

  /**
   * What an action table's link cell names, read against the document's goals and focus areas: ids
   * ("FO2.1", "M1"), the document's own numbers ("3" is goal 3, "1.2" focus area 2 of goal 1), or titles.
   * A number with no such focus area gives its goal, and a cell that names nothing found is no link; both
   * are listed as unsure, never replaced by the nearest goal.
   */
  const readLink = ({ action, text, column, origin }: (typeof links)[number]) => {
    const ids = nodeRefs(text);
    if (ids.length > 0) {
      action.contributesTo = ids;
      return;
    }
    const where = `Aktiviteten ${action.id} bidrar enligt kolumnen "${column}" till "${text}"`;
    const numbers = /^[\d\s.,;&/+]*$/.test(text.replace(/(?<!\p{L})(?:mål|målen|fokusområde|fokusområdena|och)(?!\p{L})/giu, ''));
    const found: string[] = [];
    const missing: string[] = [];
    if (numbers) {
      for (const m of text.matchAll(/(?<![\d.])(\d{1,2})(?:\.(\d{1,2}))?(?![\d])/g)) {
        const goal = goals.find((g) => g.id === `M${m[1]}`);
        const focus = m[2] !== undefined ? goal?.focusAreas.find((f) => f.id === `FO${m[1]}.${m[2]}`) : undefined;
        if (focus) found.push(focus.id);
        else if (goal && m[2] !== undefined) {
          found.push(goal.id);
          unsure.push({ origin, what: `${where}: målet ${goal.id} har inget fokusområde ${m[0]}`, chosen: `målet ${goal.id}`, alternatives: [`lägg till fokusområdet FO${m[1]}.${m[2]} i plan/mal/${goal.id}.md och skriv det i bidrar_till`] });
        } else if (goal) found.push(goal.id);
        else missing.push(m[0]);
      }
    } else found.push(...goals.flatMap((g) => [g, ...g.focusAreas]).filter((n) => text.toLowerCase().includes(n.title.toLowerCase())).map((n) => n.id));
    action.contributesTo = [...new Set(found)];
    if (found.length === 0 || missing.length > 0) {
      unsure.push({
        origin,
        what: `${where}, ${missing.length > 0 ? `men dokumentet har inget mål ${missing.join(', ')}` : 'som inte går att läsa som något av dokumentets mål eller fokusområden'}`,
        chosen: found.length > 0 ? found.join(', ') : 'ingen koppling (bidrar_till saknas i filen)',
        alternatives: [`skriv målet eller fokusområdet i bidrar_till i plan/aktiviteter/${action.id}.md`],
      });
    }
  };

  const frontFacts = (text: string, origin: Origin) => {
    const adopted = /^(?:antagen|antaget|beslutad|beslutat|fastställd|fastställt)(?:\s+av)?\s*:?\s*(.*)$/i.exec(text);
    if (adopted) {
      const body = findBody(adopted[1]!);
      const dates = findDates(adopted[1]!);
      const org = organisationsIn(adopted[1]!);
      adoptions.push({ organisation: org[0] ?? null, body, date: dates[0] ?? null, origin });
      return true;
    }
    const date = /^(?:beslutsdatum|datum för beslut)\s*:?\s*(.*)$/i.exec(text);
    if (date) {
      adoptions.push({ organisation: null, body: null, date: findDate(date[1]!), origin });
      return true;
    }
    const cn = findCaseNumber(text);
    if (cn && /^(diarienummer|dnr|diarienr)/i.test(text)) {
      caseNumber = cn;
      return true;
    }
    const valid = /^(?:giltighet|giltig|gäller|giltighetstid)\s*:?\s*(.*)$/i.exec(text);
    if (valid) {
      const dates = findDates(valid[1]!);
      const years = findYearSpan(valid[1]!);
      if (dates.length >= 2) validity = { från: dates[0]!, till: dates[1]! };
      else if (years) {
        validity = { från: `${years.från}-01-01`, till: `${years.till}-12-31` };
        unsure.push({ origin, what: `Giltigheten anges i år: "${text}"`, chosen: `${validity.från} till ${validity.till}`, alternatives: ['andra datum om beslutet säger det'] });
      }
      return true;
    }
    const per = /^(?:planperiod|period|gäller för)\s*:?\s*(.*)$/i.exec(text);
    if (per) {
      period = findYearSpan(per[1]!) ?? period;
      return true;
    }
    const owner = /^(?:dokumentansvarig|ansvarig|ägare)\s*:?\s*(.+)$/i.exec(text);
    if (owner) {
      policyOwner = owner[1]!.trim();
      return true;
    }
    const pol = POLICY_LABEL.exec(text);
    if (pol) {
      policyTitle = pol[1]!.trim();
      return true;
    }
    return false;
  };

  /** A table of adopters: "Kommun | Beslutande organ | Datum". */
  const adoptionRow = (header: string[], cells: string[], origin: Origin) => {
    const col = (re: RegExp) => {
      const i = header.findIndex((h) => re.test(h));
      return i >= 0 ? (cells[i] ?? '').trim() : '';
    };
    const org = col(/kommun|organisation|medlem/i);
    if (org === '') return;
    adoptions.push({ organisation: /kommun$/.test(org) ? org : `${org} kommun`, body: findBody(col(/organ|beslut|instans/i)) ?? findBody(cells.join(' ')), date: findDate(col(/datum|beslut/i)) ?? findDate(cells.join(' ')), origin });
  };

  const handleHeading = (b: Block) => {
    if (b === titleBlock) return;
    const words = headingWords(b.text);
    if (FOCUS_LABEL.test(words) && st.goal) {
      st.mode = 'focus';
      return;
    }
    const result = RESULT_LABEL.exec(words);
    if (result && st.goal) {
      st.mode = 'result';
      if (result[1]) st.goal.targetYear = Number(result[1]);
      if (result[2]) st.goal.expectedResult = result[2];
      return;
    }
    if (ACTIONS_LABEL.test(words) && st.goal && b.level > st.goalLevel) {
      startActions(words);
      return;
    }
    const kind = sectionOf(b.text);
    const own = ownId(b.text);
    const named = NAMED_NUMBER.exec(b.text);
    if (kind !== null && !(own || named)) {
      // An action plan under a goal is that goal's; one beside the goals section ("4. Handlingsplan" after
      // "3. Mål") belongs to no goal of its own.
      const insideGoal = kind === 'actions' && st.goal !== null && (st.section !== 'goals' && st.section !== 'target' ? b.level > st.goalLevel : b.level > st.sectionLevel);
      st.section = kind;
      st.sectionLevel = b.level;
      st.mode = kind === 'actions' ? 'actions' : 'none';
      st.actionsYear = null;
      st.actionsDone = false;
      st.goal = insideGoal ? st.goal : null;
      if (kind === 'principles' || kind === 'goals') st.area = null;
      st.principle = null;
      st.tableHeader = null;
      openText(kind, headingWords(b.text), b.origin);
      return;
    }
    const isArea = own?.id.startsWith('O') || (named && /område/i.test(named[1]!));
    const isGoal = own?.id.startsWith('M') || (named && /^mål$/i.test(named[1]!));
    const isPrinciple = own?.id.startsWith('SP') || (named && /princip/i.test(named[1]!));
    if (isArea || (st.section === 'principles' && b.level > st.sectionLevel && !isGoal && !isPrinciple && (!st.area || b.level <= st.areaLevel))) {
      const text = own ? own.rest : named ? b.text.slice(named[0].length) : headingWords(b.text);
      newArea(own?.id ?? (named ? `O${named[2]}` : null), text.trim(), b.origin, b.level);
      st.text = null;
      return;
    }
    if (isPrinciple && st.section === 'principles') {
      const existing = own ? findPrinciple(own.id) : null;
      st.principle = existing ?? newPrinciple(b.text, b.origin);
      st.mode = 'principle-body';
      return;
    }
    if (isGoal || (st.section === 'goals' && b.level > st.sectionLevel && (!st.goal || b.level <= st.goalLevel)) || (st.section === 'target' && b.level > st.sectionLevel && /^\d/.test(b.text))) {
      const number = NUMBERED.exec(b.text)?.[1] ?? /^(\d{1,2})\s/.exec(b.text)?.[1] ?? null;
      const text = number !== null && !own ? b.text.replace(/^\d{1,2}[.)]?\s+/, '') : b.text;
      if (st.section !== 'goals' && st.section !== 'target') {
        st.section = 'goals';
        st.sectionLevel = b.level - 1;
      }
      newGoal(text, b.origin, b.level, number, 'heading');
      st.text = null;
      return;
    }
    if (st.goal && b.level > st.goalLevel) {
      // A sub-heading inside a goal's text.
      st.goal.body.push(`**${b.text}**`);
      st.mode = 'none';
      return;
    }
    // A heading of its own: a topic kept as body text.
    st.section = 'other';
    st.sectionLevel = b.level;
    st.mode = 'none';
    st.goal = null;
    st.area = null;
    st.principle = null;
    openText('other', b.text, b.origin);
  };

  /**
   * A numbered line among the goals that names a known section of its own ("4. Handlingsplan",
   * "5. Uppföljning") is the document's next chapter, not a goal: it is read as a heading beside the goals
   * section. True when it was.
   */
  const endsGoals = (b: Block, text: string): boolean => {
    if (text.length > 60 || /[.!?:;,]$/.test(text)) return false;
    const kind = sectionOf(text);
    if (kind === null || kind === 'goals' || kind === 'target') return false;
    handleHeading({ ...b, kind: 'heading', text, level: st.sectionLevel });
    return true;
  };

  const startActions = (words: string) => {
    st.mode = 'actions';
    const m = ACTIONS_LABEL.exec(words);
    st.actionsYear = m?.[2] ?? m?.[3] ?? m?.[4] ?? null;
    st.actionsDone = /^genomfört/i.test(words);
  };

  const handleParagraph = (b: Block) => {
    const text = b.text.trim();
    if (st.section === 'front' || ((st.section === 'other' || st.section === 'intro') && !st.goal)) {
      if (frontFacts(text, b.origin)) return;
      if (st.section === 'front') for (const name of organisationsIn(text)) orgNames.push({ name, origin: b.origin });
    }
    if (AREA_PRINCIPLES_LABEL.test(text)) {
      st.mode = 'area-principles';
      if (st.section !== 'principles') {
        st.section = 'principles';
      }
      return;
    }
    const pol = POLICY_LABEL.exec(text);
    if (pol && st.section === 'principles') {
      policyTitle = pol[1]!.trim();
      return;
    }
    if (st.section === 'principles' && GOALS_LABEL.test(text)) {
      st.mode = 'goals-in-area';
      return;
    }
    if (FOCUS_LABEL.test(text) && st.goal) {
      st.mode = 'focus';
      return;
    }
    if (ACTIONS_LABEL.test(text) && !st.goal && st.section === 'other' && st.text?.heading) {
      // "Genomfört 2025", "I fokus 2026" under a heading of its own: the heading is an area the report
      // follows, read as a goal with what was done and what is next as its actions.
      const section = st.text;
      sections.splice(sections.findIndex((x) => x.section === section), 1);
      const goal = newGoal(section.heading!, section.origin, st.sectionLevel, null, 'explicit');
      goal.body.push(...section.paragraphs);
      st.text = null;
      unsure.push({ origin: section.origin, what: `Rubriken "${section.heading}" har egna aktiviteter ("${text}")`, chosen: `målet ${goal.id}`, alternatives: ['ett fokusområde under ett annat mål', 'brödtext'] });
    }
    if (ACTIONS_LABEL.test(text) && (st.goal || st.section === 'actions')) {
      startActions(text);
      return;
    }
    if (st.goal) {
      const result = RESULT_LABEL.exec(text);
      if (result) {
        st.mode = 'result';
        if (result[1]) st.goal.targetYear = Number(result[1]);
        if (result[2]) st.goal.expectedResult = result[2];
        return;
      }
      const realises = REALISES_LABEL.exec(text);
      if (realises) {
        st.goal.principles.push(...principleRefs(realises[1]!));
        return;
      }
      const owner = OWNER_LABEL.exec(text);
      if (owner) {
        st.goal.owner = owner[1]!.trim().replace(/\.$/, '');
        return;
      }
      const year = TARGET_YEAR_LABEL.exec(text);
      if (year) {
        st.goal.targetYear = Number(year[1]);
        return;
      }
      if ((st.section === 'goals' || st.section === 'target') && NUMBERED.test(text) && endsGoals(b, text)) return;
      if (st.mode === 'result') {
        st.goal.expectedResult = st.goal.expectedResult ? `${st.goal.expectedResult}\n\n${text}` : text;
        return;
      }
      // A numbered goal line in the goals section starts the next goal.
      const numbered = NUMBERED.exec(text);
      if (numbered && (st.section === 'goals' || st.section === 'target') && st.mode !== 'focus') {
        newGoal(text.slice(numbered[0].length), b.origin, b.level, numbered[1]!, 'line');
        return;
      }
      if (st.mode === 'focus' && st.goal.focusAreas.length > 0) st.mode = 'none';
      st.goal.body.push(text);
      return;
    }
    if (st.section === 'goals' || st.section === 'target') {
      const numbered = NUMBERED.exec(text);
      if (numbered) {
        if (endsGoals(b, text)) return;
        newGoal(text.slice(numbered[0].length), b.origin, st.sectionLevel + 1, numbered[1]!, 'line');
        return;
      }
    }
    if (st.section === 'principles') {
      if (st.mode === 'principle-body' && st.principle) {
        st.principle.body.push(text);
        return;
      }
      if (st.area) {
        if (st.area.principles.length === 0 || st.mode === 'none') {
          st.area.description.push(text);
          return;
        }
      }
    }
    keep(text, b.origin);
  };

  const handleItem = (b: Block) => {
    const text = b.text.trim();
    if (st.section === 'effects' && b.level === 0) {
      effects.push({ id: `E${effects.length + 1}`, title: text.replace(/[.;]$/, ''), origin: b.origin });
      keep(`- ${text}`, b.origin);
      return;
    }
    if (st.section === 'success' && b.level === 0) {
      successFactors.push({ id: `KF${successFactors.length + 1}`, title: text.replace(/[.;]$/, ''), origin: b.origin });
      keep(`- ${text}`, b.origin);
      return;
    }
    if (st.section === 'principles' && (st.mode === 'area-principles' || (st.mode === 'none' && st.area?.principles.length === 0 && !st.goal) || (st.mode === 'none' && !st.area))) {
      if (b.level === 0) {
        newPrinciple(text, b.origin);
        st.mode = 'area-principles';
        return;
      }
      if (st.principle) {
        st.principle.subPoints.push({ id: `${st.principle.id}.${String.fromCharCode(97 + st.principle.subPoints.length)}`, text: text.replace(/[.;]$/, ''), origin: b.origin });
        return;
      }
    }
    if (st.section === 'principles' && st.mode === 'goals-in-area' && b.level === 0) {
      newGoal(text, b.origin, 99, null, 'explicit');
      st.mode = 'goals-in-area';
      st.goal = null;
      return;
    }
    if (st.goal && st.mode === 'focus' && b.level === 0) {
      newFocusArea(st.goal, text, b.origin);
      return;
    }
    if (st.mode === 'actions' || st.section === 'actions') {
      if (b.level === 0) {
        actionFromText(text, b.origin);
        return;
      }
      const last = actions[actions.length - 1];
      if (last) {
        last.body.push(`- ${text}`);
        return;
      }
    }
    if ((st.section === 'goals' || st.section === 'target') && b.ordered && b.level === 0 && st.mode !== 'focus') {
      if (endsGoals(b, text)) return;
      newGoal(text, b.origin, st.sectionLevel + 1, /^\d+/.exec(b.marker ?? '')?.[0] ?? null, 'line');
      return;
    }
    if (st.goal) {
      if (st.mode === 'result') {
        st.goal.expectedResult = `${st.goal.expectedResult ? `${st.goal.expectedResult}\n` : ''}- ${text}`;
        return;
      }
      st.goal.body.push(`${'  '.repeat(b.level)}- ${text}`);
      return;
    }
    if (st.section === 'principles' && st.area) {
      st.area.description.push(`${'  '.repeat(b.level)}- ${text}`);
      return;
    }
    keep(`${'  '.repeat(b.level)}${b.ordered ? `${/^\d+/.exec(b.marker ?? '')?.[0] ?? '1'}.` : '-'} ${text}`, b.origin);
  };

  const handleRow = (b: Block) => {
    const cells = b.cells ?? [];
    if (b.headerRow || st.tableHeader === null) {
      st.tableHeader = cells;
      return;
    }
    const header = st.tableHeader;
    const isFocusTable = header.some((h) => /^fokusområde/i.test(h)) && header.some((h) => /^id$/i.test(h)) && st.goal;
    if (isFocusTable && st.goal) {
      const i = (re: RegExp) => header.findIndex((h) => re.test(h));
      newFocusArea(st.goal, cells[i(/^fokusområde/i)] ?? '', b.origin, cells[i(/^id$/i)] || undefined, cells[i(/beskrivning/i)] ?? undefined);
      return;
    }
    if (header.some((h) => /^(aktivitet|åtgärd|insats|uppdrag)/i.test(h)) || (st.section === 'actions' && header.some((h) => /ansvar|klar|slut|status/i.test(h)))) {
      actionFromRow(header, cells, b.origin);
      return;
    }
    if (header.some((h) => /^kommun|^organisation|^medlem/i.test(h)) && header.some((h) => /datum|beslut|antagen/i.test(h))) {
      adoptionRow(header, cells, b.origin);
      return;
    }
    if (st.section === 'revisions') {
      const date = findDate(cells[0] ?? '');
      if (date) revisions.push({ datum: date, beskrivning: (cells[1] ?? '').trim(), ...(cells[2]?.trim() ? { beslut: cells[2].trim() } : {}) });
      return;
    }
    keep(`| ${cells.join(' | ')} |`, b.origin);
  };

  for (const b of blocks) {
    if (b.kind !== 'row') st.tableHeader = null;
    if (b === titleBlock) {
      for (const name of organisationsIn(b.text)) orgNames.push({ name, origin: b.origin });
      const years = findYearSpan(b.text);
      if (years) period = years;
      continue;
    }
    // Lines of the title page set large (the organisation, the kind of document) are not sections.
    if (b.kind === 'heading' && st.section === 'front' && (b.origin.page ?? 1) <= 1 && (organisationsIn(b.text).length > 0 || DOCUMENT_KIND.test(b.text.trim()))) {
      for (const name of organisationsIn(b.text)) orgNames.push({ name, origin: b.origin });
      continue;
    }
    if (b.kind === 'heading') handleHeading(b);
    else if (b.kind === 'paragraph') handleParagraph(b);
    else if (b.kind === 'item') handleItem(b);
    else handleRow(b);
  }

  for (const link of links) readLink(link);

  // Which parts the document has: a policy when it has areas or principles or calls itself a policy; a plan
  // when it has goals or actions.
  const hasPolicy = areas.length > 0 || /policy/i.test(title) || policyTitle !== null;
  const hasPlan = goals.length > 0 || actions.length > 0 || (/plan|strategi/i.test(title) && !/policy/i.test(title));

  // Organisations: the adopters a table or line names, else those of the title page.
  const names = new Map<string, Origin>();
  for (const a of adoptions) if (a.organisation) names.set(a.organisation, a.origin);
  if (names.size === 0) for (const o of orgNames) if (!names.has(o.name)) names.set(o.name, o.origin);
  const organisations: ImportedOrganisation[] = [...names].map(([name, origin]) => ({ id: slugify(name.replace(/\s+kommun$/, '')), title: name, origin }));

  // Decisions: KF adopts the policy, KS the plan; a single part takes every decision.
  const decisionFor = (part: 'policy' | 'plan'): Adoption[] => {
    if (!(hasPolicy && hasPlan)) return adoptions;
    return adoptions.filter((a) => (part === 'policy' ? /fullmäktige/i.test(a.body ?? '') : !/fullmäktige/i.test(a.body ?? '')));
  };
  const single = (list: Adoption[]) => {
    const bodies = [...new Set(list.map((a) => a.body).filter((x): x is string => x !== null))];
    const dates = [...new Set(list.map((a) => a.date).filter((x): x is string => x !== null))];
    return { adoptedBy: bodies.length === 1 ? bodies[0]! : null, adopted: dates.length === 1 ? dates[0]! : null };
  };

  const bodySections = (into: 'policy' | 'plan'): TextSection[] => {
    const wanted = sections.filter(({ kind, section }) => {
      if (section.paragraphs.length === 0) return false;
      const policyKinds: string[] = ['vision', 'effects'];
      const goesToPolicy = hasPolicy && (policyKinds.includes(kind) || (!hasPlan && kind !== 'front'));
      const goesToPlan = hasPlan && !goesToPolicy;
      return into === 'policy' ? goesToPolicy || (!hasPlan && kind === 'front') : goesToPlan;
    });
    for (const { section } of wanted) kept.push({ heading: section.heading ?? '(inledande text)', origin: section.origin, into });
    return wanted.map(({ section }) => section);
  };

  let policy: ImportedPolicy | null = null;
  if (hasPolicy) {
    const decided = single(decisionFor('policy'));
    policy = {
      title: policyTitle ?? title,
      ...decided,
      caseNumber: !hasPlan || decisionFor('policy').length > 0 ? caseNumber : null,
      adoptions: decisionFor('policy'),
      sections: bodySections('policy'),
      validity,
      owner: policyOwner,
      areas,
      effects,
      origin: origin0,
    };
  }
  let plan: ImportedPlan | null = null;
  if (hasPlan) {
    const decided = single(decisionFor('plan'));
    plan = {
      title,
      ...decided,
      caseNumber: hasPolicy && decisionFor('policy').length > 0 ? null : caseNumber,
      adoptions: decisionFor('plan'),
      sections: bodySections('plan'),
      period,
      goals,
      actions,
      successFactors,
      revisions,
      origin: origin0,
    };
  }
  if (!hasPolicy && !hasPlan) {
    unsure.push({ origin: origin0, what: 'Dokumentet har inga styrprinciper, mål eller aktiviteter som gick att känna igen', chosen: 'ingen plan skrevs', alternatives: ['skriv planen med sparbar ny'] });
  }
  return { title, organisations, policy, plan, kept, unsure };
}

