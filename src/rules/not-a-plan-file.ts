// Found when a file is read (src/parse/read-plan-file.ts).
import { defineRule, problem } from './rule.js';

export default defineRule({
  ...problem('not-a-plan-file'),
  description: 'Filen har ingen typ och ingår inte i planen.',
  category: 'files',
  blocking: false,
  docs: {
    details: 'En markdown-fil i planmappen utan frontmatter, eller med frontmatter utan `typ`: den ingår inte i planen. En fil som ser ut att vara tänkt som planfil (med `id` och `titel` men utan `typ`) ger i stället `missing-key`.',
    why: 'En README eller anteckning i planmappen är ofta avsiktlig, men en planfil som tappat sin frontmatter ser likadan ut. Varningen gör att ingenting lämnas utanför planen utan att någon märker det.',
    fix: 'Lägg till frontmatter med `typ` om filen ska ingå i planen. Ska den inte det: flytta den ut ur planmappen, eller stäng av regeln för planmappen (se nedan).',
    fail: {
      title: 'en README i planmappen',
      files: {
        'plan/README.md': `# Om planen

Här ligger planens filer.
`,
      },
    },
    pass: {
      title: 'regeln avstängd för den här planmappen',
      files: {
        'plan/README.md': `# Om planen

Här ligger planens filer.
`,
      },
      config: `{
  "regler": {
    "not-a-plan-file": "av"
  }
}
`,
    },
  },
});
