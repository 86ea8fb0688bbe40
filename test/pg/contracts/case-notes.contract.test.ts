import { randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import { createPgCaseNotesRepository } from '../../../src/domain/notes/case-notes-repository-pg.js';
import { createCaseNotesRepository } from '../../../src/domain/notes/case-notes-repository.js';
import { createPgVoiceDraftsRepository } from '../../../src/domain/notes/voice-drafts-repository-pg.js';
import { createVoiceDraftsRepository } from '../../../src/domain/notes/voice-drafts-repository.js';
import type { VoiceDraft } from '../../../src/domain/notes/voice-draft.js';
import { createFreeTextCipher, SEALED_PREFIX } from '../../../src/domain/patients/free-text-cipher.js';
import { describeOnBothStores } from '../../helpers/both-stores.js';
import { rawSql } from '../../helpers/contract-seed.js';

const texts = createFreeTextCipher(randomBytes(32));
const draft = (id: string, expiresAt: number): VoiceDraft => ({
  id, clinicianId: 'c1', recognition: '病人食緊薄血丸', createdAt: 1,
  terms: [{ heard: '薄血丸', entry: 'drug.warfarin', kind: 'drug', canonical: 'warfarin', how: 'exact', score: 1 }], expiresAt,
});

describeOnBothStores(
  'case notes and kept voice notes contract',
  (s) => ({
    store: s,
    notes: s.kind === 'sqlite' ? createCaseNotesRepository(s.sqlite.db, s.sqlite.store, texts) : createPgCaseNotesRepository(s.pg, texts),
    drafts: s.kind === 'sqlite' ? createVoiceDraftsRepository(s.sqlite.db, s.sqlite.store, texts) : createPgVoiceDraftsRepository(s.pg, texts),
  }),
  (get) => {
    it('keeps notes and problems sealed, per case and kind, oldest first', async () => {
      const { store, notes } = get().repo;
      await notes.add({ id: 'n2', caseId: 'case-a', kind: 'note', source: 'voice', body: { text: 'second' }, createdAt: 20, createdBy: 'c1' });
      await notes.add({ id: 'n1', caseId: 'case-a', kind: 'note', source: 'clinician', body: { text: 'AF 病人' }, createdAt: 10, createdBy: 'c2' });
      await notes.add({ id: 'p1', caseId: 'case-a', kind: 'problem', source: 'suggestion', body: { text: 'atrial fibrillation', entry: 'dx.atrial-fibrillation' }, createdAt: 30, createdBy: 'c1' });
      await notes.add({ id: 'n3', caseId: 'case-b', kind: 'note', source: 'voice', body: { text: 'other case' }, createdAt: 5, createdBy: 'c1' });
      expect((await notes.listByCase('case-a', 'note')).map((n) => [n.id, n.body.text, n.source])).toEqual([['n1', 'AF 病人', 'clinician'], ['n2', 'second', 'voice']]);
      expect(await notes.listByCase('case-a', 'problem')).toEqual([
        { id: 'p1', caseId: 'case-a', kind: 'problem', source: 'suggestion', body: { text: 'atrial fibrillation', entry: 'dx.atrial-fibrillation' }, createdAt: 30, createdBy: 'c1' },
      ]);
      const rows = await rawSql<{ body: string }>(store, "select body from case_notes where case_id = 'case-a'");
      expect(rows.every((r) => r.body.startsWith(SEALED_PREFIX) && !r.body.includes('fibrillation'))).toBe(true);
    });

    it('keeps a voice note sealed, removes it once, and drops expired ones when another is kept', async () => {
      const { store, drafts } = get().repo;
      await drafts.keep(draft('d-old', 100), 50);
      await drafts.keep(draft('d-new', 1000), 200);
      expect(await drafts.find('d-old')).toBeUndefined();
      expect(await drafts.find('d-new')).toEqual(draft('d-new', 1000));
      const [row] = await rawSql<{ payload: string }>(store, "select payload from voice_drafts where id = 'd-new'");
      expect(row!.payload.startsWith(SEALED_PREFIX) && !row!.payload.includes('warfarin')).toBe(true);
      expect(await drafts.remove('d-new')).toBe(true);
      expect(await drafts.remove('d-new')).toBe(false);
    });
  },
);
