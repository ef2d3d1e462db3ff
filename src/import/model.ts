// What the recogniser found in a document, before it is written as files: the policy (vision, areas,
// principles with sub-points, effects) and the plan (goals with focus areas and expected results, actions,
// success factors, revisions), each part with the place it came from. Facts the document does not give are
// absent, never filled in. Sub-points, effects and success factors carry ids already (SP12.a, E1, KF1), so the
// format's coming nodes for them take them as they are.
import type { Money } from './facts.js';
import type { Origin, Repair } from './source-lines.js';

export interface Placed {
  origin: Origin;
}

/** A part of the body text: an optional heading and its markdown paragraphs. */
export interface TextSection extends Placed {
  heading: string | null;
  paragraphs: string[];
}

export interface ImportedSubPoint extends Placed {
  id: string;
  text: string;
}

export interface ImportedPrinciple extends Placed {
  id: string;
  title: string;
  subPoints: ImportedSubPoint[];
  body: string[];
}

export interface ImportedArea extends Placed {
  id: string;
  title: string;
  description: string[];
  principles: ImportedPrinciple[];
}

export interface ImportedFocusArea extends Placed {
  id: string;
  title: string;
  description: string | null;
}

export interface ImportedGoal extends Placed {
  id: string;
  title: string;
  body: string[];
  /** Principle ids (SP1) the goal realises. */
  principles: string[];
  /** Area ids (O1) the goal stands under (a shared policy's goals). */
  areas: string[];
  focusAreas: ImportedFocusArea[];
  expectedResult: string | null;
  targetYear: number | null;
  owner: string | null;
}

export interface ImportedAction extends Placed {
  id: string;
  title: string;
  /** Ids of focus areas or goals. */
  contributesTo: string[];
  owner: string | null;
  start: string | null;
  end: string | null;
  status: string | null;
  budget: Money | null;
  /** Facts the document gives in words the format cannot hold as they are ("klart hösten 2025"). */
  notes: string[];
  body: string[];
}

/** A named item with an id: an effect the policy should enable, a critical success factor. */
export interface ImportedItem extends Placed {
  id: string;
  title: string;
}

/** One organisation's decision to adopt the document. */
export interface Adoption extends Placed {
  organisation: string | null;
  body: string | null;
  date: string | null;
}

export interface ImportedOrganisation extends Placed {
  id: string;
  title: string;
}

interface DocumentPart extends Placed {
  title: string;
  adoptedBy: string | null;
  adopted: string | null;
  caseNumber: string | null;
  /** Every decision the document lists (one per adopting organisation in a shared document). */
  adoptions: Adoption[];
  sections: TextSection[];
}

export interface ImportedPolicy extends DocumentPart {
  validity: { från: string; till: string } | null;
  owner: string | null;
  areas: ImportedArea[];
  effects: ImportedItem[];
}

export interface ImportedPlan extends DocumentPart {
  period: { från: number; till: number } | null;
  goals: ImportedGoal[];
  actions: ImportedAction[];
  successFactors: ImportedItem[];
  revisions: { datum: string; beskrivning: string; beslut?: string }[];
}

/** A place where the importer chose between readings. */
export interface Unsure extends Placed {
  what: string;
  chosen: string;
  alternatives: string[];
}

export interface Recognised {
  title: string;
  organisations: ImportedOrganisation[];
  policy: ImportedPolicy | null;
  plan: ImportedPlan | null;
  /** Passages kept as plain body text (headings and where they went). */
  kept: { heading: string; origin: Origin; into: 'policy' | 'plan' }[];
  unsure: Unsure[];
}

export interface ImportResult extends Recognised {
  source: { file: string; kind: 'pdf' | 'docx' | 'text'; pages: number | null };
  repairs: Repair[];
}
