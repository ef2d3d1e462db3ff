// What a survey indicator (a maturity survey's question or cornerstone) carries beside its outcome: the number of
// respondents per year, values broken down by a named dimension, and a reference series such as the national mean.
import { z } from 'zod';

const YEAR_KEY = /^\d{4}$/;
const perYear = z.record(z.string().regex(YEAR_KEY), z.number()).meta({ description: 'Ett värde per år, t.ex. `2026: 2.4`.' });

export const surveyKeys = {
  svarande: z
    .record(z.string().regex(YEAR_KEY), z.number().int().min(0))
    .optional()
    .meta({ description: 'Antal svarande per år, t.ex. `{ 2022: 212, 2024: 236 }`.' }),
  referens: z
    .strictObject({
      titel: z.string().min(1).meta({ description: 'Vad referensen är, t.ex. Riket (medelvärde).' }),
      värden: perYear,
    })
    .optional()
    .meta({ description: 'En jämförelseserie, t.ex. rikets medelvärde, som visas bredvid utfallet i tabell och diagram.' }),
  uppdelningar: z
    .array(
      z.strictObject({
        dimension: z.string().min(1).meta({ description: 'Vad värdena delas upp efter, t.ex. Kommunstorlek eller Svarandets roll.' }),
        kategorier: z.record(z.string().min(1), perYear).meta({ description: 'Värdena per år för varje kategori, t.ex. `Under 15 000 invånare: { 2024: 2.3 }`.' }),
      }),
    )
    .optional()
    .meta({ description: 'Värden uppdelade efter en namngiven dimension (kommunstorlek, roll), visade som tabell.' }),
};
