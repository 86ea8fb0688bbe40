import { z } from 'zod';
import { DomainError } from '../../shared/errors.js';
import { APPROVER_STEPS, type ApproverStep } from '../approvals/approval-steps.js';
import { PURPOSE_CODES, type PurposeOfUse } from '../../contract/purpose-of-use.js';
import { GRANT_DURATION_CODES, GRANT_DURATIONS, type GrantDuration } from '../../contract/grant-durations.js';

const HOUR = 3_600_000;

/** Durations, approver chain and allowed reasons for approval-gated sharing and break-glass. */
export interface SharingSettings {
  /** Sequential approval steps; ['attending'] by default. */
  approverChain: readonly ApproverStep[];
  /** A pending request not decided within this time expires. */
  requestTtlMs: number;
  /** Lifetime of the grant an approved request creates, when the approver picks none and its purpose has no default below. */
  approvalGrantTtlMs: number;
  /** The duration pre-selected for the approver, by the request's purpose of use (else `approvalGrantTtlMs`). */
  grantDurationByPurpose: Partial<Record<PurposeOfUse, GrantDuration>>;
  /** Lifetime of a break-glass grant. */
  breakGlassTtlMs: number;
  /** Minimum length of the break-glass justification, in characters. */
  breakGlassMinReasonLength: number;
  /** Purpose-of-use codes offered to (and accepted from) requesters. */
  reasonCodes: readonly PurposeOfUse[];
}

export const DEFAULT_SHARING_SETTINGS: Readonly<SharingSettings> = Object.freeze({
  approverChain: ['attending'] as ApproverStep[],
  requestTtlMs: 24 * HOUR,
  approvalGrantTtlMs: 72 * HOUR,
  grantDurationByPurpose: { emergency: '24h', medication_review: '24h' } as Partial<Record<PurposeOfUse, GrantDuration>>,
  breakGlassTtlMs: 4 * HOUR,
  breakGlassMinReasonLength: 10,
  reasonCodes: PURPOSE_CODES,
});

const duration = z.number().int().positive();
const schema = z.object({
  approverChain: z.array(z.enum(APPROVER_STEPS)).min(1).max(5),
  requestTtlMs: duration,
  approvalGrantTtlMs: duration,
  grantDurationByPurpose: z.partialRecord(z.enum(PURPOSE_CODES as [PurposeOfUse, ...PurposeOfUse[]]), z.enum(GRANT_DURATION_CODES)),
  breakGlassTtlMs: duration,
  breakGlassMinReasonLength: z.number().int().min(1),
  reasonCodes: z.array(z.enum(PURPOSE_CODES as [PurposeOfUse, ...PurposeOfUse[]])).min(1),
});

/** Defaults overlaid with `overrides`, validated; a bad value is a configuration error at start. */
export function resolveSharingSettings(overrides: Partial<SharingSettings> = {}): Readonly<SharingSettings> {
  const parsed = schema.safeParse({ ...DEFAULT_SHARING_SETTINGS, ...overrides });
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => i.path.join('.')).join(', ');
    throw new DomainError('config.invalid', `invalid sharing settings: ${fields}`);
  }
  return Object.freeze(parsed.data);
}

/**
 * How long a grant runs: the approver's choice, else the purpose's configured default, else the
 * deployment's grant lifetime.
 */
export function grantTtlMs(settings: Pick<SharingSettings, 'approvalGrantTtlMs' | 'grantDurationByPurpose'>, reasonCode: string, choice?: GrantDuration): number {
  if (choice) return GRANT_DURATIONS[choice].ms;
  const byPurpose = settings.grantDurationByPurpose[reasonCode as PurposeOfUse];
  return byPurpose ? GRANT_DURATIONS[byPurpose].ms : settings.approvalGrantTtlMs;
}
