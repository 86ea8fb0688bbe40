import type { FreeTextCipher } from '../patients/free-text-cipher.js';
import type { MdtAction, MdtMinutes, MdtStep, MdtSummary } from './mdt-meeting.js';

/** Stored shapes of the MDT rows with free text: the same fields, the text sealed to its column and row. */
type MinutesRow = Omit<MdtMinutes, 'summary'> & { summary: string };

export function sealMinutes(texts: FreeTextCipher, m: MdtMinutes): MinutesRow {
  return {
    ...m,
    transcript: texts.seal('mdt_minutes.transcript', m.meetingId, m.transcript),
    summary: texts.seal('mdt_minutes.summary', m.meetingId, JSON.stringify(m.summary)),
  };
}

export function openMinutes(texts: FreeTextCipher, r: MinutesRow): MdtMinutes {
  return {
    ...r,
    transcript: texts.open('mdt_minutes.transcript', r.meetingId, r.transcript),
    summary: JSON.parse(texts.open('mdt_minutes.summary', r.meetingId, r.summary)) as MdtSummary,
  };
}

export const sealComment = (texts: FreeTextCipher, stepId: string, comment: string | null): string | null =>
  comment === null ? null : texts.seal('mdt_approval_steps.comment', stepId, comment);

export function openStep(texts: FreeTextCipher, r: MdtStep): MdtStep {
  return { ...r, comment: r.comment === null ? null : texts.open('mdt_approval_steps.comment', r.id, r.comment) };
}

export const sealAction = (texts: FreeTextCipher, a: MdtAction): MdtAction => ({ ...a, text: texts.seal('mdt_actions.text', a.id, a.text) });
export const openAction = (texts: FreeTextCipher, a: MdtAction): MdtAction => ({ ...a, text: texts.open('mdt_actions.text', a.id, a.text) });
