// The one error checkPlans throws, in a module of its own so that the command line can recognise it without
// loading the checker.

/** Thrown only when the plans folder itself is missing or not a folder (a usage error, exit 2). */
export class PlansFolderError extends Error {}
