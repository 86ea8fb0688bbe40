import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '../../src/shared/audit-sink.js';
import { ManualClock } from '../../src/shared/clock.js';
import { consoleWorld, type ConsoleWorld } from './admin-console-fixture.js';

interface Entry {
  idx: number;
  at: string;
  actor: string;
  target: string | null;
}

const DAY = 86_400_000;

/**
 * Issue 15 item 2: the audit browser pages by leaf index (`before` = the previous page's `nextBefore`),
 * newest first. Walking the pages of a filter (by user, by case, the last 7 days) gives exactly the
 * entries one big page gives, in the same order: none twice, none skipped, the filter kept on every page.
 */
describe('admin console: audit browser paging', () => {
  let w: ConsoleWorld;
  const clock = new ManualClock(Date.UTC(2026, 10, 1, 2, 0, 0));
  const start = clock.now();

  beforeAll(async () => {
    w = await consoleWorld({ clock });
    const log = w.h.service.audit;
    // Ten entries ten days back, then 70 over the last day, by two people on two cases.
    for (let i = 0; i < 10; i++) log.append({ actor: 'pager-x', action: AUDIT_ACTIONS.commandRun, target: 'C-PAGEA', outcome: 'success' });
    clock.advance(10 * DAY);
    for (let i = 0; i < 70; i++) {
      clock.advance(60_000);
      log.append({ actor: i % 3 === 0 ? 'pager-y' : 'pager-x', action: AUDIT_ACTIONS.commandRun, target: i % 2 === 0 ? 'C-PAGEA' : 'C-PAGEB', outcome: i % 5 === 0 ? 'denied' : 'success' });
    }
    await log.flush();
  }, 30_000);
  afterAll(async () => w?.close());

  const page = async (query: string) => {
    const res = await w.call('GET', `/api/admin/audit?${query}`, 'auditor');
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { entries: Entry[]; nextBefore: number | null };
  };

  /** Every page of a filter, `limit` at a time, following `nextBefore` until it is null. */
  const walk = async (filter: string, limit: number) => {
    const pages: Entry[][] = [];
    let before: number | null | undefined;
    do {
      const p = await page(`${filter}&limit=${limit}${before === undefined ? '' : `&before=${before}`}`);
      pages.push(p.entries);
      if (p.nextBefore !== null) expect(p.nextBefore).toBe(p.entries.at(-1)!.idx);
      before = p.nextBefore;
    } while (before !== null && pages.length < 50);
    return pages;
  };

  const weekAgo = encodeURIComponent(new Date(start + 10 * DAY - 7 * DAY).toISOString());
  const filters: [string, string, (e: Entry) => boolean, number][] = [
    ['by user', 'actor=pager-x', (e) => e.actor === 'pager-x', 10 + 46],
    ['by case', 'target=C-PAGEB', (e) => e.target === 'C-PAGEB', 35],
    ['last 7 days', `from=${weekAgo}`, (e) => Date.parse(e.at) >= start + 3 * DAY, 70],
  ];

  it.each(filters)('When the browser walks %s a page at a time, then it gets every matching entry once, newest first', async (_name, filter, matches, atLeast) => {
    const all = (await page(`${filter}&limit=500`)).entries;
    expect(all.length).toBeGreaterThanOrEqual(atLeast);
    const pages = await walk(filter, 7);
    expect(pages.length).toBe(Math.ceil(all.length / 7) + (all.length % 7 === 0 ? 1 : 0));
    expect(pages.slice(0, -1).every((p) => p.length === 7)).toBe(true);
    const walked = pages.flat();
    expect(walked.every(matches)).toBe(true);
    expect(walked.map((e) => e.idx)).toEqual(all.map((e) => e.idx));
    expect(new Set(walked.map((e) => e.idx)).size).toBe(walked.length);
    expect(walked.map((e) => e.idx)).toEqual([...walked.map((e) => e.idx)].sort((a, b) => b - a));
  });

  it('When the first page is asked for, then it holds the newest entries and points at the next', async () => {
    const first = await page('actor=pager-y&limit=5');
    expect(first.entries).toHaveLength(5);
    expect(first.nextBefore).toBe(first.entries[4]!.idx);
    const next = await page(`actor=pager-y&limit=5&before=${first.nextBefore}`);
    expect(next.entries[0]!.idx).toBeLessThan(first.entries[4]!.idx);
    expect(next.entries.every((e) => e.actor === 'pager-y')).toBe(true);
  });

  it.each([['before=-1'], ['before=abc'], ['before=1.5'], ['limit=0'], ['limit=501'], ['from=yesterday'], ['outcome=maybe']])(
    'When the browser is asked with %s, then it answers 400 with a code',
    async (query) => {
      const res = await w.call('GET', `/api/admin/audit?${query}`, 'auditor');
      expect([res.statusCode, res.json().code]).toEqual([400, 'request.invalid']);
    },
  );
});
