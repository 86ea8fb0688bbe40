/**
 * What a pharmacist's review means for one rule of the rule set in use. Pure: the rule and its stored
 * review row in, its state out. A review holds for the rule's content it was made on: when a later rule
 * set version edits the rule (its hash changes), the old review no longer counts, the rule is "not
 * reviewed" and enabled again, and the page says which version the old review was made in.
 */
import { createHash } from 'node:crypto';
import type { RuleDefinition } from './interaction-rule-schema.js';
import type { RuleReviewRow } from './rule-review-repository.js';

export type RuleReviewStatus = 'not_reviewed' | 'reviewed' | 'disabled';

export interface ReviewMark {
  by: string;
  at: number;
}

export interface RuleReviewState {
  ruleId: string;
  status: RuleReviewStatus;
  /** Signed off (kept while the rule is disabled, and after it is re-enabled). */
  signedOff: ReviewMark | null;
  disabled: (ReviewMark & { reason: string }) | null;
  /** The last re-enable (while the rule is enabled). */
  enabled: (ReviewMark & { reason: string }) | null;
  /** A review made on an earlier content of this rule (the version it was made in), which no longer counts. */
  staleFrom: string | null;
}

/** sha256 of a rule's content, all fields but `reviewed` (the file's own flag, which a sign-off stands in for). */
export function ruleContentHash(rule: RuleDefinition): string {
  const content = JSON.stringify(rule, (key, value: unknown) => (key === 'reviewed' ? undefined : value));
  return createHash('sha256').update(content).digest('hex');
}

const mark = (by: string | null, at: number | null): ReviewMark | null => (by !== null && at !== null ? { by, at } : null);
const withReason = (by: string | null, at: number | null, reason: string | null) => {
  const m = mark(by, at);
  return m ? { ...m, reason: reason ?? '' } : null;
};

/** The state of `rule` given its review row (undefined: never reviewed). */
export function reviewStateOf(rule: RuleDefinition, row: RuleReviewRow | undefined, hash = ruleContentHash(rule)): RuleReviewState {
  const base = { ruleId: rule.id, signedOff: null, disabled: null, enabled: null, staleFrom: null };
  if (!row) return { ...base, status: 'not_reviewed' };
  if (row.ruleHash !== hash) return { ...base, status: 'not_reviewed', staleFrom: row.ruleSetVersion };
  const signedOff = mark(row.signedOffBy, row.signedOffAt);
  const disabled = withReason(row.disabledBy, row.disabledAt, row.disabledReason);
  const enabled = disabled ? null : withReason(row.enabledBy, row.enabledAt, row.enabledReason);
  const status: RuleReviewStatus = disabled ? 'disabled' : signedOff ? 'reviewed' : 'not_reviewed';
  return { ...base, status, signedOff, disabled, enabled };
}
