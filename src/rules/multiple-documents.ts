// Found while documents are scoped (src/graph/documents.ts): the second document is left out.
import { defineRule, problem } from './rule.js';

export default defineRule({
  ...problem('multiple-documents'),
  description: 'Två policy- eller planfiler i samma mapp.',
  category: 'graph',
  blocking: true,
  docs: {
    details: 'Två policy- eller planfiler i samma mapp. Varje policy och plan äger sin mapp och allt under den.',
    why: 'Filerna under en mapp hör till dess policy eller plan. Med två dokument i samma mapp går det inte att veta vilket noderna hör till, så det andra lämnas utanför.',
    fix: 'Lägg varje policy och plan i en egen mapp, med sina mål, aktiviteter och uppföljningar under den.',
    fail: {
      title: 'en reviderad plan bredvid den gamla',
      files: {
        'plan/reviderad-plan.md': `---
typ: plan
id: digplan-2026
titel: Reviderad plan för digitalisering 2026–2029
organisation: ekby
policy: itpolicy
antagen_av: Kommunstyrelsen
antagen: 2026-02-11
period:
  från: 2026
  till: 2029
---
Den reviderade planen.
`,
      },
    },
    pass: {
      title: 'den reviderade planen i en egen mapp',
      files: {
        'plan-2026/plan.md': `---
typ: plan
id: digplan-2026
titel: Reviderad plan för digitalisering 2026–2029
organisation: ekby
policy: itpolicy
antagen_av: Kommunstyrelsen
antagen: 2026-02-11
period:
  från: 2026
  till: 2029
---
Den reviderade planen.
`,
      },
    },
  },
});
