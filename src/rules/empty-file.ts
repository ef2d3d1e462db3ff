// Found when a file is read (src/parse/read-plan-file.ts).
import { defineRule, problem } from './rule.js';

export default defineRule({
  ...problem('empty-file'),
  description: 'Filen är tom.',
  category: 'files',
  blocking: false,
  docs: {
    details: 'En markdown-fil i planmappen som är helt tom, eller bara har tomma rader.',
    why: 'En tom fil är oftast en påbörjad fil som glömts bort, eller en fil vars innehåll försvunnit vid en sammanslagning. Den ingår inte i planen, och det syns bara här.',
    fix: 'Ta bort filen, eller skriv frontmatter med `typ`, `id` och `titel` (`sparbar ny` skapar en fil med alla nycklar som behövs).',
    fail: {
      title: 'en tom aktivitetsfil',
      files: {
        'plan/aktiviteter/A2.md': ``,
      },
    },
    pass: {
      title: 'filen ifylld',
      files: {
        'plan/aktiviteter/A2.md': `---
typ: aktivitet
id: A2
titel: Digital signering av beslut
bidrar_till: [FO1]
ansvarig: Kommunstyrelsen – kansliavdelningen
start: 2024-09-01
slut: 2025-12-31
---
Besluten skrivs under digitalt.
`,
      },
    },
  },
});
