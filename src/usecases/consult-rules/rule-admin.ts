import { parseConsultRuleText, type ConsultRule, type RuleProblem } from '../../domain/consult-rules/consult-rule-schema.js';
import type { RuleSetStore } from '../../domain/consult-rules/rule-set-store.js';
import type { RuleSource } from '../../domain/consult-rules/rule-source.js';
import { AUDIT_ACTIONS, type AuditSink } from '../../shared/audit-sink.js';
import type { Clock } from '../../shared/clock.js';
import { DomainError } from '../../shared/errors.js';

export interface RuleAdminDeps {
  rules: Pick<RuleSource, 'current'>;
  store: Pick<RuleSetStore, 'save'>;
  audit: AuditSink;
  clock: Clock;
}

/** The rule set in force as the console shows it: where it comes from, its version and its JSON text. */
export interface RulesView {
  source: 'file' | 'saved';
  version: number;
  updatedBy: string | null;
  updatedAt: number | null;
  rules: readonly ConsultRule[];
  text: string;
  fileProblems: RuleProblem[];
}

export async function viewRules(deps: Pick<RuleAdminDeps, 'rules'>): Promise<RulesView> {
  const r = await deps.rules.current();
  return { source: r.source, version: r.version, updatedBy: r.updatedBy, updatedAt: r.updatedAt, rules: r.rules, text: JSON.stringify({ rules: r.rules }, null, 2), fileProblems: r.fileProblems };
}

/**
 * Saves the console's rule text over the version the admin edited: validated first (every problem
 * with its path, `consult_rules.invalid`), then a compare-and-set on the version, so a save made
 * meanwhile by someone else (or on another instance) is never overwritten unseen (`consult_rules.stale`).
 * Every instance picks the new version up at its next evaluation. Audited with the new version.
 */
export async function saveRules(deps: RuleAdminDeps, adminId: string, text: string, expectedVersion: number): Promise<RulesView> {
  const parsed = parseConsultRuleText(text);
  if (!parsed.ok) {
    deps.audit.append({ actor: adminId, action: AUDIT_ACTIONS.consultRulesSaved, outcome: 'failure', reason: 'invalid' });
    throw new DomainError('consult_rules.invalid', undefined, { details: { problems: parsed.problems } });
  }
  const saved = await deps.store.save({ rulesJson: JSON.stringify(parsed.set), updatedBy: adminId, updatedAt: deps.clock.now() }, expectedVersion);
  if (!saved) throw new DomainError('consult_rules.stale');
  deps.audit.append({ actor: adminId, action: AUDIT_ACTIONS.consultRulesSaved, target: 'consult-rules', outcome: 'success', reason: `v${expectedVersion + 1}` });
  return viewRules(deps);
}
