// Found when the frontmatter is parsed (src/parse/yaml-frontmatter.ts, explained by src/parse/yaml-errors.ts).
import { defineRule, problem } from './rule.js';

export default defineRule({
  ...problem('yaml-syntax'),
  description: 'Frontmatter är inte giltig YAML.',
  category: 'files',
  blocking: true,
  docs: {
    details: 'Frontmatter som inte är giltig YAML: ett värde med `: ` i sig, ett citattecken som aldrig stängs, en rad med fel indrag, tabbar som indrag, en lista som aldrig stängs. Meddelandet pekar på platsen där misstaget gjordes, inte där YAML-läsaren gav upp.',
    why: 'En fil med YAML-fel går inte att läsa alls, så hela noden saknas i planen tills felet är rättat.',
    fix: 'Följ meddelandet: sätt värden som innehåller `: ` inom citattecken, stäng citattecken på samma rad, använd mellanslag i stället för tabbar och samma indrag för nycklar på samma nivå.',
    fail: {
      title: 'ett kolon i ett värde utan citattecken',
      files: {
        'plan/aktiviteter/A2.md': `---
typ: aktivitet
id: A2
titel: Beslut: digital signering
bidrar_till: [FO1]
ansvarig: Kommunstyrelsen – kansliavdelningen
start: 2024-09-01
slut: 2025-12-31
---
Besluten skrivs under digitalt.
`,
      },
    },
    pass: {
      title: 'värdet inom citattecken',
      files: {
        'plan/aktiviteter/A2.md': `---
typ: aktivitet
id: A2
titel: "Beslut: digital signering"
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
