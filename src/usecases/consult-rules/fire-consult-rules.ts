import type { ConsultRule } from '../../domain/consult-rules/consult-rule-schema.js';
import { matchDocument, matchObservation } from '../../domain/consult-rules/evaluate-rules.js';
import type { RuleFirings, RuleItemType } from '../../domain/consult-rules/rule-firings.js';
import type { RuleSource } from '../../domain/consult-rules/rule-source.js';
import type { EhrObservation } from '../../domain/ehr/ehr-port.js';
import { AUDIT_ACTIONS, type AuditSink } from '../../shared/audit-sink.js';
import type { Clock } from '../../shared/clock.js';
import { newId } from '../../shared/ids.js';
import type { Logger } from '../../shared/logger.js';
import type { OpenReferral } from '../referrals/referral-ports.js';
import type { DocumentSharedEvent, FormFiledEvent } from './consult-rule-ports.js';

export interface FireRulesDeps {
  rules: Pick<RuleSource, 'current'>;
  firings: Pick<RuleFirings, 'claim' | 'setReferral' | 'release'>;
  openReferral: OpenReferral;
  /** An institution code's id; null when the code is unknown (the referral then uses the fallback order). */
  institutionIdOf: (code: string) => Promise<string | null>;
  audit: AuditSink;
  clock: Clock;
  logger: Logger;
}

export interface FiredRule {
  ruleId: string;
  itemType: RuleItemType;
  itemId: string;
  referralId: string;
}

interface Item {
  caseId: string;
  caseCode: string;
  itemType: RuleItemType;
  itemId: string;
}

/**
 * Opens the referral of each matching rule on one item, once: the claim (unique rule × item) comes
 * first, so a second share, a re-import or a concurrent instance finds it taken. The referral is
 * opened by the system (no requester) with the rule's severity, specialty and purpose, so the referral
 * module tells the case's attendings (1:1, with the rule id); the rule itself grants nothing (access
 * comes only with the referral's consult grant, on acceptance). Each firing is audited with the rule
 * id. A referral that cannot be opened gives the
 * claim back (audited as a failure) and never fails the share or import that triggered it.
 */
async function fireRules(deps: FireRulesDeps, item: Item, rules: readonly ConsultRule[]): Promise<FiredRule[]> {
  const fired: FiredRule[] = [];
  for (const rule of rules) {
    const firingId = newId();
    const claimed = await deps.firings.claim({ id: firingId, ruleId: rule.id, itemType: item.itemType, itemId: item.itemId, caseId: item.caseId, referralId: null, firedAt: deps.clock.now() });
    if (!claimed) continue;
    const audit = { actor: 'system', action: AUDIT_ACTIONS.consultRuleFired, target: item.itemId, reason: rule.id };
    let referralId: string;
    try {
      const institutionId = rule.institution ? await deps.institutionIdOf(rule.institution) : null;
      const opened = await deps.openReferral({
        caseId: item.caseId, requesterId: null, specialty: rule.specialty, institutionId, severity: rule.severity, purposeCode: rule.purposeCode,
        trigger: { ruleId: rule.id, itemType: item.itemType, itemId: item.itemId },
      });
      referralId = opened.referralId;
      await deps.firings.setReferral(firingId, referralId);
    } catch (e) {
      await deps.firings.release(firingId);
      deps.audit.append({ ...audit, outcome: 'failure' });
      deps.logger.warn({ err: e, ruleId: rule.id, itemType: item.itemType }, 'consult rule: referral not opened');
      continue;
    }
    deps.audit.append({ ...audit, outcome: 'success' });
    fired.push({ ruleId: rule.id, itemType: item.itemType, itemId: item.itemId, referralId });
  }
  return fired;
}

/** A document was shared or imported: the rules that match its type and flags fire. */
export async function fireOnDocument(deps: FireRulesDeps, ev: DocumentSharedEvent): Promise<FiredRule[]> {
  const { compiled } = await deps.rules.current();
  const rules = matchDocument(compiled, { docType: ev.docType, flags: ev.flags });
  return rules.length === 0 ? [] : fireRules(deps, { caseId: ev.caseId, caseCode: ev.caseCode, itemType: 'document', itemId: ev.documentId }, rules);
}

/**
 * A Yida form was filed: the rules its document type and flags match, and those any of its result
 * fields match, fire once each on the filed document (so the case screen tags the form's row).
 */
export async function fireOnFiledForm(deps: FireRulesDeps, ev: FormFiledEvent): Promise<FiredRule[]> {
  const { compiled } = await deps.rules.current();
  const rules = matchDocument(compiled, { docType: ev.docType, flags: ev.flags });
  for (const r of ev.results) {
    for (const rule of matchObservation(compiled, { codes: [{ code: r.loinc }], value: r.value, unit: r.unit }).fired) if (!rules.includes(rule)) rules.push(rule);
  }
  return rules.length === 0 ? [] : fireRules(deps, { caseId: ev.caseId, caseCode: ev.caseCode, itemType: 'document', itemId: ev.documentId }, rules);
}

/** Results were imported: each result fires the rules its code and value match. */
export async function fireOnObservations(deps: FireRulesDeps, ev: { caseId: string; caseCode: string; observations: readonly EhrObservation[] }): Promise<FiredRule[]> {
  const { compiled } = await deps.rules.current();
  const out: FiredRule[] = [];
  for (const obs of ev.observations) {
    const { fired } = matchObservation(compiled, obs);
    if (fired.length > 0) out.push(...(await fireRules(deps, { caseId: ev.caseId, caseCode: ev.caseCode, itemType: 'observation', itemId: obs.ref }, fired)));
  }
  return out;
}

/** The LOINC codes any rule in force reads (what an import asks the EHR for). */
export async function ruleLoincCodes(deps: Pick<FireRulesDeps, 'rules'>): Promise<string[]> {
  return [...(await deps.rules.current()).compiled.byLoinc.keys()];
}
