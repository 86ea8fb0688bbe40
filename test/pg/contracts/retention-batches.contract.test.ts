import { expect, it } from 'vitest';
import { createPgChatHistoryRepository } from '../../../src/domain/chat-history/chat-history-repository-pg.js';
import { createChatHistoryRepository } from '../../../src/domain/chat-history/chat-history-repository.js';
import { createPgEscalationRepository } from '../../../src/domain/escalation/escalation-repository-pg.js';
import { createEscalationRepository } from '../../../src/domain/escalation/escalation-repository.js';
import { createPgRetentionRepository } from '../../../src/domain/retention/retention-repository-pg.js';
import { createRetentionRepository } from '../../../src/domain/retention/retention-repository.js';
import { RETENTION_BATCH } from '../../../src/domain/retention/retention-target.js';
import { burnMetadataTarget, escalationsTarget, sandboxChatTarget } from '../../../src/domain/retention/retention-targets.js';
import { describeOnBothStores } from '../../helpers/both-stores.js';
import { rawSql } from '../../helpers/contract-seed.js';

/** More expired rows than one batch, and a few that stay. */
const EXPIRED = RETENTION_BATCH * 2 + 37;
const values = (n: number, row: (i: number) => string) => Array.from({ length: n }, (_, i) => row(i)).join(', ');

/**
 * Issue 15 item 3: the escalation, burn-metadata and sandbox-chat purges run in batches of at most
 * RETENTION_BATCH rows, the event loop getting a turn between them, until every expired row is gone;
 * a purge stopped part way (a crash) leaves only whole batches done and the next run takes the rest.
 */
describeOnBothStores(
  'retention purges in batches',
  (s) =>
    s.kind === 'sqlite'
      ? { escalation: createEscalationRepository(s.sqlite.db, s.sqlite.store), chat: createChatHistoryRepository(s.sqlite.db, s.sqlite.store), retention: createRetentionRepository(s.sqlite.db, s.sqlite.store) }
      : { escalation: createPgEscalationRepository(s.pg), chat: createPgChatHistoryRepository(s.pg), retention: createPgRetentionRepository(s.pg) },
  (get) => {
    /** Counts each batch's size as the target drains (the repository's answer is the batch's row count). */
    function spied<R extends object, K extends keyof R>(repo: R, method: K, sizes: number[]): R {
      const fn = repo[method] as (...args: unknown[]) => Promise<number>;
      return { ...repo, [method]: async (...args: unknown[]) => { const n = await fn(...args); sizes.push(n); expect(n).toBeLessThanOrEqual(args[1] as number); return n; } };
    }
    const total = async (table: string, where = '1 = 1') => Number((await rawSql<{ n: number | string }>(get().store, `select count(*) as n from ${table} where ${where}`))[0]!.n);

    it('escalations: every ended row before the cutoff goes, batch by batch, with its steps; active and newer rows stay', async () => {
      const { store } = get();
      await rawSql(store, `insert into escalations (item_id, recipient_id, item_type, case_id, status, step, created_at, stopped_at, stop_reason) values ${values(EXPIRED, (i) => `('e${i}', 'r', 'alert', 'c', 'stopped', 1, 1, ${10 + i}, 'opened')`)}, ('keep-new', 'r', 'alert', 'c', 'stopped', 1, 1, 5000, 'opened'), ('keep-active', 'r', 'alert', 'c', 'active', 0, 1, null, null)`);
      await rawSql(store, `insert into escalation_steps (item_id, recipient_id, action, at) values ${values(EXPIRED, (i) => `('e${i}', 'r', 'reminded', 5)`)}, ('keep-new', 'r', 'reminded', 5)`);
      const sizes: number[] = [];
      const target = escalationsTarget(spied(get().repo.escalation, 'purgeEndedBefore', sizes), 1);
      expect(await target.purge(1000)).toBe(EXPIRED);
      expect(sizes).toEqual([RETENTION_BATCH, RETENTION_BATCH, EXPIRED - 2 * RETENTION_BATCH]);
      expect(await total('escalations')).toBe(2);
      expect(await total('escalation_steps')).toBe(1);
      expect(await target.purge(1000)).toBe(0); // idempotent: nothing left to do
    });

    it('burn metadata: every destroyed item before the cutoff goes with its recipients and cards; a stopped purge resumes', async () => {
      const { store } = get();
      const { retention } = get().repo;
      await rawSql(store, `insert into ephemeral_items (id, case_id, author_id, kind, burn_after_ms, created_at, expires_at, due_at, status, destroyed_at) values ${values(EXPIRED + 1, (i) => `('b${i}', 'c', 'a', 'text', 1, 1, 9, 5, 'destroyed', ${i === EXPIRED ? 5000 : 10 + i})`)}, ('b-live', 'c', 'a', 'text', 1, 1, 9, 5, 'active', null)`);
      await rawSql(store, `insert into ephemeral_recipients (item_id, clinician_id) values ${values(EXPIRED + 1, (i) => `('b${i}', 'u')`)}`);
      await rawSql(store, `insert into ephemeral_cards (out_track_id, item_id) values ${values(EXPIRED + 1, (i) => `('card-${i}', 'b${i}')`)}`);
      expect(await retention.purgeBurnMetadata(1000, RETENTION_BATCH)).toBe(RETENTION_BATCH); // one batch, then a crash
      expect(await total('ephemeral_items')).toBe(EXPIRED + 2 - RETENTION_BATCH);
      const sizes: number[] = [];
      expect(await burnMetadataTarget(spied(retention, 'purgeBurnMetadata', sizes), 1).purge(1000)).toBe(EXPIRED - RETENTION_BATCH);
      expect(sizes).toEqual([RETENTION_BATCH, EXPIRED - 2 * RETENTION_BATCH]);
      expect(await total('ephemeral_items')).toBe(2);
      expect(await total('ephemeral_recipients')).toBe(1);
      expect(await total('ephemeral_cards')).toBe(1);
    });

    it('sandbox chat: old items and groups go in batches of at most the limit, items and groups together', async () => {
      const { store } = get();
      await rawSql(store, `insert into sandbox_chat_items (id, payload, updated_at) values ${values(EXPIRED, (i) => `(${i + 1}, 'p', ${10 + i})`)}, (${EXPIRED + 1}, 'p', 5000)`);
      await rawSql(store, `insert into sandbox_chat_groups (id, payload, updated_at) values ${values(30, (i) => `('g${i}', 'p', 1)`)}, ('g-new', 'p', 5000)`);
      const sizes: number[] = [];
      expect(await sandboxChatTarget(spied(get().repo.chat, 'purgeOlderThan', sizes), 1).purge(1000)).toBe(EXPIRED + 30);
      expect(sizes).toEqual([RETENTION_BATCH, RETENTION_BATCH, EXPIRED + 30 - 2 * RETENTION_BATCH]);
      expect(await total('sandbox_chat_items')).toBe(1);
      expect(await total('sandbox_chat_groups')).toBe(1);
    });
  },
);
