// The problems found while files are read, parsed, validated and resolved into the graph, by code (as the yaml
// package keeps its ErrorCodes), with their severity. Each code is also a rule with its own module and page in
// src/rules/; rules that check the built graph are not codes, they report through their own module.
import type { Severity } from './report.js';

export const PROBLEM_CODES = {
  // files and YAML
  'invalid-utf8': 'error',
  'empty-file': 'warning',
  'unreadable-file': 'error',
  'internal-error': 'error',
  'symlink-outside': 'error',
  'frontmatter-missing': 'error',
  'frontmatter-unclosed': 'error',
  'frontmatter-not-yaml': 'error',
  'not-a-plan-file': 'warning',
  'yaml-syntax': 'error',
  'duplicate-key': 'error',
  'not-nfc': 'warning',
  'unusual-character': 'warning',
  'bidi-control': 'error',
  'limit-exceeded': 'error',
  // the schema
  'unknown-key': 'error',
  'missing-key': 'error',
  'wrong-type': 'error',
  'invalid-value': 'error',
  'invalid-date': 'error',
  'invalid-period': 'error',
  'invalid-format': 'error',
  // nodes, links and follow-ups
  'duplicate-id': 'error',
  'unknown-reference': 'error',
  'wrong-reference-type': 'error',
  'no-document': 'error',
  'multiple-documents': 'error',
  'followup-unknown-node': 'error',
  'followup-unknown-period': 'error',
  'followup-duplicate': 'error',
  'followup-wrong-fields': 'error',
} as const satisfies Record<string, Severity>;

export type ProblemCode = keyof typeof PROBLEM_CODES;
