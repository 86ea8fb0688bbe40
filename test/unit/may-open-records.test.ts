import { describe, expect, it } from 'vitest';
import type { ClinicianRow } from '../../src/domain/directory/directory-repository.js';
import type { DocumentRow } from '../../src/domain/sharing/document-repository.js';
import { mayOpenRecords } from '../../src/usecases/cases/may-open-records.js';

/** A case of `n` live documents, one per millisecond; the fake pages them newest first past a cursor, as the repositories do. */
function caseOf(n: number, openable: (i: number) => boolean) {
  const docs = Array.from({ length: n }, (_, i) => ({ id: `d${String(i).padStart(4, '0')}`, createdAt: i, status: 'active' }) as DocumentRow);
  const pagesAsked: number[] = [];
  const previewed: string[] = [];
  const deps = {
    documents: {
      pageByCase: async (_caseId: string, page: { limit: number; after?: { at: number; id: string } }) => {
        pagesAsked.push(page.limit);
        return [...docs].reverse().filter((d) => !page.after || d.createdAt < page.after.at).slice(0, page.limit);
      },
    },
    access: {
      previewView: async (_viewer: ClinicianRow, id: string) => {
        previewed.push(id);
        return { decision: { allowed: openable(Number(id.slice(1))) } } as never;
      },
    },
  };
  return { deps, pagesAsked, previewed };
}

const viewer = { id: 'u1' } as ClinicianRow;

describe('mayOpenRecords: a page of documents at a time, newest first', () => {
  it('answers yes from the first page when a recent document may be opened, without reading the rest of the case', async () => {
    const c = caseOf(500, (i) => i === 480);
    expect(await mayOpenRecords(c.deps, viewer, 'k')).toBe(true);
    expect(c.pagesAsked).toHaveLength(1);
    expect(c.previewed).toHaveLength(20);
  });

  it('pages on by cursor to an old document that may be opened, and says no after the last page when none may', async () => {
    const old = caseOf(120, (i) => i === 3);
    expect(await mayOpenRecords(old.deps, viewer, 'k')).toBe(true);
    expect(old.pagesAsked).toHaveLength(3);
    expect(new Set(old.previewed).size).toBe(117);
    const none = caseOf(100, () => false);
    expect(await mayOpenRecords(none.deps, viewer, 'k')).toBe(false);
    expect(none.previewed).toHaveLength(100);
    expect(new Set(none.previewed).size).toBe(100);
  });
});
