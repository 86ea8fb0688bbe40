import type { ClinicianRow, DirectoryRepository } from '../domain/directory/directory-repository.js';
import type { RetractionNotice, RetractionNotices } from '../usecases/correction/retract-document.js';
import { clinicianName, hkDateTime } from './format.js';
import { say } from './i18n.js';
import type { Notifier } from './outbound.js';
import { langOf } from './commands/case-text.js';
import { CORRECTION_TEXTS as T } from './texts/correction-texts.js';

/**
 * Tells the team that a document was retracted: 1:1 to each current member in their language, and
 * once in each group bound to the case (in the retracting clinician's language). Case codes, names
 * and times only — never the patient.
 */
export function createCorrectionNotices(deps: { directory: Pick<DirectoryRepository, 'findById'>; notify: Pick<Notifier, 'toUser' | 'toGroup'> }): RetractionNotices {
  const words = (n: RetractionNotice, lang: 'en' | 'zh') =>
    [say(lang, T.retracted, n.caseCode, clinicianName(n.sharer), `${hkDateTime(n.sharedAt)} HKT`, clinicianName(n.by)), n.refiledTo ? say(lang, T.refiledTo, n.refiledTo) : '']
      .filter(Boolean)
      .join(' ');
  return {
    async retracted(n) {
      const people = (await Promise.all(n.recipientIds.map((id) => deps.directory.findById(id)))).filter((c): c is ClinicianRow => !!c);
      for (const c of people) {
        const lang = langOf(c);
        await deps.notify.toUser(`retract:${n.documentId}:${c.id}`, c.dingtalkUserId, say(lang, T.retractedTitle, n.caseCode), words(n, lang));
      }
      const lang = langOf(n.by);
      for (const conversationId of n.conversationIds) {
        await deps.notify.toGroup(`retract:${n.documentId}:${conversationId}`, conversationId, say(lang, T.retractedTitle, n.caseCode), words(n, lang));
      }
    },
  };
}
