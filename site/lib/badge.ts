// A state as a word with a colour: action status or assessment. Colour never carries meaning alone. A function rather
// than a component: the site shows some 15,000 of them at 1,000 plan files, and each Astro component instance costs
// its own props, render context and buffered output (session 17: with this and nodeLink, a build used 1 s less of
// processor time). The HTML is what the component Badge.astro wrote, byte for byte.
import { addAttribute, escapeHTML, type HTMLString, markHTMLString } from 'astro/runtime/server/index.js';
import { stateClass } from '@src/site/format.js';
import { capitalise } from '@src/words/agreement.js';
import { t } from '@src/words/ui.js';

export interface BadgeProps {
  /** The state word (klar, pågår, uppfyllt, …) or null when there is none. */
  state: string | null | undefined;
  /** What null means: an assessment not made, or a status not given. */
  kind?: 'status' | 'bedömning' | 'prognos';
  /** Marks an action past its due date. */
  overdue?: boolean | undefined;
  /**
   * The follow-up is opened and not filled in (ej inlämnad): an assessment shows as "Ej inlämnad"; a status (carried
   * from before) says that this period's follow-up is not submitted.
   */
  unsubmitted?: boolean | undefined;
}

/** `<span class="badge badge--…">Word</span>` for a template (`{badge({ state })}`), as Astro's HTML. */
export function badge({ state, kind = 'status', overdue = false, unsubmitted = false }: BadgeProps): HTMLString {
  const notSubmitted = unsubmitted && (kind !== 'status' || !state);
  const label = notSubmitted ? t('state.notSubmitted') : state ? capitalise(state) : kind === 'status' ? t('state.noStatus') : kind === 'prognos' ? t('state.noForecast') : t('state.notAssessed');
  const cls = notSubmitted ? 'ej-inlamnad' : state ? stateClass(state) : 'saknas';
  const note = unsubmitted && !notSubmitted ? ` (${t('state.followUpNotSubmitted')})` : '';
  const prefix = kind === 'prognos' ? `${t('state.forecast')}: ` : '';
  const late = overdue && state !== 'försenad' ? ` (${t('state.overdue')})` : '';
  return markHTMLString(`<span${addAttribute(`badge badge--${cls}`, 'class')}>${escapeHTML(prefix + label + late + note)}</span>`);
}
