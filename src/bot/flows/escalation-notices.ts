import type { EscalationNotifier, StepNotice } from '../../domain/escalation/escalation-port.js';
import type { DingRemindType } from '../../dingtalk/openapi/index.js';
import type { CommandDeps } from '../commands/deps.js';
import { hkClock } from '../format.js';
import { say, type Lang } from '../i18n.js';
import { langOf, personLine } from '../people.js';
import { appLink } from './app-link.js';
import { NOTICE_TEXTS as T } from '../texts/notice-texts.js';
import { INTERACTION_TEXTS } from '../texts/interaction-texts.js';
import { REFERRAL_TEXTS } from '../texts/referral-texts.js';

type Deps = Pick<CommandDeps, 'directoryRepo' | 'casesRepo' | 'outbox' | 'notify' | 'publicUrl'>;

const ITEM: Record<StepNotice['itemType'], { en: string; zh: string }> = { document: T.itemDocument, alert: T.itemAlert, interaction: INTERACTION_TEXTS.item, referral: REFERRAL_TEXTS.item };

/**
 * The chat side of unread escalation: content-free 1:1 texts (case code, names, times, a mini-app link
 * that opens only for a signed-in reader), the DING, and the initiator's "still unread" notice. Everything goes through the outbox under the step's idemKey, inside
 * the step's transaction. A recipient missing from the directory throws, so the step is retried.
 */
export function createEscalationNotices(deps: Deps, opts: { remindType: DingRemindType }): EscalationNotifier {
  const person = async (id: string) => {
    const c = await deps.directoryRepo.findById(id);
    if (!c) throw new Error('escalation: clinician not in directory');
    return c;
  };
  const caseCode = async (caseId: string) => (await deps.casesRepo.caseById(caseId))?.code ?? '';
  const what = (n: StepNotice, lang: Lang) => ITEM[n.itemType][lang];
  const from = async (n: StepNotice, lang: Lang) => (n.initiatorId ? personLine(deps.directoryRepo, n.initiatorId, lang) : '');

  /** The document or interaction alert in the mini-app (which signs the reader in and decides access then); allergy alerts are opened from their card. */
  function openLink(n: StepNotice, lang: Lang): string {
    if (n.itemType === 'alert') return say(lang, T.openFromAlertCard);
    return `[${say(lang, T.open)}](${appLink(deps.publicUrl, n.itemType === 'document' ? 'doc' : 'doctor/interactions', n.itemId)})`;
  }

  return {
    async remind(n) {
      const r = await person(n.recipientId);
      const lang = langOf(r);
      const code = await caseCode(n.caseId);
      const at = hkClock(n.since);
      const text = say(lang, T.remind, what(n, lang), code, await from(n, lang), at, openLink(n, lang));
      await deps.notify.toUser(n.idemKey, r.dingtalkUserId, say(lang, T.remindTitle, code), text);
    },

    async ding(n) {
      const r = await person(n.recipientId);
      const lang = langOf(r);
      const code = await caseCode(n.caseId);
      const content = say(lang, T.ding, what(n, lang), code);
      await deps.outbox.enqueue({ idemKey: n.idemKey, kind: 'ding.send', payload: { userIds: [r.dingtalkUserId], content, remindType: opts.remindType } });
    },

    async escalate(n) {
      // A referral handed on was sent to its new assignee as its own card (usecases/referrals/referral-escalation.ts).
      if (n.itemType === 'referral' && n.admitted) return;
      const c = await person(n.colleagueId);
      const lang = langOf(c);
      const code = await caseCode(n.caseId);
      const at = hkClock(n.since);
      const who = await personLine(deps.directoryRepo, n.recipientId, lang);
      // Let in, the colleague can act at once: a document's notice carries its link, an alert's card was just sent.
      const text = !n.admitted
        ? say(lang, T.escalate, who, what(n, lang), code, at)
        : n.itemType === 'document'
          ? say(lang, T.escalateAdmittedDocument, who, what(n, lang), code, at, openLink(n, lang))
          : say(lang, T.escalateAdmitted, who, what(n, lang), code, at);
      await deps.notify.toUser(n.idemKey, c.dingtalkUserId, say(lang, T.escalateTitle, code), text);
    },

    async tellInitiator(n) {
      const r = await person(n.initiatorId);
      const lang = langOf(r);
      const code = await caseCode(n.caseId);
      const at = hkClock(n.since);
      const who = await personLine(deps.directoryRepo, n.recipientId, lang);
      const text = n.colleagueId
        ? say(lang, T.unreadAsked, who, what(n, lang), code, at, await personLine(deps.directoryRepo, n.colleagueId, lang))
        : say(lang, T.unreadNobody, who, what(n, lang), code, at);
      await deps.notify.toUser(n.idemKey, r.dingtalkUserId, say(lang, T.unreadTitle, code), text);
    },
  };
}
