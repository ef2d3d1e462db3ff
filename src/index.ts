// The public API of the sparbar package: check a plans folder, read its graph.
export { checkPlans, PlansFolderError, type CheckResult } from './check/check-plans.js';
export { graphToJson } from './graph/to-json.js';
export { indexGraph, type GraphIndex } from './graph/graph-index.js';
export type * from './graph/types.js';
export { RULES, type Rule, type RuleId } from './rules/index.js';
export { severityOf, type CheckMessage } from './messages/report.js';
export { checkFiles, type PlanFileBytes } from './check/check-files.js';
export { CheckSession } from './check/check-session.js';
export { compareRevisions, type PlanDiffReport } from './diff/compare-revisions.js';
export { diffGraphs, type PlanDiff } from './diff/diff-graphs.js';
export { formatDiffMarkdown } from './diff/format-markdown.js';
export { planSinceAdoption, type SinceAdoption } from './diff/since-adoption.js';
export { readPlanHistory, type PlanHistory } from './history/git-history.js';
