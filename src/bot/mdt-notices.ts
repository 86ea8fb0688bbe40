import type { DirectoryRepository } from '../domain/directory/directory-repository.js';
import { clinicianName } from '../domain/directory/clinician-names.js';
import { hkDate, hkDateTime } from '../shared/hk-time.js';
import type { MdtNotices } from '../usecases/mdt/mdt-ports.js';
import { doctorPageLink } from './flows/app-link.js';
import { say } from './i18n.js';
import type { Notifier } from './outbound.js';
import { langOf } from './people.js';
import { MDT_ROLE_WORDS, MDT_TEXTS as T } from './texts/mdt-texts.js';

/** The card action names of an MDT sign-off card (card-actions.ts routes them to mdt-card.ts). */
export const MDT_APPROVE_ACTION = 'mdt_approve';
export const MDT_RETURN_ACTION = 'mdt_return';

/** The mini-app's meeting page and the owner's action list. */
export const mdtMeetingLink = (publicUrl: string, meetingId: string) => doctorPageLink(publicUrl, 'mdt', meetingId);
export const mdtActionsLink = (publicUrl: string) => doctorPageLink(publicUrl, 'mdt-actions');
const stepCardKey = (stepId: string) => `mdt-step:${stepId}`;

/**
 * The DingTalk face of MDT meetings, over the outbox: every message 1:1, keyed so a repeat never
 * sends twice, and content-free (case code, names, roles, HK times, links).
 */
export function createMdtNotices(deps: { directoryRepo: Pick<DirectoryRepository, 'findById'>; notify: Notifier; publicUrl: string }): MdtNotices {
  const person = (id: string) => deps.directoryRepo.findById(id);
  return {
    async scheduled(meeting, caseRow, participants, organiser) {
      for (const p of participants) {
        const c = await person(p.clinicianId);
        if (!c) continue;
        const lang = langOf(c);
        const text = say(lang, T.invited, clinicianName(organiser), caseRow.code, hkDateTime(meeting.scheduledAt), mdtMeetingLink(deps.publicUrl, meeting.id));
        await deps.notify.toUser(`mdt:${meeting.id}:invite:${c.id}`, c.dingtalkUserId, say(lang, T.title), text);
      }
    },
    async stepDue(meeting, caseRow, step) {
      const c = await person(step.clinicianId);
      if (!c) return;
      const lang = langOf(c);
      const text = say(lang, T.stepCard, caseRow.code, MDT_ROLE_WORDS[step.role][lang], hkDateTime(meeting.scheduledAt));
      const params = { meetingId: meeting.id, stepId: step.id };
      await deps.notify.cardToUser(stepCardKey(step.id), c.dingtalkUserId, say(lang, T.stepTitle), text, [
        { label: say(lang, T.read), action: 'mdt_read', url: mdtMeetingLink(deps.publicUrl, meeting.id) },
        { label: say(lang, T.approve), action: MDT_APPROVE_ACTION, params },
        { label: say(lang, T.return), action: MDT_RETURN_ACTION, params },
      ], { status: '' });
    },
    async stepDecided(_meeting, step, decision) {
      const c = await person(step.clinicianId);
      const lang = c ? langOf(c) : 'en';
      const line = say(lang, T.decided, say(lang, decision === 'approved' ? T.approvedWord : T.returnedWord), hkDateTime(step.decidedAt ?? 0));
      await deps.notify.settleCard(`${stepCardKey(step.id)}:settled`, stepCardKey(step.id), { status: line }, []);
    },
    async returned(meeting, caseRow, toIds, by) {
      for (const id of toIds) {
        const c = await person(id);
        if (!c) continue;
        const lang = langOf(c);
        await deps.notify.toUser(`mdt:${meeting.id}:r${meeting.round}:returned:${id}`, c.dingtalkUserId, say(lang, T.title), say(lang, T.returned, clinicianName(by), caseRow.code, mdtMeetingLink(deps.publicUrl, meeting.id)));
      }
    },
    async archived(meeting, caseRow, participantIds) {
      for (const id of participantIds) {
        const c = await person(id);
        if (!c) continue;
        const lang = langOf(c);
        await deps.notify.toUser(`mdt:${meeting.id}:archived:${id}`, c.dingtalkUserId, say(lang, T.title), say(lang, T.archived, caseRow.code, mdtMeetingLink(deps.publicUrl, meeting.id)));
      }
    },
    async actionAssigned(caseRow, action) {
      const c = await person(action.ownerId);
      if (!c) return;
      const lang = langOf(c);
      const due = action.dueAt !== null ? hkDate(action.dueAt) : '';
      await deps.notify.toUser(`mdt-action:${action.id}:assigned`, c.dingtalkUserId, say(lang, T.title), say(lang, T.actionAssigned, caseRow.code, due, mdtActionsLink(deps.publicUrl)));
    },
    async actionOverdue(caseRow, action) {
      const c = await person(action.ownerId);
      if (!c) return;
      const lang = langOf(c);
      const due = action.dueAt !== null ? hkDateTime(action.dueAt) : '';
      await deps.notify.toUser(`mdt-action:${action.id}:overdue`, c.dingtalkUserId, say(lang, T.title), say(lang, T.actionOverdue, caseRow.code, due, mdtActionsLink(deps.publicUrl)));
    },
  };
}
