// Found when a file is read (src/parse/characters-check.ts, with the characters in src/files/characters.ts): the
// direction controls that unusual-character leaves to this rule, in the frontmatter and in the body. What remains in a
// plan whose configuration lowers the rule is removed from the published site (src/site/published-text.ts).
import { defineRule, problem } from './rule.js';

export default defineRule({
  ...problem('bidi-control'),
  description: 'Texten har ett tecken som styr skriftriktningen (t.ex. U+202E), så att den kan visas i en annan ordning än den är skriven.',
  category: 'files',
  blocking: false,
  docs: {
    details:
      'Tecken som styr i vilken riktning text visas, i frontmatter och i brödtext: inbäddningar och överskrivningar U+202A–U+202E (bland dem RIGHT-TO-LEFT OVERRIDE U+202E), isoleringar U+2066–U+2069 och riktningsmärkena U+200E, U+200F och U+061C. Felet namnger tecknet med dess Unicode-namn och kod, var det står första gången och på vilka fler rader det finns. Ställs regeln ned till varning eller av i `sparbar.config.json` tar Spårbar bort tecknen ur allt som publiceras: sidornas titlar, rubriker och texter, sökindexet och öppna data (CSV och JSON); planfilerna ändras aldrig.',
    why:
      'Tecknen syns inte, men de vänder ordningen på det som står efter dem. En titel som i filen lyder "Digital signering av beslut" följt av en överskrivning och "1202 llit" visas som "… till 2021": det som syns i pull requesten och på sidan är inte det som står, så sökningen, ett kalkylark med öppna data och den som skriver av titeln får något annat än granskaren såg (samma knep som angreppet Trojan Source, CVE-2021-42574). Svensk plantext behöver dem aldrig; de kommer in med text kopierad från webbsidor eller ur dokument med arabisk eller hebreisk text.',
    fix: 'Ta bort tecknet: rad och kolumn står i felet. I VS Code syns tecknen med `editor.unicodeHighlight.invisibleCharacters`; GitHub visar en varning om dubbelriktad text i filen. Behöver en text på arabiska eller hebreiska verkligen ett riktningsmärke, sätt regeln till `"varning"` i `"regler"`: tecknen tas då bort ur det som publiceras och webbläsaren bestämmer riktningen av bokstäverna själva.',
    fail: {
      title: 'en titel med RIGHT-TO-LEFT OVERRIDE som vänder årtalet',
      files: {
        'plan/aktiviteter/A2.md': `---
typ: aktivitet
id: A2
titel: Digital signering av beslut \u202e1202 llit\u202c
bidrar_till: [FO1]
ansvarig: Kommunstyrelsen – kansliavdelningen
start: 2024-09-01
slut: 2025-12-31
status: pågår
---
Besluten skrivs under digitalt.
`,
      },
    },
    pass: {
      title: 'samma titel utan styrtecken',
      files: {
        'plan/aktiviteter/A2.md': `---
typ: aktivitet
id: A2
titel: Digital signering av beslut till 2021
bidrar_till: [FO1]
ansvarig: Kommunstyrelsen – kansliavdelningen
start: 2024-09-01
slut: 2025-12-31
status: pågår
---
Besluten skrivs under digitalt.
`,
      },
    },
  },
});
