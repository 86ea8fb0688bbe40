/**
 * Pharmacist review of the interaction rule set (issue 13 item 2): list the rules with their review
 * state, sign a rule off, disable it or re-enable it with a reason. Only a clinician the access policy
 * lets `reviewRules` (a verified pharmacist) may do any of it. Every change is written with its audit
 * entry in one transaction; the entry holds the rule id and version, never the pharmacist's words (they
 * stay with the rule, shown on the page). A disabled rule is skipped by the service's interaction checks
 * from the next check on (RuleReviewBook drops its cache on each write).
 */
import type { InteractionRuleSet } from '../../domain/clinical/interaction-rule-set.js';
import type { RuleDefinition } from '../../domain/clinical/interaction-rule-schema.js';
import type { RuleReviewBook } from '../../domain/clinical/rule-review-book.js';
import type { RuleReviewState } from '../../domain/clinical/rule-review-state.js';
import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import { AUDIT_ACTIONS, type AuditSink } from '../../shared/audit-sink.js';
import type { Clock } from '../../shared/clock.js';
import { DomainError } from '../../shared/errors.js';
import type { Transaction } from '../../shared/transactions.js';

export interface ReviewRulesDeps {
  book: RuleReviewBook;
  /** The access policy's answer for `reviewRules` on this rule set version. */
  mayReview(viewer: ClinicianRow, version: string): boolean;
  transaction: Transaction;
  audit: AuditSink;
  clock: Clock;
}

export interface RuleWithState {
  rule: RuleDefinition;
  state: RuleReviewState;
}

export interface RuleReviewCounts {
  total: number;
  reviewed: number;
  disabled: number;
  notReviewed: number;
}

export interface RuleReviewList {
  ruleSet: Pick<InteractionRuleSet, 'version' | 'hash' | 'classes' | 'classLabels'>;
  rules: RuleWithState[];
  counts: RuleReviewCounts;
}

/** A reason is the pharmacist's words: trimmed, at least 3 characters. */
export const REASON_MIN = 3;
export const REASON_MAX = 500;

export function countStates(states: readonly { state: RuleReviewState }[]): RuleReviewCounts {
  const n = (s: RuleReviewState['status']) => states.filter((x) => x.state.status === s).length;
  return { total: states.length, reviewed: n('reviewed'), disabled: n('disabled'), notReviewed: n('not_reviewed') };
}

function allow(deps: ReviewRulesDeps, viewer: ClinicianRow): string {
  const version = deps.book.ruleSet().version;
  if (!deps.mayReview(viewer, version)) throw new DomainError('rule.pharmacist_only');
  return version;
}

/** The rule set in use, each rule with its review state (file order), and the counts. */
export async function listRuleReviews(deps: ReviewRulesDeps, viewer: ClinicianRow): Promise<RuleReviewList> {
  allow(deps, viewer);
  const rules = await deps.book.states();
  return { ruleSet: deps.book.ruleSet(), rules, counts: countStates(rules) };
}

/** The version and counts only, for the console's read-only summary (its route guard decides who). */
export async function ruleReviewSummary(deps: Pick<ReviewRulesDeps, 'book'>): Promise<{ version: string; counts: RuleReviewCounts }> {
  return { version: deps.book.ruleSet().version, counts: countStates(await deps.book.states()) };
}

type Change = 'signOff' | 'disable' | 'enable';

const ACTION: Record<Change, string> = {
  signOff: AUDIT_ACTIONS.ruleSignedOff,
  disable: AUDIT_ACTIONS.ruleDisabled,
  enable: AUDIT_ACTIONS.ruleEnabled,
};

/** Whether the change fits the rule's state now. */
const FITS: Record<Change, (s: RuleReviewState) => boolean> = {
  signOff: (s) => s.status === 'not_reviewed',
  disable: (s) => s.status !== 'disabled',
  enable: (s) => s.status === 'disabled',
};

async function change(deps: ReviewRulesDeps, viewer: ClinicianRow, ruleId: string, what: Change, reason?: string): Promise<RuleWithState> {
  const target = `${ruleId}@${deps.book.ruleSet().version}`;
  let version: string;
  try {
    version = allow(deps, viewer);
  } catch (e) {
    deps.audit.append({ actor: viewer.id, action: ACTION[what], target, outcome: 'denied', reason: 'not_pharmacist' });
    throw e;
  }
  const words = reason?.trim() ?? '';
  if (what !== 'signOff' && words.length < REASON_MIN) throw new DomainError('rule.reason_required');
  const at = deps.clock.now();
  return deps.transaction(async () => {
    const found = await deps.book.find(ruleId);
    if (!found) throw new DomainError('rule.not_found');
    if (!FITS[what](found.state)) throw new DomainError('rule.state_changed');
    // A review row of an earlier content of the rule does not count: start from a blank row then.
    const kept = found.state.staleFrom === null ? found.row : undefined;
    const row = {
      signedOffBy: kept?.signedOffBy ?? null,
      signedOffAt: kept?.signedOffAt ?? null,
      disabledBy: kept?.disabledBy ?? null,
      disabledAt: kept?.disabledAt ?? null,
      disabledReason: kept?.disabledReason ?? null,
      enabledBy: kept?.enabledBy ?? null,
      enabledAt: kept?.enabledAt ?? null,
      enabledReason: kept?.enabledReason ?? null,
      updatedAt: at,
    };
    if (what === 'signOff') Object.assign(row, { signedOffBy: viewer.id, signedOffAt: at });
    if (what === 'disable') Object.assign(row, { disabledBy: viewer.id, disabledAt: at, disabledReason: words.slice(0, REASON_MAX) });
    if (what === 'enable') Object.assign(row, { disabledBy: null, disabledAt: null, disabledReason: null, enabledBy: viewer.id, enabledAt: at, enabledReason: words.slice(0, REASON_MAX) });
    await deps.book.save(ruleId, row);
    deps.audit.append({ actor: viewer.id, action: ACTION[what], target: `${ruleId}@${version}`, outcome: 'success', at }, { now: true });
    const after = await deps.book.find(ruleId);
    return { rule: found.rule, state: after!.state };
  });
}

export const signOffRule = (deps: ReviewRulesDeps, viewer: ClinicianRow, ruleId: string) => change(deps, viewer, ruleId, 'signOff');
export const disableRule = (deps: ReviewRulesDeps, viewer: ClinicianRow, ruleId: string, reason: string) => change(deps, viewer, ruleId, 'disable', reason);
export const enableRule = (deps: ReviewRulesDeps, viewer: ClinicianRow, ruleId: string, reason: string) => change(deps, viewer, ruleId, 'enable', reason);
