// The node types `sparbar ny` writes, in a module of their own so that the command line's specs can list them
// without loading the scaffolding code.

/** The types `sparbar ny` writes (a follow-up is made per period by `sparbar uppfoljning ny`). */
export const NEW_NODE_TYPES = ['organisation', 'policy', 'styrprincip', 'plan', 'mål', 'fokusområde', 'aktivitet', 'indikator'] as const;
export type NewNodeType = (typeof NEW_NODE_TYPES)[number];
