import { purposeLabel } from '../../contract/purpose-of-use.js';
import { REFERRAL_DECLINE_CODES, REFERRAL_DECLINE_REASONS, REFERRAL_SEVERITIES } from '../../contract/referrals.js';
import { isSpecialty, specialtyLabel } from '../../contract/specialties.js';
import type { DingRemindType } from '../../dingtalk/openapi/index.js';
import type { ReferralRow } from '../../domain/referrals/referral-repository.js';
import type { ReferralEvent, ReferralNotices } from '../../usecases/referrals/referral-notices.js';
import type { CommandDeps } from '../commands/deps.js';
import { hkDateTime } from '../format.js';
import { say, type Lang } from '../i18n.js';
import type { CardButton } from '../outbound.js';
import { langOf, personLine } from '../people.js';
import { REFERRAL_TEXTS as T } from '../texts/referral-texts.js';

type Deps = Pick<CommandDeps, 'directoryRepo' | 'casesRepo' | 'outbox' | 'notify'>;

export const REFERRAL_ACCEPT_ACTION = 'referral_accept';
export const REFERRAL_DECLINE_ACTION = 'referral_decline';

/** The assignee's card of one referral (a new card for each assignee), and the requester's status card. */
export const assigneeCardId = (r: Pick<ReferralRow, 'id' | 'assigneeId'>) => `ref:${r.id}:to:${r.assigneeId}`;
export const requesterCardId = (referralId: string) => `refst:${referralId}`;

export const specialtyWord = (code: string, lang: Lang) => (isSpecialty(code) ? specialtyLabel(code, lang) : code);
export const severityWord = (r: Pick<ReferralRow, 'severity'>, lang: Lang) => REFERRAL_SEVERITIES[r.severity][lang];

/** [Open] (the referral screen, which marks it seen), [Accept], and one [Decline: …] per reason code. */
export function assigneeButtons(r: Pick<ReferralRow, 'id'>, lang: Lang): CardButton[] {
  const params = { referralId: r.id };
  return [
    { label: say(lang, T.open), action: 'referral_open', params, opens: { screen: 'referral', id: r.id } },
    { label: say(lang, T.accept), action: REFERRAL_ACCEPT_ACTION, params },
    ...REFERRAL_DECLINE_CODES.map((c) => ({ label: say(lang, T.decline, REFERRAL_DECLINE_REASONS[c][lang]), action: REFERRAL_DECLINE_ACTION, params: { ...params, reason: c } })),
  ];
}

/**
 * The chat side of referrals (ReferralNotices) over the outbox, inside the caller's transaction: the
 * assignee's card with its buttons (and a DING for an emergency when configured), the requester's
 * card updated in place at each step, the attendings' notice when a rule opened one. Keys are per
 * referral, assignee and event, so a repeated step sends nothing new.
 */
