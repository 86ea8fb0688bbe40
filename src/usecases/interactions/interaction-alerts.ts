import type { InteractionChecker } from '../../domain/clinical/interaction-checker.js';
import type { Citation, Severity } from '../../domain/clinical/interaction-rule-schema.js';
import type { CasesRepository } from '../../domain/cases/cases-repository.js';
import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import type { EscalationService } from '../../domain/escalation/escalation-service.js';
import type { InteractionAlertRow, InteractionAlertRun, InteractionRepository } from '../../domain/interactions/interaction-repository.js';
import type { MedicationEntry } from '../../domain/medications/medication.js';
import type { MedicationLexicon } from '../../domain/medications/medication-lexicon.js';
import { medicationProduct } from '../../domain/medications/resolve-ingredients.js';
import { AUDIT_ACTIONS } from '../../shared/audit-sink.js';
import type { Clock } from '../../shared/clock.js';
import { DomainError } from '../../shared/errors.js';
import { pageAcrossRuns } from '../paging/run-pages.js';
import { caseForMedications, type MedicationAccessDeps, type MedicationAction } from '../medications/medication-access.js';
import type { CaseMedications } from './interaction-ports.js';

export interface InteractionReadDeps extends MedicationAccessDeps {
  repo: Pick<InteractionRepository, 'find' | 'pageForCase' | 'recipients' | 'markRead'>;
  medications: Pick<CaseMedications, 'find'>;
  casesRepo: Pick<CasesRepository, 'caseById'>;
  checker: Pick<InteractionChecker, 'ruleSet'>;
  lexicon: Pick<MedicationLexicon, 'drugEntry'>;
  escalation: Pick<EscalationService, 'opened'>;
  clock: Clock;
}

/** One side of the pair: as entered, what it resolved to, and who prescribed it (ids; the route shows names). */
export interface InteractionSide {
  entryId: string;
  text: string;
  canonical: string | null;
  status: MedicationEntry['status'] | 'gone';
  prescriberId: string | null;
  prescriberName: string | null;
  institutionId: string | null;
  source: MedicationEntry['source'] | null;
}

export interface InteractionAlertDetails {
  id: string;
  caseCode: string;
  state: InteractionAlertRow['state'];
  severity: Severity;
  ruleId: string;
  ruleSetVersion: string;
  crossPrescriber: boolean;
  pair: [InteractionSide, InteractionSide];
  mechanism: string | null;
  action: string | null;
  alternatives: readonly string[];
  sources: readonly Citation[];
  reviewed: boolean;
  createdAt: number;
  decidedBy: string | null;
  decidedAt: number | null;
  reason: string | null;
  recipients: { clinicianId: string; role: string; readAt: number | null }[];
}

/**
 * The alert's case, if the policy lets `me` act on its medication list: reading an alert is reading the
 * medications (`readMedications`, the care team); deciding one is a prescribing decision (`addMedication`).
 * Anyone else is refused `access.denied`, audited under `auditAction`.
 */
export async function caseOfAlert(deps: MedicationAccessDeps & { casesRepo: Pick<CasesRepository, 'caseById'> }, me: ClinicianRow, caseId: string, action: MedicationAction, auditAction: string) {
  const code = (await deps.casesRepo.caseById(caseId))?.code;
  if (!code) throw new DomainError('interaction.not_found');
  return caseForMedications(deps, me, code, action, auditAction);
}

export async function findAlert(deps: { repo: Pick<InteractionRepository, 'find'> }, id: string): Promise<InteractionAlertRow> {
  const row = await deps.repo.find(id);
  if (!row) throw new DomainError('interaction.not_found');
  return row;
}

async function side(deps: InteractionReadDeps, caseId: string, entryId: string): Promise<InteractionSide> {
  const e = await deps.medications.find(caseId, entryId);
  if (!e) return { entryId, text: '—', canonical: null, status: 'gone', prescriberId: null, prescriberName: null, institutionId: null, source: null };
  const { id, text, status, prescriberId, prescriberName, institutionId, source } = e;
  return { entryId: id, text, canonical: medicationProduct(deps.lexicon, e).resolution?.canonical ?? null, status, prescriberId, prescriberName, institutionId, source };
}

/**
 * An alert's details for someone on the case team: the pair as entered and as resolved, the rule's
 * mechanism, action, alternatives and sources. A recipient's first look counts as read: their unread
 * escalation stops.
 */
export async function interactionAlertDetails(deps: InteractionReadDeps, me: ClinicianRow, id: string): Promise<InteractionAlertDetails> {
  const row = await findAlert(deps, id);
  const caseRow = await caseOfAlert(deps, me, row.caseId, 'readMedications', AUDIT_ACTIONS.interactionViewed);
  const now = deps.clock.now();
  if (await deps.repo.markRead(id, me.id, now)) await deps.escalation.opened(id, me.id, now);
  deps.audit.append({ actor: me.id, action: AUDIT_ACTIONS.interactionViewed, target: id, outcome: 'success' });
  const rule = deps.checker.ruleSet().rules.find((r) => r.id === row.ruleId);
  const recipients = (await deps.repo.recipients(id)).map(({ clinicianId, role, readAt }) => ({ clinicianId, role, readAt }));
  return {
    id, caseCode: caseRow.code, state: row.state, severity: row.severity, ruleId: row.ruleId, ruleSetVersion: row.ruleSetVersion, crossPrescriber: row.crossPrescriber,
    pair: [await side(deps, row.caseId, row.entryA), await side(deps, row.caseId, row.entryB)],
    mechanism: rule?.mechanism ?? null, action: rule?.action ?? null, alternatives: rule?.alternatives ?? [], sources: rule?.citations ?? [], reviewed: rule?.reviewed ?? false,
    createdAt: row.createdAt, decidedBy: row.decidedBy, decidedAt: row.decidedAt, reason: row.reason, recipients,
  };
}

/** The case list's runs in screen order: open alerts, then decided ones. */
const RUNS: readonly InteractionAlertRun[] = ['open', 'decided'];

/** A keyset page of a case's interaction alerts (open first, each run newest first), for its care team: ids, severity, state. */
export async function caseInteractionAlerts(deps: InteractionReadDeps, me: ClinicianRow, code: string, input: { cursor?: string; limit?: number } = {}) {
  const c = await caseForMedications(deps, me, code, 'readMedications', AUDIT_ACTIONS.interactionViewed);
  const page = await pageAcrossRuns(RUNS, input, (run, p) => deps.repo.pageForCase(c.id, run, p), (r) => ({ at: r.createdAt, id: r.id }));
  deps.audit.append({ actor: me.id, action: AUDIT_ACTIONS.interactionViewed, target: c.code, outcome: 'success', reason: 'case_list' });
  const out = [];
  for (const r of page.items) {
    const pair = [await side(deps, c.id, r.entryA), await side(deps, c.id, r.entryB)];
    out.push({ id: r.id, severity: r.severity, state: r.state, ruleId: r.ruleId, createdAt: r.createdAt, drugs: pair.map((s) => s.canonical ?? s.text) });
  }
  return { caseCode: c.code, alerts: out, nextCursor: page.nextCursor };
}
