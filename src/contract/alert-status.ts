import { z } from 'zod';
import { personDto } from './doctor.js';

/**
 * GET /api/app/alerts/:id/status (src/http/app/alert-status-routes.ts): the raiser's per-recipient
 * delivery of an allergy alert. Names and states only: nothing of the patient or the allergy.
 */
export const alertStatusParams = z.object({ id: z.string().regex(/^alr_[0-9a-f]{32}$/) });

export const alertRecipientDto = z.object({
  person: personDto,
  via: z.enum(['group', 'direct', 'escalation']),
  state: z.enum(['sending', 'delivered', 'opened']),
  deliveredAt: z.number().int().nullable().describe('Epoch ms the card reached DingTalk (or the first open, if earlier)'),
  openedAt: z.number().int().nullable(),
  askedFor: personDto.nullable().describe('Escalation only: the unread recipient this colleague was asked for'),
});

export const alertStatusDto = z.object({
  alertId: z.string(),
  caseCode: z.string(),
  raisedAt: z.number().int(),
  burned: z.boolean(),
  recipients: z.array(alertRecipientDto),
});

export type AlertStatusDto = z.infer<typeof alertStatusDto>;
