import type { MatchHow } from '../clinical/drug-resolver.js';
import type { EntryKind } from '../clinical/lexicon-file.js';
import type { FreeTextCipher } from '../patients/free-text-cipher.js';

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

/** A voice note kept for its sender to confirm: DingTalk's transcript and what the lexicon matched in it. */
export interface VoiceDraft {
  id: string;
  clinicianId: string;
  recognition: string;
  terms: HeardTerm[];
  createdAt: number;
  expiresAt: number;
}

export interface VoiceDraftRecord {
  id: string;
  clinicianId: string;
  payload: string;
  createdAt: number;
  expiresAt: number;
}

export function sealDraft(texts: FreeTextCipher, d: VoiceDraft): VoiceDraftRecord {
  const payload = texts.seal('voice_drafts.payload', d.id, JSON.stringify({ recognition: d.recognition, terms: d.terms }));
  return { id: d.id, clinicianId: d.clinicianId, payload, createdAt: d.createdAt, expiresAt: d.expiresAt };
}

export function openDraft(texts: FreeTextCipher, r: VoiceDraftRecord): VoiceDraft {
  const body = JSON.parse(texts.open('voice_drafts.payload', r.id, r.payload)) as Pick<VoiceDraft, 'recognition' | 'terms'>;
  return { id: r.id, clinicianId: r.clinicianId, createdAt: r.createdAt, expiresAt: r.expiresAt, ...body };
}

/** Kept voice notes (SQLite: voice-drafts-repository.ts, PostgreSQL: voice-drafts-repository-pg.ts). */
export interface VoiceDraftsRepository {
  /** Keeps a draft; drafts expired before `now` are removed in the same call. */
  keep(draft: VoiceDraft, now: number): Promise<void>;
  find(id: string): Promise<VoiceDraft | undefined>;
  /** Removes a draft; false when it was already gone (saved twice at once: only one wins). */
  remove(id: string): Promise<boolean>;
}
