import { eq, lt } from 'drizzle-orm';
import { voiceDrafts } from '../../db/pg/notes-tables.js';
import type { PgStore } from '../../db/pg/pg-store.js';
import type { FreeTextCipher } from '../patients/free-text-cipher.js';
import { openDraft, sealDraft, type VoiceDraftsRepository } from './voice-draft.js';

/** Kept voice notes on PostgreSQL: the same port as voice-drafts-repository.ts. */
export function createPgVoiceDraftsRepository(store: PgStore, texts: FreeTextCipher): VoiceDraftsRepository {
  const db = () => store.db();
  return {
    async keep(draft, now) {
      await store.transaction(async () => {
        await db().delete(voiceDrafts).where(lt(voiceDrafts.expiresAt, now));
        await db().insert(voiceDrafts).values(sealDraft(texts, draft));
      });
    },
    async find(id) {
      const [row] = await db().select().from(voiceDrafts).where(eq(voiceDrafts.id, id));
      return row && openDraft(texts, row);
    },
    async remove(id) {
      const res = await db().delete(voiceDrafts).where(eq(voiceDrafts.id, id));
      return res.rowCount === 1;
    },
  };
}
