import type { AlertStatusCard } from '../../usecases/alerts/alert-status-cards.js';
import type { AlertDeliveryStatus, AlertRecipientStatus } from '../../usecases/alerts/alert-status.js';
import type { CommandDeps } from '../commands/deps.js';
import { hkClock } from '../format.js';
import { say, type Lang } from '../i18n.js';
import { langOf, personLine } from '../people.js';
import { STATUS_CARD_TEXTS as T } from '../texts/status-card-texts.js';
import type { CardButton } from '../outbound.js';
import { showLiveCard, type LiveCardContent } from './live-card.js';

type Deps = Pick<CommandDeps, 'directoryRepo' | 'notify'>;

/** The raiser's status card of an alert (not under `alert:<id>:`, the recipients' cards). */
export const alertStatusCardId = (alertId: string) => `alert-status:${alertId}`;

/** The card's [Open status]: DingTalk opens /alert/:id in place; the callback sends the link 1:1. */
export const ALERT_STATUS_ACTION = 'alert_status';

function stateWord(r: AlertRecipientStatus, lang: Lang): string {
  if (r.state === 'opened' && r.openedAt !== null) return say(lang, T.alertOpened, hkClock(r.openedAt));
  if (r.state === 'delivered' && r.deliveredAt !== null) return say(lang, T.alertDelivered, hkClock(r.deliveredAt));
  return say(lang, T.alertSending);
}

/**
 * The card's content in the raiser's language: one line per recipient (delivered / opened, with the
 * HK time), the colleagues an unread escalation asked shown on the unread recipient's line and with
 * their own state, and "burned" at the end. Names, states and the case code only.
 */
export async function alertStatusContent(deps: Pick<Deps, 'directoryRepo'>, s: AlertDeliveryStatus, lang: Lang): Promise<LiveCardContent> {
  const name = (id: string) => personLine(deps.directoryRepo, id, lang);
  const lines: string[] = [];
  for (const r of s.recipients.filter((x) => x.via !== 'escalation')) {
    const asked = s.recipients.filter((x) => x.askedFor === r.clinicianId);
    const names: string[] = [];
    for (const a of asked) names.push(await name(a.clinicianId));
    const escalated = names.length > 0 ? say(lang, T.alertEscalatedTo, names.join('; ')) : '';
    lines.push(say(lang, T.alertRecipient, await name(r.clinicianId), stateWord(r, lang)) + escalated);
  }
  for (const a of s.recipients.filter((x) => x.via === 'escalation')) {
    lines.push(say(lang, T.alertAskedFor, await name(a.clinicianId), a.askedFor ? await name(a.askedFor) : '—', stateWord(a, lang)));
  }
  if (lines.length === 0) lines.push(say(lang, T.alertNoneYet));
  if (s.burned) lines.push(say(lang, T.alertBurned));
  const buttons: CardButton[] = [
    { label: say(lang, T.alertOpenStatus), action: ALERT_STATUS_ACTION, params: { alertId: s.alertId }, opens: { screen: 'alert', id: s.alertId } },
  ];
  return { title: say(lang, T.alertTitle, s.caseCode), text: lines.join('\n'), buttons };
}

/** The raiser's live card 1:1, posted on the first look and updated in place as recipients' states change. */
export function createAlertStatusCard(deps: Deps): AlertStatusCard {
  return {
    async show(raiser, status) {
      const lang = langOf(raiser);
      await showLiveCard(deps.notify, alertStatusCardId(status.alertId), raiser.dingtalkUserId, await alertStatusContent(deps, status, lang));
    },
  };
}
