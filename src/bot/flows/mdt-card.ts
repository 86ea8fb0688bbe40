import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import { decideStep } from '../../usecases/mdt/mdt-signoff.js';
import type { ArchiveDeps } from '../../usecases/mdt/archive-mdt.js';
import { say, type Lang } from '../i18n.js';
import { MDT_APPROVE_ACTION, mdtMeetingLink } from '../mdt-notices.js';
import { MDT_TEXTS as T } from '../texts/mdt-texts.js';

/**
 * A press on an MDT sign-off card: Approve decides the step at once; Return decides it when the
 * card carries a comment (a template with an input sends it as `comment`), and otherwise answers with
 * the mini-app link where the comment is written — a summary is never returned without one.
 */
export async function mdtCardPress(deps: { mdt: ArchiveDeps; publicUrl: string }, me: ClinicianRow, p: { action: string; meetingId: string; comment: string }, lang: Lang): Promise<string> {
  if (p.action === MDT_APPROVE_ACTION) {
    const r = await decideStep(deps.mdt, me, p.meetingId, { decision: 'approved' });
    return say(lang, r.next === 'archived' ? T.stepArchived : T.stepApproved);
  }
  if (p.comment.trim().length === 0) return say(lang, T.returnLink, mdtMeetingLink(deps.publicUrl, p.meetingId));
  await decideStep(deps.mdt, me, p.meetingId, { decision: 'returned', comment: p.comment });
  return say(lang, T.stepReturned);
}
