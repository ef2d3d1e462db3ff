// getStaticPaths helpers: one page per document of a type, one per node of a type.
import type { NodeType } from '../../src/graph/types.js';
import { site } from './data';

/** One path per plan (or policy): `{ params: { doc }, props: { key } }`. */
export function documentPaths(type: 'plan' | 'policy' | 'both') {
  const { model } = site();
  const docs = type === 'both' ? [...model.ofType('policy'), ...model.ofType('plan')] : model.ofType(type);
  return docs.map((d) => ({ params: { doc: model.docSlug(d.key) }, props: { key: d.key } }));
}

/** One path per node of `type` that has a page: `{ params: { doc, id }, props: { key } }`. */
export function nodePaths(type: NodeType) {
  const { model } = site();
  return model
    .ofType(type)
    .filter((n) => n.document !== null && model.pathOf(n.key) !== undefined)
    .map((n) => ({ params: { doc: model.docSlug(n.document!), id: model.nodeSlug(n.key) }, props: { key: n.key } }));
}
