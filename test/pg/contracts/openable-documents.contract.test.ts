import { expect, it } from 'vitest';
import { createPgOpenableDocumentsRepository } from '../../../src/domain/inbox-view/openable-documents-repository-pg.js';
import { createOpenableDocumentsRepository } from '../../../src/domain/inbox-view/openable-documents-repository.js';
import { createPgDocumentRepository } from '../../../src/domain/sharing/document-repository-pg.js';
import { createDocumentRepository } from '../../../src/domain/sharing/document-repository.js';
import { describeOnBothStores } from '../../helpers/both-stores.js';
import { seedFor } from '../../helpers/contract-seed.js';

/**
 * "Documents I may open" candidates (GET /api/app/documents, issue 15) on both stores: the live
 * documents on cases where I hold an opening role now, on the cases and documents my grants reach;
 * newest first by (createdAt, id), each once, a keyset page at a time.
 */
describeOnBothStores(
  'documents I may open: candidates contract',
  (s) => ({
    seed: seedFor(s),
    ...(s.kind === 'sqlite'
      ? { repo: createOpenableDocumentsRepository(s.sqlite.db, s.sqlite.store), documents: createDocumentRepository(s.sqlite.db, s.sqlite.store) }
      : { repo: createPgOpenableDocumentsRepository(s.pg), documents: createPgDocumentRepository(s.pg) }),
  }),
  (get) => {
    const NOW = 1_000;
    it('Team roles that open (attending, consulting, in force now), grant-reached cases and documents; never others, never a dead document', async () => {
      const { seed, repo, documents } = get().repo;
      const me = await seed.clinician('u-me');
      const doc = async (id: string, caseId: string, createdAt: number, status?: 'retracted') => {
        await documents.insert({ id, caseId, authorId: 'a', kind: 'report', mediaType: 'application/pdf', size: 1, createdAt });
        if (status) await documents.markRetracted(id);
      };
      for (const c of ['k-att', 'k-con', 'k-obs', 'k-ended', 'k-later', 'k-grant', 'k-doc', 'k-none']) await seed.openCase(c, 'u-lead');
      await seed.cases.addMember({ caseId: 'k-att', clinicianId: me, role: 'attending', addedBy: 'x' }, 10);
      await seed.cases.addMember({ caseId: 'k-con', clinicianId: me, role: 'consulting', addedBy: 'x' }, 10);
      await seed.cases.addMember({ caseId: 'k-obs', clinicianId: me, role: 'observer', addedBy: 'x' }, 10);
      const ended = await seed.cases.addMember({ caseId: 'k-ended', clinicianId: me, role: 'consulting', addedBy: 'x' }, 10);
      await seed.cases.endRole(ended.id, 'x', 'left', 20);
      await seed.cases.addMember({ caseId: 'k-later', clinicianId: me, role: 'consulting', addedBy: 'x' }, 10, { from: NOW + 500 });
      let t = 100;
      for (const c of ['k-att', 'k-con', 'k-obs', 'k-ended', 'k-later', 'k-grant', 'k-doc', 'k-none']) {
        await doc(`${c}-1`, c, t++);
        await doc(`${c}-2`, c, t); // same time as the next case's first: the id breaks the tie
      }
      await doc('k-att-dead', 'k-att', t + 1, 'retracted');
      const reach = { caseIds: ['k-grant'], documentIds: ['k-doc-2', 'k-att-1'] };
      const page = await repo.candidatesPage(me, NOW, reach, { limit: 50 });
      expect(page.map((r) => r.id)).toEqual(['k-doc-2', 'k-grant-2', 'k-grant-1', 'k-con-2', 'k-con-1', 'k-att-2', 'k-att-1']);
      expect(page[0]).toMatchObject({ caseId: 'k-doc', caseCode: 'C-k-doc', caseStatus: 'open', patientId: 'patient-of-k-doc', docType: 'report', authorId: 'a', restrictedCategory: null });
      // My roles in force now on a page's cases, every role (the use case keeps the strongest); none for a role ended or not yet begun.
      const roles = await repo.myRolesOn(me, NOW, ['k-att', 'k-obs', 'k-ended', 'k-later', 'k-none']);
      expect(roles.map((r) => `${r.caseId}:${r.role}`).sort()).toEqual(['k-att:attending', 'k-obs:observer']);
      expect(await repo.myRolesOn(me, NOW, [])).toEqual([]);
      // Without grants, the team's documents only.
      expect((await repo.candidatesPage(me, NOW, { caseIds: [], documentIds: [] }, { limit: 50 })).map((r) => r.id)).toEqual(['k-con-2', 'k-con-1', 'k-att-2', 'k-att-1']);
    });

    it('Pages of two walk the merged sources in order, each document once, past ties in time', async () => {
      const { repo } = get().repo;
      const me = (await get().repo.seed.directory.findByDingTalkId('u-me'))!.id;
      const reach = { caseIds: ['k-grant'], documentIds: ['k-doc-2', 'k-att-1'] };
      const seen: string[] = [];
      let after: { at: number; id: string } | undefined;
      for (let i = 0; i < 10; i++) {
        const rows = await repo.candidatesPage(me, NOW, reach, { limit: 3, after });
        seen.push(...rows.slice(0, 2).map((r) => r.id));
        if (rows.length <= 2) break;
        after = { at: rows[1]!.createdAt, id: rows[1]!.id };
      }
      expect(seen).toEqual(['k-doc-2', 'k-grant-2', 'k-grant-1', 'k-con-2', 'k-con-1', 'k-att-2', 'k-att-1']);
    });
  },
);
