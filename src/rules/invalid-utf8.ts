// Found when a file is decoded (src/files/decode.ts).
import { defineRule, problem } from './rule.js';

export default defineRule({
  ...problem('invalid-utf8'),
  description: 'Filen är inte giltig UTF-8.',
  category: 'files',
  blocking: true,
  docs: {
    details: 'Varje planfil ska vara sparad som UTF-8, den teckenkodning som Git, GitHub, GitLab och webbplatsen utgår från. Regeln hittar den första byte som inte är giltig UTF-8 och anger dess rad och kolumn (räknat i tecken).',
    why: 'En fil som sparats i en äldre kodning (ofta Windows-1252 från ett gammalt Word- eller Notepad-fönster) visar å, ä och ö som skräptecken i andra program. Spårbar läser inte filen alls hellre än att gissa, så dess innehåll saknas i planen tills den är rättad.',
    fix: 'Öppna filen i en editor och spara den som UTF-8 (i VS Code: klicka på kodningen i statusraden, *Reopen with Encoding* → Windows 1252, sedan *Save with Encoding* → UTF-8). Kontrollera att å, ä och ö ser rätt ut efteråt.',
    fail: {
      title: 'aktiviteten sparad som Windows-1252',
      files: {
        'plan/aktiviteter/A2.md': `---
typ: aktivitet
id: A2
titel: Digital signering av ärenden
bidrar_till: [FO1]
ansvarig: Kommunstyrelsen – kansliavdelningen
start: 2024-09-01
slut: 2025-12-31
---
Besluten skrivs under digitalt.
`,
      },
      windows1252: ['plan/aktiviteter/A2.md'],
    },
    pass: {
      title: 'samma fil sparad som UTF-8',
      files: {
        'plan/aktiviteter/A2.md': `---
typ: aktivitet
id: A2
titel: Digital signering av ärenden
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
