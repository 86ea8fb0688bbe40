import type { AllergyAlertRow } from '../../domain/alerts/alert-repository.js';
import type { CasesRepository } from '../../domain/cases/cases-repository.js';
import type { ClinicianRow, DirectoryRepository } from '../../domain/directory/directory-repository.js';
import type { EscalationService } from '../../domain/escalation/escalation-service.js';
import { DomainError } from '../../shared/errors.js';

/** `sending`: the card is not out yet; `delivered`: DingTalk has it; `opened`: they read the alert. */
export type RecipientState = 'sending' | 'delivered' | 'opened';

export interface AlertRecipientStatus {
  clinicianId: string;
  /** In the alert's group, 1:1, or a colleague the escalation let in on behalf of `askedFor`. */
  via: 'group' | 'direct' | 'escalation';
  state: RecipientState;
  deliveredAt: number | null;
  openedAt: number | null;
  /** The unread recipient this colleague was asked for (escalation only). */
  askedFor: string | null;
}

export interface AlertDeliveryStatus {
  alertId: string;
  caseCode: string;
  raisedAt: number;
  /** The chat copy burned (read windows over, or its lifetime ended); the EHR record stays. */
  burned: boolean;
  recipients: AlertRecipientStatus[];
}

export interface AlertStatusDeps {
  alerts: { find(id: string): Promise<AllergyAlertRow | undefined> };
  casesRepo: Pick<CasesRepository, 'caseById'>;
  directory: Pick<DirectoryRepository, 'findById'>;
  /** The chat copy's recipients (with first opens) and whether it is still alive. */
  copy: {
    recipients(itemId: string): Promise<{ clinicianId: string; openedAt: number | null }[]>;
    isGone(itemId: string): Promise<boolean>;
  };
  /** Cards posted under an outTrackId prefix, with DingTalk's delivery (outbox `sent`) and when. */
  cards: { posted(prefix: string): Promise<{ outTrackId: string; status: string; at: number }[]> };
  escalation: Pick<EscalationService, 'stepsFor'>;
}

const ids = (json: string): string[] => JSON.parse(json) as string[];

/**
 * The raiser's view of their allergy alert: per recipient, whether the card reached them and whether
 * they opened it, and the colleagues an unread escalation let in. Ids, states and times only: no
 * patient data and nothing of what the alert says. Only the raiser may look (others: access.denied).
 */
export async function alertDeliveryStatus(deps: AlertStatusDeps, viewer: ClinicianRow, alertId: string): Promise<AlertDeliveryStatus> {
  const alert = await deps.alerts.find(alertId);
  if (!alert) throw new DomainError('not_found');
  if (alert.raisedBy !== viewer.id) throw new DomainError('access.denied');
  const caseCode = (await deps.casesRepo.caseById(alert.caseId))?.code ?? '';
  const base = { alertId, caseCode, raisedAt: alert.createdAt };
  if (!alert.ephemeralItemId) return { ...base, burned: false, recipients: [] };

  const posted = new Map((await deps.cards.posted(`alert:${alertId}:`)).map((c) => [c.outTrackId, c]));
  const sentAt = (outTrackId: string | null) => {
    const card = outTrackId ? posted.get(outTrackId) : undefined;
    return card?.status === 'sent' ? card.at : null;
  };
  const direct = new Set(ids(alert.directIds));
  const original = new Set(ids(alert.recipientIds));
  const askedFor = new Map<string, string>();
  for (const s of await deps.escalation.stepsFor([alert.ephemeralItemId])) if (s.action === 'escalated' && s.targetId) askedFor.set(s.targetId, s.recipientId);

  const recipients: AlertRecipientStatus[] = [];
  for (const r of await deps.copy.recipients(alert.ephemeralItemId)) {
    const userId = (await deps.directory.findById(r.clinicianId))?.dingtalkUserId;
    const via = !original.has(r.clinicianId) ? 'escalation' : direct.has(r.clinicianId) || !alert.sceneGroupId ? 'direct' : 'group';
    const card = via === 'group' ? `alert:${alertId}:${alert.sceneGroupId}` : userId ? `alert:${alertId}:${userId}` : null;
    const deliveredAt = sentAt(card) ?? r.openedAt;
    const state: RecipientState = r.openedAt !== null ? 'opened' : deliveredAt !== null ? 'delivered' : 'sending';
    recipients.push({ clinicianId: r.clinicianId, via, state, deliveredAt, openedAt: r.openedAt, askedFor: askedFor.get(r.clinicianId) ?? null });
  }
  return { ...base, burned: await deps.copy.isGone(alert.ephemeralItemId), recipients };
}
