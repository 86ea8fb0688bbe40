import { describe, expect, it } from 'vitest';
import { documentRetentionTargets } from '../../src/domain/retention/document-retention.js';
import type { ExpiredPage } from '../../src/domain/retention/retention-repository.js';
import { RETENTION_BATCH } from '../../src/domain/retention/retention-target.js';
import { drainInBatches } from '../../src/shared/batches.js';

/** The purge walks expired documents a bounded page at a time, by (createdAt, id), giving the event loop a turn between pages. */
describe('document retention in batches', () => {
  it('pages of at most RETENTION_BATCH, each after the last one, with a turn of the event loop between them', async () => {
    const docs = Array.from({ length: 2 * RETENTION_BATCH + 50 }, (_, i) => ({ id: `d${String(i).padStart(4, '0')}`, createdAt: Math.floor(i / 3) }));
    const pages: ExpiredPage[] = [];
    let turns = 0;
    const turnsAtPage: number[] = [];
    const ticking = setInterval(() => undefined, 1);
    const sampler = () => {
      turns++;
      if (pages.length < 10) setImmediate(sampler);
    };
    setImmediate(sampler);
    const destroyed: string[] = [];
    const [target] = documentRetentionTargets({
      repo: {
        countExpiredDocuments: async () => docs.length,
        async expiredDocuments(_cutoff, _scope, page) {
          pages.push(page);
          turnsAtPage.push(turns);
          const a = page.after;
          const rest = a ? docs.filter((d) => d.createdAt > a.createdAt || (d.createdAt === a.createdAt && d.id > a.id)) : docs;
          return rest.slice(0, page.limit);
        },
      },
      vault: { destroy: async () => true },
      sharing: { markDestroyed: async (id: string) => (destroyed.push(id), true) },
      directory: { institutionByCode: async () => undefined },
      policy: { defaultMs: 1, byInstitution: {} },
    });
    try {
      expect(await target!.purge(100)).toBe(docs.length);
    } finally {
      clearInterval(ticking);
    }
    expect(destroyed).toEqual(docs.map((d) => d.id)); // each once, none skipped
    expect(pages.map((p) => p.limit)).toEqual([RETENTION_BATCH, RETENTION_BATCH, RETENTION_BATCH]);
    expect(pages[1]!.after).toEqual(docs[RETENTION_BATCH - 1]);
    for (let i = 1; i < turnsAtPage.length; i++) expect(turnsAtPage[i]!).toBeGreaterThan(turnsAtPage[i - 1]!);
  });

  it('drainInBatches calls again while a step was full, and sums', async () => {
    const left = [5, 5, 2];
    const seen: number[] = [];
    expect(await drainInBatches((n) => (seen.push(n), left.shift()!), 5)).toBe(12);
    expect(seen).toEqual([5, 5, 5]);
  });
});
