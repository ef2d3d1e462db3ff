// Effects (effektmål) and critical success factors (kritiska framgångsfaktorer): what a vision says IT should
// enable, and what a strategy says its success depends on. A policy or a plan lists them as nodes with ids; goals
// and focus areas name the effects they serve and the success factors they rely on. Kept apart from
// plan-files.ts, which spreads these keys into its schemas.
import { z } from 'zod';

const ID = /^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u;
const REF = /^(?:[\p{L}\p{N}][\p{L}\p{N}._-]*:)?[\p{L}\p{N}][\p{L}\p{N}._-]*$/u;

const id = z.string().regex(ID).meta({ description: 'Stabilt id, unikt i sin policy eller plan, t.ex. EM1 eller KF2.' });
const ref = z.string().regex(REF).meta({ description: 'Id för en annan nod; `dokument-id:id` för en nod i en annan policy eller plan.' });

/** One effect or success factor written in its policy or plan: `{ id, titel, beskrivning? }`. */
const visionNode = (description: string) =>
  z.strictObject({ id, titel: z.string().min(1).meta({ description: 'Rubrik, en rad.' }), beskrivning: z.string().optional() }).meta({ description });

export const effektmalSchema = visionNode('Ett effektmål: en effekt som visionen säger att it ska möjliggöra.');
export const framgangsfaktorSchema = visionNode('En kritisk framgångsfaktor: något som strategin säger att resultatet hänger på.');

/** Keys a policy or a plan may carry: its effects and its critical success factors, each a list of nodes. */
export const documentVisionKeys = {
  effektmål: z.array(effektmalSchema).optional().meta({ description: 'Effektmål som visionen ska möjliggöra, var och en med id och titel, så att mål och fokusområden kan hänvisa till dem.' }),
  framgångsfaktorer: z
    .array(framgangsfaktorSchema)
    .optional()
    .meta({ description: 'Kritiska framgångsfaktorer, var och en med id och titel, så att mål och fokusområden kan hänvisa till dem.' }),
};

/** Keys a goal or a focus area may carry: the effects it serves and the success factors it relies on. */
export const linkVisionKeys = {
  effektmål: z.array(ref).optional().meta({ description: 'Effektmål (i policyn eller planen) som målet eller fokusområdet bidrar till.' }),
  framgångsfaktorer: z.array(ref).optional().meta({ description: 'Kritiska framgångsfaktorer (i policyn eller planen) som målet eller fokusområdet förutsätter.' }),
};
