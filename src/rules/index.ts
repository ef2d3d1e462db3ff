// The catalogue of every rule `sparbar check` reports, one module per rule, in the order the documentation lists them
// (files, schema, graph, coverage, follow-up). Adding a rule: write its module next to this one and add it here.
import invalidUtf8 from './invalid-utf8.js';
import emptyFile from './empty-file.js';
import unreadableFile from './unreadable-file.js';
import internalError from './internal-error.js';
import symlinkOutside from './symlink-outside.js';
import frontmatterMissing from './frontmatter-missing.js';
import frontmatterUnclosed from './frontmatter-unclosed.js';
import frontmatterNotYaml from './frontmatter-not-yaml.js';
import notAPlanFile from './not-a-plan-file.js';
import yamlSyntax from './yaml-syntax.js';
import duplicateKey from './duplicate-key.js';
import notNfc from './not-nfc.js';
import unusualCharacter from './unusual-character.js';
import bidiControl from './bidi-control.js';
import limitExceeded from './limit-exceeded.js';
import unknownKey from './unknown-key.js';
import missingKey from './missing-key.js';
import wrongType from './wrong-type.js';
import invalidValue from './invalid-value.js';
import invalidDate from './invalid-date.js';
import invalidPeriod from './invalid-period.js';
import invalidFormat from './invalid-format.js';
import endBeforeStart from './end-before-start.js';
import targetYearOutsidePeriod from './target-year-outside-period.js';
import scaleOutOfRange from './scale-out-of-range.js';
import duplicateId from './duplicate-id.js';
import unknownReference from './unknown-reference.js';
import wrongReferenceType from './wrong-reference-type.js';
import referenceCycle from './reference-cycle.js';
import noDocument from './no-document.js';
import multipleDocuments from './multiple-documents.js';
import documentWithoutAdoptionDate from './document-without-adoption-date.js';
import documentWithoutAdoptingBody from './document-without-adopting-body.js';
import policyWithoutValidity from './policy-without-validity.js';
import planWithoutPeriod from './plan-without-period.js';
import goalWithoutTargetYear from './goal-without-target-year.js';
import goalWithoutExpectedResult from './goal-without-expected-result.js';
import budgetWithoutKind from './budget-without-kind.js';
import principleUncovered from './principle-uncovered.js';
import goalWithoutFocusArea from './goal-without-focus-area.js';
import focusAreaWithoutAction from './focus-area-without-action.js';
import noIndicator from './no-indicator.js';
import actionWithoutOwner from './action-without-owner.js';
import actionWithoutDueDate from './action-without-due-date.js';
import indicatorWithoutTarget from './indicator-without-target.js';
import followupUnknownNode from './followup-unknown-node.js';
import followupUnknownPeriod from './followup-unknown-period.js';
import followupDuplicate from './followup-duplicate.js';
import followupWrongFields from './followup-wrong-fields.js';
import followupMissing from './followup-missing.js';
import followupUnfilled from './followup-unfilled.js';
import assessmentDisagreesWithRollup from './assessment-disagrees-with-rollup.js';
import indicatorValueConflict from './indicator-value-conflict.js';
import groupValueDiffersFromMean from './group-value-differs-from-mean.js';
import invalidConfig from './invalid-config.js';
import statementWithoutContact from './statement-without-contact.js';
import type { Rule } from './rule.js';

export type { Rule, RuleCategory, Severity } from './rule.js';

const rules = [
  invalidUtf8,
  emptyFile,
  unreadableFile,
  internalError,
  symlinkOutside,
  frontmatterMissing,
  frontmatterUnclosed,
  frontmatterNotYaml,
  notAPlanFile,
  yamlSyntax,
  duplicateKey,
  notNfc,
  unusualCharacter,
  bidiControl,
  limitExceeded,
  unknownKey,
  missingKey,
  wrongType,
  invalidValue,
  invalidDate,
  invalidPeriod,
  invalidFormat,
  endBeforeStart,
  targetYearOutsidePeriod,
  scaleOutOfRange,
  duplicateId,
  unknownReference,
  wrongReferenceType,
  referenceCycle,
  noDocument,
  multipleDocuments,
  documentWithoutAdoptionDate,
  documentWithoutAdoptingBody,
  policyWithoutValidity,
  planWithoutPeriod,
  goalWithoutTargetYear,
  goalWithoutExpectedResult,
  budgetWithoutKind,
  principleUncovered,
  goalWithoutFocusArea,
  focusAreaWithoutAction,
  noIndicator,
  actionWithoutOwner,
  actionWithoutDueDate,
  indicatorWithoutTarget,
  followupUnknownNode,
  followupUnknownPeriod,
  followupDuplicate,
  followupWrongFields,
  followupMissing,
  followupUnfilled,
  assessmentDisagreesWithRollup,
  indicatorValueConflict,
  groupValueDiffersFromMean,
  invalidConfig,
  statementWithoutContact,
] as const;

export type RuleId = (typeof rules)[number]['id'];

/** Every rule, in catalogue order. */
export const RULES: readonly Rule<RuleId>[] = rules;

const byId = new Map<string, Rule<RuleId>>(rules.map((r) => [r.id, r]));

/** True when `id` names a rule. */
export function isRuleId(id: string): id is RuleId {
  return byId.has(id);
}

/** The rule with this id; throws only on a programming error (an id not in the catalogue). */
export function ruleById(id: RuleId): Rule<RuleId> {
  const rule = byId.get(id);
  if (!rule) throw new Error(`unknown rule id ${id}`);
  return rule;
}
