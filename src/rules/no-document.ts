// Found while nodes are collected (src/graph/collect-nodes.ts): the file is left out.
import { defineRule, problem } from './rule.js';

export default defineRule({
  ...problem('no-document'),
  description: 'Noden ligger inte under någon policy eller plan.',
  category: 'graph',
  blocking: true,
  docs: {
    details: 'En nod som inte ligger i en mapp med en policy eller plan (i samma mapp eller en mapp ovanför), eller som ligger under fel slags dokument: styrprinciper hör till en policy, mål, fokusområden, aktiviteter och indikatorer till en plan.',
    why: 'Varje nod hör till en policy eller plan; det är så id blir unika och noden hamnar i rätt plan på webbplatsen. En fil utanför alla dokument kan inte placeras och lämnas utanför.',
    fix: 'Flytta filen till mappen för den plan (eller policy) den hör till, eller en mapp under den.',
    fail: {
      title: 'en aktivitet utanför planens mapp',
      files: {
        'aktiviteter/A2.md': `---
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
    pass: {
      title: 'aktiviteten i planens mapp',
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
