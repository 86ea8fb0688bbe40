import type { z } from 'zod';
import { alertFormSchema } from '../../domain/alerts/alert-form.js';
import type { CaseQueries } from '../../domain/cases/case-queries.js';
import type { CaseRow } from '../../domain/cases/cases-repository.js';
import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import { DEFAULT_BURN_MS, MAX_BURN_MS, MIN_BURN_MS } from '../../domain/burn/burn-duration.js';
import { DEFAULT_MAX_BYTES } from '../../domain/vault/upload-check.js';
import { alertRaiseRule, mayRaiseAlert, type AlertRaiseRuleDeps } from '../../usecases/alerts/alert-raise-rule.js';
import { mayShareToCase, type DecideOnCase } from '../../usecases/sharing/share-report.js';
import { DomainError, isDomainError } from '../../shared/errors.js';
import type { composeOptionsDto } from '../../contract/compose.js';

const shape = alertFormSchema.shape;
const ALERT_CHOICES = {
  severity: [...shape.severity.unwrap().options],
  criticality: [...shape.criticality.options],
  category: [...shape.category.unwrap().options],
};

/** The case a compose call names; an unknown code is access.denied (as the case view), so codes cannot be probed. */
export async function composeCase(deps: { cases: Pick<CaseQueries, 'findCase'> }, code: string): Promise<CaseRow> {
  try {
    return await deps.cases.findCase(code);
  } catch (e) {
    if (isDomainError(e) && (e.code === 'case.not_found' || e.code === 'case.code_invalid')) throw new DomainError('access.denied');
    throw e;
  }
}

/** The rules the compose screens ask about: the policy's `share` rule and the alert raise rule. */
export type ComposeOptionsDeps = AlertRaiseRuleDeps & { decideOnCase: DecideOnCase };

/**
 * What I may compose on a case now, from the same rules the chat commands and the submits apply, so
 * the screens can say "no" (and "break glass first") before anything is typed. Someone who may do
 * none of it gets access.denied, like the case view.
 */
export async function composeOptions(deps: ComposeOptionsDeps, me: ClinicianRow, caseRow: CaseRow): Promise<z.infer<typeof composeOptionsDto>> {
  const rule = alertRaiseRule(deps);
  const share = await mayShareToCase(deps, me, caseRow);
  let alert: 'share' | 'break_glass' | null = null;
  try {
    alert = await mayRaiseAlert(deps, me, caseRow);
  } catch (e) {
    if (!isDomainError(e)) throw e;
  }
  if (!share && !alert) throw new DomainError('access.denied');
  return {
    caseCode: caseRow.code,
    share,
    burn: await rule.mayShare(me, caseRow.id),
    alert,
    burnSeconds: { min: MIN_BURN_MS / 1000, max: MAX_BURN_MS / 1000, default: DEFAULT_BURN_MS / 1000 },
    maxUploadBytes: DEFAULT_MAX_BYTES,
    alertChoices: ALERT_CHOICES,
  };
}
