// Money as plans state it: one amount, an amount per year, or a range; in kr, tkr or Mkr; investment or operating
// budget; requested (begärd) or allocated (beviljad). On an action, a focus area (a programme) or a goal.
import { z } from 'zod';

export const BUDGET_ENHET = ['kr', 'tkr', 'Mkr'] as const;
export const BUDGET_SLAG = ['investering', 'drift'] as const;
/** Whether money is asked for (begärd) or decided (beviljad), as a yearly report toward the budget frame says. */
export const BUDGET_LAGE = ['begärd', 'beviljad'] as const;

const YEAR_KEY = /^\d{4}$/;
const belopp = z.number().min(0);

/**
 * One budget. Exactly one of `belopp` (one amount, optionally for the year `år`), `per_år` (an amount per year) and
 * `intervall` (a range, `{ från, till }`, as "290–370 Mkr") gives the money; the site sums ranges as ranges, never as
 * one figure. The keys after `år` are new in issue 12; a budget written before stays valid.
 */
export const budgetSchema = z
  .strictObject({
    belopp: belopp.optional().meta({ description: 'Beloppet, i enhet. Utelämnas när per_år eller intervall anger pengarna.' }),
    enhet: z.enum(BUDGET_ENHET).meta({ description: 'kr, tkr eller Mkr, som dokumentet skriver.' }),
    slag: z.enum(BUDGET_SLAG).optional().meta({ description: 'Investering eller drift. Utelämnas när dokumentet inte säger vilket.' }),
    år: z.number().int().min(1900).max(2200).optional().meta({ description: 'Året som beloppet (eller intervallet) gäller.' }),
    per_år: z
      .record(z.string().regex(YEAR_KEY), belopp)
      .optional()
      .meta({ description: 'Ett belopp per år, t.ex. `{ 2016: 5, 2017: 5, 2018: 5 }` för 5 Mkr om året 2016–2018.' }),
    intervall: z
      .strictObject({ från: belopp, till: belopp })
      .optional()
      .meta({ description: 'Ett spann när dokumentet anger ett, t.ex. `{ från: 290, till: 370 }`. Summeras som spann, aldrig som ett tal.' }),
    läge: z.enum(BUDGET_LAGE).optional().meta({ description: 'begärd (äskad, föreslagen) eller beviljad (beslutad). Utelämnas när dokumentet inte säger vilket.' }),
  })
  .superRefine((b, ctx) => {
    const given = (['belopp', 'per_år', 'intervall'] as const).filter((k) => b[k] !== undefined);
    if (given.length === 0) {
      ctx.addIssue({ code: 'custom', path: [], params: { rule: 'missing-key' }, message: 'budgeten anger inget belopp. Skriv belopp (ett belopp), per_år (ett belopp per år) eller intervall ({ från, till })' });
    } else if (given.length > 1) {
      ctx.addIssue({ code: 'custom', path: [], params: { rule: 'invalid-value' }, message: `budgeten anger både ${given.join(' och ')}. Skriv en av dem; två budgetar skrivs som en lista i budgetar` });
    }
    if (b.per_år !== undefined && Object.keys(b.per_år).length === 0) {
      ctx.addIssue({ code: 'custom', path: ['per_år'], params: { rule: 'missing-key' }, message: 'per_år anger inget år. Skriv ett belopp per år, t.ex. { 2025: 5, 2026: 5 }, eller ta bort per_år' });
    }
    if (b.per_år !== undefined && b.år !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['år'], params: { rule: 'invalid-value' }, message: 'år gäller inte med per_år, där åren står. Ta bort år' });
    }
    // A range written backwards is the rule end-before-start's (an error that keeps the node in the graph).
  })
  .meta({ description: 'Pengar: belopp, per_år eller intervall, i enhet; slag och läge när dokumentet anger dem.' });

/** `budget` (one) and `budgetar` (several: requested beside allocated, or several kinds) on an action, focus area or goal. */
export const budgetKeys = {
  budget: budgetSchema.optional(),
  budgetar: z
    .array(budgetSchema)
    .min(1)
    .optional()
    .meta({ description: 'Flera budgetar för samma nod, t.ex. det beviljade och det begärda, eller investering och drift.' }),
};
