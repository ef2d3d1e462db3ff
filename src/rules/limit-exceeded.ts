// Found when a file is read (src/parse/read-plan-file.ts, with the limits in src/parse/limits.ts): text past what the
// site can render, or frontmatter past what is read, in time linear in its size.
import { MAX_BRACKETS_PER_PARAGRAPH, MAX_DELIMITER_RUNS_PER_PARAGRAPH, MAX_FRONTMATTER_LINES, MAX_NESTING } from '../parse/limits.js';
import { defineRule, problem } from './rule.js';

const deep = `${'> '.repeat(MAX_NESTING + 1)}Citatet i citatet.`;

export default defineRule({
  ...problem('limit-exceeded'),
  description: 'Filen går utöver de gränser som webbplatsen och kontrollen klarar: för djup nästling, för många länkar eller betoningstecken i ett stycke eller för långt frontmatter.',
  category: 'files',
  blocking: true,
  docs: {
    details: `Fyra gränser, långt över vad en plan behöver: brödtexten får vara nästlad i högst ${MAX_NESTING} nivåer (citat med \`>\` och punktlistor i varandra), ett stycke (text mellan två tomma rader) får ha högst ${MAX_BRACKETS_PER_PARAGRAPH} hakparenteser \`[\` (länkar och bilder) och högst ${MAX_DELIMITER_RUNS_PER_PARAGRAPH} tecken för betoning och genomstrykning (\`*\`, \`_\` och \`~\`; \`**\` räknas som ett), och frontmatter får vara högst ${MAX_FRONTMATTER_LINES} rader. Felet står där gränsen passeras. Frontmatter som är för långt läses inte alls, så filen ingår inte i planen förrän det är rättat. Regeln går inte att stänga av.`,
    why: 'Markdown-tolken och YAML-läsaren blir långsammare snabbare än texten växer på sådan text: en brödtext med 3 000 `>` fick bygget att krascha (i en pull request som kontrollen hade godkänt), en nästlad lista på 1 MB tog 50 sekunder att visa, ett stycke med 50 000 `[a](` 13 sekunder och ett med 40 000 `~a` 16 sekunder. Inom gränserna visas varje text som kontrollen godkänner, i tid som växer i takt med textens storlek.',
    fix: 'Gör texten plattare (rubriker i stället för listor i listor), dela långa stycken med tomma rader eller gör dem till listor, och flytta lång text ur frontmatter till brödtexten under den andra `---`-raden.',
    fail: {
      title: `citat i ${MAX_NESTING + 1} nivåer`,
      files: {
        'plan/aktiviteter/A1.md': `---
typ: aktivitet
id: A1
titel: E-arkiv
bidrar_till: [FO1]
ansvarig: Kommunstyrelsen – IT-enheten
start: 2024-01-01
slut: 2025-12-31
status: pågår
---
${deep}
`,
      },
    },
    pass: {
      title: 'ett citat i en nivå',
      files: {
        'plan/aktiviteter/A1.md': `---
typ: aktivitet
id: A1
titel: E-arkiv
bidrar_till: [FO1]
ansvarig: Kommunstyrelsen – IT-enheten
start: 2024-01-01
slut: 2025-12-31
status: pågår
---
> Citatet.
`,
      },
    },
  },
});
