import { randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import { createPgAlertRepository } from '../../../src/domain/alerts/alert-repository-pg.js';
import { createAlertRepository } from '../../../src/domain/alerts/alert-repository.js';
import { createPgApprovalRepository } from '../../../src/domain/approvals/approval-repository-pg.js';
import { createApprovalRepository } from '../../../src/domain/approvals/approval-repository.js';
import { createPgBurnRepository } from '../../../src/domain/burn/burn-repository-pg.js';
import { createBurnRepository } from '../../../src/domain/burn/burn-repository.js';
import { createPgEscalationRepository } from '../../../src/domain/escalation/escalation-repository-pg.js';
import { createEscalationRepository } from '../../../src/domain/escalation/escalation-repository.js';
import { createPgDoctorInboxRepository } from '../../../src/domain/inbox-view/doctor-inbox-repository-pg.js';
import { createDoctorInboxRepository } from '../../../src/domain/inbox-view/doctor-inbox-repository.js';
import { createPgMyCasesRepository } from '../../../src/domain/inbox-view/my-cases-repository-pg.js';
import { createMyCasesRepository } from '../../../src/domain/inbox-view/my-cases-repository.js';
import { createPgYidaRepository } from '../../../src/domain/forms/yida-repository-pg.js';
import { createYidaRepository } from '../../../src/domain/forms/yida-repository.js';
import { createFreeTextCipher } from '../../../src/domain/patients/free-text-cipher.js';
import { createPgDocumentRepository } from '../../../src/domain/sharing/document-repository-pg.js';
import { createDocumentRepository } from '../../../src/domain/sharing/document-repository.js';
import { describeOnBothStores } from '../../helpers/both-stores.js';
import { seedFor, type Seed } from '../../helpers/contract-seed.js';

const texts = createFreeTextCipher(randomBytes(32));

describeOnBothStores(
  'doctor inbox and my-cases read models contract',
  (s) => ({
    seed: seedFor(s),
    ...(s.kind === 'sqlite'
      ? {
          inbox: createDoctorInboxRepository(s.sqlite.db, s.sqlite.store),
          myCases: createMyCasesRepository(s.sqlite.db, s.sqlite.store),
          alerts: createAlertRepository(s.sqlite.db, s.sqlite.store),
          approvals: createApprovalRepository(s.sqlite.db, s.sqlite.store, texts),
          burn: createBurnRepository(s.sqlite.sqlite, s.sqlite.store),
          escalations: createEscalationRepository(s.sqlite.db, s.sqlite.store),
          documents: createDocumentRepository(s.sqlite.db, s.sqlite.store),
          yida: createYidaRepository(s.sqlite.db, s.sqlite.store, texts),
        }
      : {
          inbox: createPgDoctorInboxRepository(s.pg),
          myCases: createPgMyCasesRepository(s.pg),
          alerts: createPgAlertRepository(s.pg),
          approvals: createPgApprovalRepository(s.pg, texts),
          burn: createPgBurnRepository(s.pg),
          escalations: createPgEscalationRepository(s.pg),
          documents: createPgDocumentRepository(s.pg),
          yida: createPgYidaRepository(s.pg, texts),
        }),
  }),
  (get) => {
    /** Opens each case (led by u-lead) and gives `me` the role there from 10; an ended role closes at 20. */
    const giveRoles = async (seed: Seed, me: string, roles: ReadonlyArray<readonly [caseId: string, role: 'attending' | 'consulting' | 'observer', ended?: 'ended']>) => {
      for (const caseId of new Set(roles.map(([c]) => c))) await seed.openCase(caseId, 'u-lead');
      for (const [caseId, role, ended] of roles) {
        const member = await seed.cases.addMember({ caseId, clinicianId: me, role, addedBy: 'x' }, 10);
        if (ended) await seed.cases.endRole(member.id, 'x', 'left', 20);
      }
    };
    const burnItem = (id: string, caseId: string, createdAt: number) => ({ id, caseId, authorId: 'a', kind: 'text' as const, burnAfterMs: 1, createdAt, expiresAt: 9e12, dueAt: 9e12, mediaType: null });
    const doc = (id: string, caseId: string, createdAt: number) => ({ id, caseId, authorId: 'a', kind: 'report' as const, mediaType: 'application/pdf', size: 1, createdAt });

    it('doctor inbox: open roles, own requests, live burn items, alerts raised or sent, items being chased', async () => {
      const { seed, inbox, alerts, approvals, burn, escalations } = get().repo;
      const me = await seed.clinician('u-me');
      await giveRoles(seed, me, [['ia', 'consulting'], ['ia', 'observer'], ['ib', 'observer', 'ended']]);
      expect(await inbox.caseIdsOf(me)).toEqual(['ia']);

      const request = (id: string, createdAt: number, requesterId = me) => ({ id, documentId: `doc-${id}`, caseId: 'ia', requesterId, reasonCode: 'care', chain: [], createdAt, expiresAt: 9e12 });
      await approvals.insert(request('q1', 1));
      await approvals.insert(request('q2', 2));
      await approvals.insert(request('q3', 3, 'someone-else'));
      expect((await inbox.requestsBy(me)).map((r) => r.id)).toEqual(['q2', 'q1']);

      await burn.insert(burnItem('bx1', 'ia', 1), [me], []);
      await burn.insert(burnItem('bx2', 'ia', 2), [me, 'other'], []);
      await burn.insert(burnItem('bx3', 'ia', 3), ['other'], []);
      await burn.recordOpen('bx1', me, 5, 6);
      await burn.markDestroyed('bx2', 7, 'all_burned');
      expect(await inbox.burnItemsFor(me)).toEqual([{ id: 'bx1', caseId: 'ia', authorId: 'a', kind: 'text', createdAt: 1, expiresAt: 9e12, openedAt: 5, burnAt: 6 }]);

      const alert = (id: string, createdAt: number, raisedBy: string, recipientIds: string[], status: 'sent' | 'archived' | 'group_pending') =>
        alerts.insert({ id, caseId: 'ia', raisedBy, status, ehrPendingId: `e-${id}`, recipientIds: JSON.stringify(recipientIds), createdAt, archiveAt: 9e12 });
      await alert('al1', 1, me, [], 'sent');
      await alert('al2', 2, 'x', ['y', me], 'group_pending');
      await alert('al3', 3, 'x', [me], 'archived');
      await alert('al4', 4, 'x', [`${me}-not`, 'y'], 'sent');
      await alert('al5', 5, 'x', ['y'], 'sent');
      expect((await inbox.alertsFor(me)).map((a) => a.id)).toEqual(['al2', 'al1']);
      expect((await inbox.alertsFor(me))[0]).toEqual({ id: 'al2', caseId: 'ia', raisedBy: 'x', status: 'group_pending', itemId: null, createdAt: 2 });

      const chase = (itemId: string, createdAt: number) => ({ itemId, recipientId: me, itemType: 'document' as const, caseId: 'ia', status: 'active' as const, nextAt: 1, createdAt });
      await escalations.insert(chase('e1', 1));
      await escalations.insert(chase('e2', 2));
      await escalations.end('e1', me, 'stopped', 'opened', 3);
      expect((await inbox.escalationsFor(me)).map((e) => e.itemId)).toEqual(['e2']);
    });

    it('new documents on my cases: not mine, not opened, newest first; the badge counts up to 100', async () => {
      const { seed, inbox, documents } = get().repo;
      const me = await seed.clinician('u-badge');
      await giveRoles(seed, me, [['nd', 'consulting']]);
      for (let i = 0; i < 99; i++) await documents.insert(doc(`nd-${String(i).padStart(3, '0')}`, 'nd', 1000 + i));
      await documents.insert({ ...doc('nd-mine', 'nd', 5000), authorId: me });
      expect(await inbox.newDocumentsCount(me)).toBe(99);
      expect((await inbox.newDocumentsPage(me, { limit: 2 })).map((d) => d.id)).toEqual(['nd-098', 'nd-097']);
      await documents.insert(doc('nd-100', 'nd', 900));
      await documents.insert(doc('nd-101', 'nd', 901));
      expect(await inbox.newDocumentsCount(me)).toBe(100);
    });

    it("my cases: roles in force now, strongest role, newest activity first, unread counts, keyset pages and filters", async () => {
      const { seed, myCases, burn, documents } = get().repo;
      const me = await seed.clinician('u-mc');
      const add = (caseId: string, role: 'attending' | 'consulting' | 'observer', from: number, to: number | null = null) =>
        seed.cases.addMember({ caseId, clinicianId: me, role, addedBy: 'x' }, from, { from, to });
      for (const [id, at] of [['mc-a', 100], ['mc-b', 100], ['mc-c', 300], ['mc-d', 50], ['mc-e', 50]] as const) await seed.openCase(id, 'u-lead', at);
      await add('mc-a', 'observer', 100);
      await add('mc-a', 'attending', 110);
      await add('mc-b', 'consulting', 100);
      await add('mc-c', 'observer', 300);
      await add('mc-d', 'consulting', 50, 60);
      await add('mc-e', 'consulting', 5000);
      await documents.insert(doc('md1', 'mc-b', 400));
      await documents.insert(doc('md2', 'mc-b', 150));
      await documents.upsertNotified('md1', me, 400);
      await documents.upsertNotified('md2', me, 400);
      await documents.upsertViewed('md2', me, 410);
      await burn.insert(burnItem('mb1', 'mc-a', 120), [me], []);
      await burn.insert(burnItem('mb2', 'mc-a', 90), [me], []);
      await burn.markDestroyed('mb2', 95, 'all_burned');

      const all = await myCases.page({ clinicianId: me, now: 1000, limit: 10 });
      expect(all.map((r) => [r.caseId, r.role, r.lastActivityAt, r.unread])).toEqual([
        ['mc-b', 'consulting', 400, 1],
        ['mc-c', 'observer', 300, 0],
        ['mc-a', 'attending', 120, 1],
      ]);
      expect(all[0]).toMatchObject({ code: 'C-mc-b', status: 'open', patientId: 'patient-of-mc-b' });

      await seed.openCase('mc-f', 'u-lead', 300);
      await add('mc-f', 'observer', 300);
      const first = await myCases.page({ clinicianId: me, now: 1000, limit: 2 });
      expect(first.map((r) => r.caseId)).toEqual(['mc-b', 'mc-f']);
      const next = await myCases.page({ clinicianId: me, now: 1000, limit: 2, after: { at: first[1]!.lastActivityAt, caseId: first[1]!.caseId } });
      expect(next.map((r) => r.caseId)).toEqual(['mc-c', 'mc-a']);
      expect(await myCases.page({ clinicianId: me, now: 1000, limit: 2, after: { at: 120, caseId: 'mc-a' } })).toEqual([]);

      expect((await myCases.page({ clinicianId: me, now: 1000, limit: 10, code: 'C-mc-c' })).map((r) => r.caseId)).toEqual(['mc-c']);
      expect((await myCases.page({ clinicianId: me, now: 1000, limit: 10, caseIds: ['mc-a', 'mc-d'] })).map((r) => r.caseId)).toEqual(['mc-a']);
      expect(await myCases.page({ clinicianId: me, now: 1000, limit: 10, caseIds: [] })).toEqual([]);
      expect((await myCases.page({ clinicianId: me, now: 1000, limit: 10, patientIds: ['patient-of-mc-c'] })).map((r) => r.caseId)).toEqual(['mc-c']);
      expect(await myCases.page({ clinicianId: me, now: 1000, limit: 10, patientIds: [] })).toEqual([]);
      expect((await myCases.page({ clinicianId: me, now: 55, limit: 10 })).map((r) => r.caseId)).toEqual(['mc-d']);
    });

    it("forms waiting for approval: the attending's forms on cases I attend now, the officer's forms when asked, newest first by keyset", async () => {
      const { seed, inbox, yida } = get().repo;
      const me = await seed.clinician('u-att');
      await giveRoles(seed, me, [['fa', 'attending'], ['fb', 'consulting'], ['fc', 'attending', 'ended']]);
      const waiting = async (id: string, form: string, caseId: string, at: number, state: 'awaiting_approval' | 'filed' = 'awaiting_approval') => {
        await yida.insertReceived({ id, instanceId: `FINST-${id}`, formUuid: form, appType: 'APP', receivedAt: at });
        await yida.update(id, ['received'], { state, caseId, updatedAt: at });
      };
      await waiting('p1', 'F-ATT', 'fa', 100);
      await waiting('p2', 'F-ATT', 'fa', 300);
      await waiting('p3', 'F-ATT', 'fa', 200, 'filed');
      await waiting('p4', 'F-ATT', 'fb', 400);
      await waiting('p5', 'F-ATT', 'fc', 500);
      await waiting('p6', 'F-PO', 'fb', 250);
      await waiting('p7', 'F-NONE', 'fa', 600);
      const page = (forms: { attending: string[]; officer: string[] }, limit: number, after?: { at: number; id: string }) => inbox.pendingFormsFor(me, forms, { limit, after });
      expect(await page({ attending: ['F-ATT'], officer: [] }, 10)).toEqual([
        { id: 'p2', formUuid: 'F-ATT', caseCode: 'C-fa', createdAt: 300 },
        { id: 'p1', formUuid: 'F-ATT', caseCode: 'C-fa', createdAt: 100 },
      ]);
      const forms = { attending: ['F-ATT'], officer: ['F-PO'] };
      expect((await page(forms, 2)).map((r) => r.id)).toEqual(['p2', 'p6']);
      expect((await page(forms, 2, { at: 250, id: 'p6' })).map((r) => r.id)).toEqual(['p1']);
      expect(await page({ attending: [], officer: [] }, 10)).toEqual([]);
    });
  },
);
