// Found when the folder is listed (src/files/discover.ts) or a revision is read (src/git/revision-files.ts).
import { defineRule, problem } from './rule.js';

export default defineRule({
  ...problem('symlink-outside'),
  description: 'En symbolisk länk pekar ut ur planmappen.',
  category: 'files',
  blocking: true,
  docs: {
    details: 'En symbolisk länk i planmappen som pekar ut ur den, eller på något som inte finns. Länkar inom planmappen följs och läses där de pekar; länkade mappar följs inte.',
    why: 'Planen ska vara det som ligger i planmappen: det som granskas i en pull request och publiceras. En länk ut ur mappen gör planen beroende av filer som ingen granskar, och på en annan dator (eller i CI) finns de oftast inte.',
    fix: 'Kopiera filen in i planmappen i stället för att länka till den. Delar flera planer samma text, lägg den i planmappen och länka inom den.',
    fail: {
      title: 'en länk till en fil utanför planmappen',
      files: {
        '../delat/A2.md': `---
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
      links: { 'plan/aktiviteter/A2.md': '../../../delat/A2.md' },
    },
    pass: {
      title: 'filen kopierad in i planmappen',
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
