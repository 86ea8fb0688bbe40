import type { ClinicalNormaliser } from '../../domain/clinical/clinical-normaliser.js';
import type { MatchHow } from '../../domain/clinical/drug-resolver.js';
import type { EntryKind } from '../../domain/clinical/lexicon-file.js';
import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import { AUDIT_ACTIONS, type AuditSink } from '../../shared/audit-sink.js';
import { listMyCases, type MyCaseItem, type MyCasesDeps } from '../cases/my-cases.js';

export interface VoiceNoteDeps {
  normaliser: Pick<ClinicalNormaliser, 'normalise'>;
  myCases: MyCasesDeps;
  audit: AuditSink;
}

/** One lexicon term heard in a voice note, for the sender to confirm. */
export interface HeardTerm {
  /** The part of the transcript that matched, as DingTalk wrote it. */
  heard: string;
  entry: string;
  kind: EntryKind;
  canonical: string;
  how: MatchHow;
  score: number;
}

export interface VoiceNoteReview {
  terms: HeardTerm[];
  /** The sender's cases to pick from, newest activity first (codes only). */
  cases: MyCaseItem[];
  /** More cases than listed here (the rest are in the mini-app). */
  moreCases: boolean;
}

/** How many of the sender's cases a voice-note answer offers. */
const CASE_CHOICES = 10;

/**
 * A voice note sent 1:1 (issue 13 item 4): its transcript normalised with the HK clinical lexicon —
 * what was matched and how, for the sender to confirm — and the sender's cases to pick from. Nothing
 * is stored but the audit entry, which carries the message id and a count, never the transcript or a term.
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
  deps.audit.append({ actor: me.id, action: AUDIT_ACTIONS.voiceNote, target: note.msgId, outcome: 'success', reason: `terms_${terms.length}` });
  return { terms, cases: page.items, moreCases: page.nextCursor !== null };
}

/** A voice note in a group: never read (it is not a command, and terms are never echoed there); audited by id. */
export function voiceNoteInGroup(deps: Pick<VoiceNoteDeps, 'audit'>, actorId: string, msgId: string): void {
  deps.audit.append({ actor: actorId, action: AUDIT_ACTIONS.voiceNote, target: msgId, outcome: 'denied', reason: 'group_chat' });
}
