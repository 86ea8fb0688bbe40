import { assertCaseOpen } from '../../domain/cases/case-status.js';
import { createHash } from 'node:crypto';
import type { AlertForm } from '../../domain/alerts/alert-form.js';
import { newAlertId, type AlertService } from '../../domain/alerts/alert-service.js';
import type { CaseRow } from '../../domain/cases/cases-repository.js';
import type { ClinicianRow } from '../../domain/directory/directory-repository.js';

export interface AlertRaised {
  alertId: string;
  caseCode: string;
  recipients: number;
  ehrPendingId: string;
  /** Whether a scan went along (as a burn-after-reading document). */
  scan: boolean;
}

export interface RaiseAlertInput {
  /** The form's fields as received; the alert service parses them and names bad fields, never values. */
  form: Record<string, unknown>;
  scan?: Buffer;
  /** The client's id for this submission: a retried submit with the same id is the same alert. None: a fresh alert each call. */
  submissionId?: string;
}

/** The alert id for a submission: stable per raiser and submission id, so a retry cannot raise twice. */
export function alertIdFor(raiserId: string, submissionId?: string): string {
  if (submissionId === undefined) return newAlertId();
  return `alr_${createHash('sha256').update(`${raiserId}:${submissionId}`).digest('hex').slice(0, 32)}`;
}

/**
 * Raises an emergency allergy alert on a case. The alert service applies the raise rule (share, or
 * break-glass), parses the form, records the alert and its EHR request, and sends the burned chat copy
 * to the ER team and the family doctor.
 */
export async function raiseAlert(deps: { alerts: Pick<AlertService, 'raise'> }, raiser: ClinicianRow, caseRow: Pick<CaseRow, 'id'> & Partial<Pick<CaseRow, 'code' | 'status'>>, input: RaiseAlertInput): Promise<AlertRaised> {
  assertCaseOpen(caseRow);
  const out = await deps.alerts.raise({
    raiserId: raiser.id,
    caseId: caseRow.id,
    form: input.form as AlertForm,
    scan: input.scan,
    alertId: alertIdFor(raiser.id, input.submissionId),
  });
  return { alertId: out.alertId, caseCode: out.caseCode, recipients: out.recipients, ehrPendingId: out.ehrPendingId, scan: out.scanItemId !== null };
}
