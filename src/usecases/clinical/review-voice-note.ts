import { randomBytes } from 'node:crypto';
import type { ClinicalNormaliser } from '../../domain/clinical/clinical-normaliser.js';
import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import type { HeardTerm, VoiceDraftsRepository } from '../../domain/notes/voice-draft.js';
import { AUDIT_ACTIONS, type AuditSink } from '../../shared/audit-sink.js';
import type { Clock } from '../../shared/clock.js';
import { listMyCases, type MyCaseItem, type MyCasesDeps } from '../cases/my-cases.js';

export interface VoiceNoteDeps {
  normaliser: Pick<ClinicalNormaliser, 'normalise'>;
  myCases: MyCasesDeps;
  audit: AuditSink;
  /** Where the voice note is kept, sealed, for its sender to confirm on the mini-app page. */
  drafts: Pick<VoiceDraftsRepository, 'keep'>;
  clock: Clock;
}

export type { HeardTerm };

/** How long a voice note is kept for its sender to confirm (then it is gone; DingTalk still has its own copy). */
export const VOICE_DRAFT_TTL_MS = 30 * 60_000;

export interface VoiceNoteReview {
  terms: HeardTerm[];
  /** The sender's cases to pick from, newest activity first (codes only). */
  cases: MyCaseItem[];
  /** More cases than listed here (the rest are in the mini-app). */
  moreCases: boolean;
  /** The kept voice note's id, for the confirm page's link (no content in it). */
  draftId: string;
  expiresAt: number;
}

/** How many of the sender's cases a voice-note answer offers. */
const CASE_CHOICES = 10;

/**
 * A voice note sent 1:1 (issue 13 item 4): its transcript normalised with the HK clinical lexicon —
 * what was matched and how, for the sender to confirm — and the sender's cases to pick from. Nothing
 * is recorded on a case here: the transcript and its terms are kept sealed for VOICE_DRAFT_TTL_MS, for the
 * sender alone to confirm on the mini-app page (save-voice-note.ts). The audit entry carries the message id
 * and a count, never the transcript or a term.
 */
export async function reviewVoiceNote(
  deps: VoiceNoteDeps,
  me: ClinicianRow,
  note: { msgId: string; recognition: string },
): Promise<VoiceNoteReview> {
  const terms = deps.normaliser.normalise(note.recognition).map((m) => ({
    heard: m.text,
    entry: m.entry,
    kind: m.kind,
    canonical: m.canonical,
    how: m.how,
    score: m.score,
  }));
  const page = await listMyCases(deps.myCases, me, { limit: CASE_CHOICES });
  const now = deps.clock.now();
  const draft = { id: randomBytes(16).toString('base64url'), clinicianId: me.id, recognition: note.recognition, terms, createdAt: now, expiresAt: now + VOICE_DRAFT_TTL_MS };
  await deps.drafts.keep(draft, now);
  deps.audit.append({ actor: me.id, action: AUDIT_ACTIONS.voiceNote, target: note.msgId, outcome: 'success', reason: `terms_${terms.length}` });
  return { terms, cases: page.items, moreCases: page.nextCursor !== null, draftId: draft.id, expiresAt: draft.expiresAt };
}

/** A voice note in a group: never read (it is not a command, and terms are never echoed there); audited by id. */
export function voiceNoteInGroup(deps: Pick<VoiceNoteDeps, 'audit'>, actorId: string, msgId: string): void {
  deps.audit.append({ actor: actorId, action: AUDIT_ACTIONS.voiceNote, target: msgId, outcome: 'denied', reason: 'group_chat' });
}