export function createReferralNotices(deps: Deps, opts: { remindType: DingRemindType }): ReferralNotices {
  const caseCode = async (caseId: string) => (await deps.casesRepo.caseById(caseId))?.code ?? '';
  const person = (id: string) => deps.directoryRepo.findById(id);
  const from = async (r: ReferralRow, lang: Lang) => (r.requesterId ? personLine(deps.directoryRepo, r.requesterId, lang) : say(lang, T.byRule, r.triggerRuleId ?? ''));

  async function statusLine(r: ReferralRow, e: ReferralEvent, lang: Lang): Promise<string> {
    const who = r.assigneeId ? await personLine(deps.directoryRepo, r.assigneeId, lang) : say(lang, T.nobodyShort);
    switch (e.kind) {
      case 'sent': return say(lang, T.statusSent, who);
      case 'nobody': return say(lang, T.statusNobody);
      case 'seen': return say(lang, T.statusSeen, who, hkDateTime(r.seenAt ?? r.sentAt));
      case 'accepted': return say(lang, T.statusAccepted, who, hkDateTime(e.until));
      case 'declined': return say(lang, T.statusDeclined, who, r.declineReason ? REFERRAL_DECLINE_REASONS[r.declineReason][lang] : '');
      case 'escalated': return say(lang, T.statusEscalated, who);
      case 'unrouted': return say(lang, T.statusUnrouted);
      case 'cancelled': return say(lang, T.statusCancelled);
    }
  }

  return {
    async toAssignee(r, o) {
      const a = r.assigneeId ? await person(r.assigneeId) : undefined;
      if (!a) throw new Error('referral: assignee not in directory');
      const lang = langOf(a);
      const code = await caseCode(r.caseId);
      let text = say(lang, T.assigneeText, specialtyWord(r.specialty, lang), purposeLabel(r.purposeCode, lang), await from(r, lang), hkDateTime(r.sentAt));
      if (o.handedOnFrom) text += say(lang, T.handedOn, await personLine(deps.directoryRepo, o.handedOnFrom, lang));
      await deps.notify.cardToUser(assigneeCardId(r), a.dingtalkUserId, say(lang, T.assigneeTitle, code, severityWord(r, lang)), text, assigneeButtons(r, lang), { status: '' });
      if (o.ding) {
        await deps.outbox.enqueue({ idemKey: `${assigneeCardId(r)}:ding`, kind: 'ding.send', payload: { userIds: [a.dingtalkUserId], content: say(lang, T.ding, code), remindType: opts.remindType } });
      }
    },

    async toRequester(r, e) {
      const q = r.requesterId ? await person(r.requesterId) : undefined;
      if (!q) return;
      const lang = langOf(q);
      const status = await statusLine(r, e, lang);
      if (e.kind === 'sent' || e.kind === 'nobody') {
        const code = await caseCode(r.caseId);
        const about = say(lang, T.statusAbout, severityWord(r, lang), purposeLabel(r.purposeCode, lang));
        await deps.notify.cardToUser(requesterCardId(r.id), q.dingtalkUserId, say(lang, T.statusTitle, code, specialtyWord(r.specialty, lang)), about, [], { status });
        return;
      }
      const event = e.kind === 'escalated' || e.kind === 'seen' ? `${e.kind}:${r.assigneeId}` : e.kind;
      await deps.notify.settleCard(`${requesterCardId(r.id)}:${event}`, requesterCardId(r.id), { status });
      if (e.kind === 'unrouted') {
        const code = await caseCode(r.caseId);
        const inst = r.institutionId ? ((await deps.directoryRepo.institution(r.institutionId))?.code ?? '') : '';
        const text = say(lang, T.unroutedText, code, specialtyWord(r.specialty, lang), severityWord(r, lang).toLowerCase(), inst);
        await deps.notify.toUser(`${requesterCardId(r.id)}:unrouted:tell`, q.dingtalkUserId, say(lang, T.unroutedTitle, code), text);
      }
    },

    async toAssigneeClosed(r, event) {
      if (!r.assigneeId) return;
      const a = await person(r.assigneeId);
      const status = say(langOf(a), event === 'cancelled' ? T.closedCancelled : T.closedUnrouted);
      // The card keeps its title and text; the status line says why, and the buttons go.
      await deps.notify.settleCard(`${assigneeCardId(r)}:${event}`, assigneeCardId(r), { status }, []);
    },

    async toAttendings(r, attendingIds, event) {
      const code = await caseCode(r.caseId);
      for (const id of new Set(attendingIds)) {
        const c = await person(id);
        if (!c) continue;
        const lang = langOf(c);
        const who = r.assigneeId ? await personLine(deps.directoryRepo, r.assigneeId, lang) : say(lang, T.nobodyShort);
        const spec = specialtyWord(r.specialty, lang);
        if (event === 'unrouted') {
          await deps.notify.toUser(`ref:${r.id}:attending:${id}:unrouted`, c.dingtalkUserId, say(lang, T.unroutedTitle, code), say(lang, T.attendingUnrouted, code, spec, severityWord(r, lang), r.triggerRuleId ?? ''));
          continue;
        }
        const text = say(lang, T.attendingText, code, spec, severityWord(r, lang), r.triggerRuleId ?? '', who);
        await deps.notify.toUser(`ref:${r.id}:attending:${id}`, c.dingtalkUserId, say(lang, T.attendingTitle, code), text);
      }
    },
  };
}
