// The public API of the sparbar package: check a plans folder, read its graph.
export { checkPlans, PlansFolderError, type CheckResult } from './check/check-plans.js';
export { graphToJson } from './graph/to-json.js';
export { indexGraph, type GraphIndex } from './graph/graph-index.js';
export type * from './graph/types.js';
export { RULES, type Rule, type RuleId } from './messages/rules.js';
export { severityOf, type CheckMessage } from './messages/report.js';
