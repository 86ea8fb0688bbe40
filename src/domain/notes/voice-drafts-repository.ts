import { eq, lt } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { SqliteStore } from '../../db/store.js';
import type { FreeTextCipher } from '../patients/free-text-cipher.js';
import { voiceDrafts } from './notes-tables.js';
import { openDraft, sealDraft, type VoiceDraft, type VoiceDraftsRepository } from './voice-draft.js';

/** Kept voice notes on SQLite, sealed at rest. */
export function createVoiceDraftsRepository(db: Db, store: SqliteStore, texts: FreeTextCipher): VoiceDraftsRepository {
  return store.wrap({
    keep(draft: VoiceDraft, now: number): void {
      db.transaction((tx) => {
        tx.delete(voiceDrafts).where(lt(voiceDrafts.expiresAt, now)).run();
        tx.insert(voiceDrafts).values(sealDraft(texts, draft)).run();
      });
    },
    find(id: string): VoiceDraft | undefined {
      const row = db.select().from(voiceDrafts).where(eq(voiceDrafts.id, id)).get();
      return row && openDraft(texts, row);
    },
    remove(id: string): boolean {
      return db.delete(voiceDrafts).where(eq(voiceDrafts.id, id)).run().changes === 1;
    },
  });
}
