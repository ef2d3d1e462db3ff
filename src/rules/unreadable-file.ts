// Found when the folder is listed or a file is read (src/files/discover.ts, src/parse/read-plan-file.ts).
import { defineRule, problem } from './rule.js';

export default defineRule({
  ...problem('unreadable-file'),
  description: 'Filen eller mappen gick inte att läsa.',
  category: 'files',
  blocking: true,
  docs: {
    details: 'En fil eller mapp i planmappen som inte går att läsa, till exempel för att rättigheterna inte tillåter det. Meddelandet anger felkoden från operativsystemet (oftast `EACCES`).',
    why: 'Det som inte går att läsa saknas i planen. Utan meddelandet skulle en aktivitet eller ett mål tyst försvinna från den publicerade planen.',
    fix: 'Ge den som kör `sparbar` läsrättighet till filen eller mappen (`chmod 644 fil.md`, `chmod 755 mapp`), eller ta bort den om den inte hör till planen.',
    fail: {
      title: 'en fil som ingen får läsa',
      situation: '`plan/aktiviteter/A2.md` har rättigheterna `---------` (`chmod 000`). `sparbar check` säger `Filen gick inte att läsa (EACCES). Kontrollera att den finns och går att läsa.` på rad 1, kolumn 1.',
    },
    pass: {
      title: 'läsbar för alla',
      situation: 'Samma fil med rättigheterna `rw-r--r--` (`chmod 644`) läses som vanligt.',
    },
  },
});
