// Found while links are resolved (src/graph/resolve-links.ts) and follow-ups attached (src/graph/follow-ups.ts):
// such a link or follow-up is left out. An indicator's `grupp` that names an indicator which is not a group is
// checked here on the graph.
import { defineRule, problem } from './rule.js';

export default defineRule({
  ...problem('wrong-reference-type'),
  description: 'En hänvisning pekar på en nod av fel typ.',
  category: 'graph',
  blocking: true,
  graph({ index, nodeAt, report }) {
    for (const n of index.ofType('indikator')) {
      const group = index.out(n.key, 'member-of')[0];
      if (group === undefined) continue;
      const target = index.node(group)!;
      if (target.type === 'indikator' && target.fields.beräkning === 'medelvärde') continue;
      report(
        `"grupp" hänvisar till ${target.id}, som inte är en indikatorgrupp. Lägg till beräkning: medelvärde i ${target.id}, eller ta bort "grupp".`,
        nodeAt(n.key, ['grupp']),
      );
    }
  },
});
