import { randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import { createPgInteractionRepository } from '../../../src/domain/interactions/interaction-repository-pg.js';
import { createInteractionRepository } from '../../../src/domain/interactions/interaction-repository.js';
import { createPgMedicationRepository } from '../../../src/domain/medications/medication-repository-pg.js';
import { createMedicationRepository } from '../../../src/domain/medications/medication-repository.js';
import type { MedicationEntry } from '../../../src/domain/medications/medication.js';
import { createFreeTextCipher } from '../../../src/domain/patients/free-text-cipher.js';
import { createPgReferralRepository } from '../../../src/domain/referrals/referral-repository-pg.js';
import { createReferralRepository } from '../../../src/domain/referrals/referral-repository.js';
import { createPgRuleFirings } from '../../../src/domain/consult-rules/rule-firings-pg.js';
import { createRuleFirings } from '../../../src/domain/consult-rules/rule-firings.js';
import { pageAcrossRuns, type RunPage } from '../../../src/usecases/paging/run-pages.js';
import { describeOnBothStores } from '../../helpers/both-stores.js';

const texts = createFreeTextCipher(randomBytes(32));

/** Every page of a list, `limit` at a time, following `nextCursor` to the end. */
async function walk<R extends string, T>(runs: readonly R[], limit: number, read: (run: R, p: RunPage) => Promise<T[]>, key: (t: T) => { at: number; id: string }) {
  const pages: T[][] = [];
  let cursor: string | undefined;
  do {
    const page = await pageAcrossRuns(runs, { cursor, limit }, read, key);
    pages.push(page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && pages.length < 50);
  return pages;
}

/** Times with ties (two rows at each time), so the id has to break them. */
const at = (i: number) => 1000 + Math.floor(i / 2);
const ids = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(2, '0')}`);
const newestFirst = (xs: { id: string; at: number }[]) => [...xs].sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : -1)).map((x) => x.id);

describeOnBothStores(
  'case list pages contract (referrals, medications, interaction alerts)',
  (s) => s.kind === 'sqlite'
    ? { refs: createReferralRepository(s.sqlite.db, s.sqlite.store, texts), meds: createMedicationRepository(s.sqlite.db, s.sqlite.store, texts), alerts: createInteractionRepository(s.sqlite.db, s.sqlite.store, texts), firings: createRuleFirings(s.sqlite.db, s.sqlite.store) }
    : { refs: createPgReferralRepository(s.pg, texts), meds: createPgMedicationRepository(s.pg, texts), alerts: createPgInteractionRepository(s.pg, texts), firings: createPgRuleFirings(s.pg) },
  (get) => {
    it('referrals: newest first by (sentAt, id) across pages, none twice, none missing, only the case’s own', async () => {
      const { refs } = get().repo;
      const rows = ids(11, 'r').map((id, i) => ({ id, at: at(i) }));
      for (const r of rows) await refs.insert({ id: r.id, caseId: 'case-p', requesterId: 'dr-a', institutionId: null, specialty: 'cardiology', severity: 'urgent', purposeCode: 'referral', assigneeId: 'dr-b', sentAt: r.at });
      await refs.insert({ id: 'other', caseId: 'case-q', requesterId: 'dr-a', institutionId: null, specialty: 'cardiology', severity: 'urgent', purposeCode: 'referral', assigneeId: 'dr-b', sentAt: 1003 });
      const pages = await walk(['all'], 4, (_r, p) => refs.pageForCase('case-p', p), (r) => ({ at: r.sentAt, id: r.id }));
      expect(pages.map((p) => p.length)).toEqual([4, 4, 3]);
      expect(pages.flat().map((r) => r.id)).toEqual(newestFirst(rows));
    });

    it('medications: active ones first, then stopped, each newest first; a page may span the two runs', async () => {
      const { meds } = get().repo;
      const rows = ids(9, 'm').map((id, i) => ({ id, at: at(i), status: (i % 3 === 0 ? 'stopped' : 'active') as MedicationEntry['status'] }));
      for (const r of rows) {
        await meds.insert({
          id: r.id, caseId: 'case-p', source: 'clinician', ehrRef: null, text: `drug ${r.id}`, ingredients: [], unresolved: [], dose: null, route: null, frequency: null,
          prescriberId: 'dr-a', prescriberName: null, institutionId: null, startOn: null, stopOn: null, status: 'active', createdAt: r.at, createdBy: 'dr-a',
        });
        if (r.status === 'stopped') expect(await meds.stop('case-p', r.id, '2026-12-07')).toBe(true);
      }
      const pages = await walk(['active', 'stopped'] as const, 4, (status, p) => meds.pageForCase('case-p', status, p), (e) => ({ at: e.createdAt, id: e.id }));
      const expected = [...newestFirst(rows.filter((r) => r.status === 'active')), ...newestFirst(rows.filter((r) => r.status === 'stopped'))];
      expect(pages.map((p) => p.length)).toEqual([4, 4, 1]);
      expect(pages.flat().map((e) => e.id)).toEqual(expected);
      expect(pages[1]!.map((e) => e.status)).toEqual(['active', 'active', 'stopped', 'stopped']);
      expect(pages[0]![0]!.text).toBe(`drug ${expected[0]}`);
    });

    it('interaction alerts: open ones first, then decided, each newest first', async () => {
      const { alerts } = get().repo;
      const rows = ids(7, 'a').map((id, i) => ({ id, at: at(i), open: i % 2 === 0 }));
      for (const r of rows) {
        await alerts.insert({ id: r.id, caseId: 'case-p', entryA: `${r.id}-x`, entryB: `${r.id}-y`, ruleId: 'warfarin-nsaid', severity: 'major', ruleSetVersion: '1', crossPrescriber: false, createdAt: r.at }, []);
        if (!r.open) expect(await alerts.decide(r.id, { state: 'acknowledged', by: 'dr-a', at: 2000, reason: null })).toBe(true);
      }
      const pages = await walk(['open', 'decided'] as const, 3, (run, p) => alerts.pageForCase('case-p', run, p), (a) => ({ at: a.createdAt, id: a.id }));
      expect(pages.flat().map((a) => a.id)).toEqual([...newestFirst(rows.filter((r) => r.open)), ...newestFirst(rows.filter((r) => !r.open))]);
      expect(pages.map((p) => p.length)).toEqual([3, 3, 1]);
    });

    it('consult rule firings: those on a page of documents by their ids; those on results and forms newest first in pages', async () => {
      const { firings } = get().repo;
      const others = ids(8, 'f').map((id, i) => ({ id, at: at(i) }));
      for (const [i, f] of others.entries()) {
        await firings.claim({ id: f.id, ruleId: `rule-${i}`, itemType: i % 2 ? 'observation' : 'form', itemId: `Observation/${i}`, caseId: 'case-p', referralId: null, firedAt: f.at });
      }
      for (const d of ['doc-1', 'doc-2', 'doc-3']) await firings.claim({ id: `on-${d}`, ruleId: 'ecg-stemi', itemType: 'document', itemId: d, caseId: 'case-p', referralId: 'ref-1', firedAt: 2000 });
      await firings.claim({ id: 'elsewhere', ruleId: 'ecg-stemi', itemType: 'document', itemId: 'doc-1', caseId: 'case-q', referralId: null, firedAt: 2000 });
      expect((await firings.forDocuments('case-p', ['doc-1', 'doc-3'])).map((f) => f.id)).toEqual(['on-doc-1', 'on-doc-3']);
      expect(await firings.forDocuments('case-p', [])).toEqual([]);
      const pages = await walk(['all'], 3, (_r, p) => firings.pageOtherItems('case-p', p), (f) => ({ at: f.firedAt, id: f.id }));
      expect(pages.map((p) => p.length)).toEqual([3, 3, 2]);
      expect(pages.flat().map((f) => f.id)).toEqual(newestFirst(others));
    });
  },
);
