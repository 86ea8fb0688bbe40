import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { openDatabase, type DbHandle } from '../../src/db/client.js';
import { AuditLog } from '../../src/domain/audit/audit-log.js';
import { loadAuditSigner } from '../../src/domain/audit/audit-signer.js';
import { createDirectoryRepository } from '../../src/domain/directory/directory-repository.js';
import { seedInstitution } from '../helpers/directory-seed.js';
import { createEscalationRepository } from '../../src/domain/escalation/escalation-repository.js';
import { createInboxRepository } from '../../src/domain/inbox/inbox-repository.js';
import { createOutboxRepository } from '../../src/domain/outbox/outbox-repository.js';
import { createRetention } from '../../src/compose/retention-module.js';
import { sqliteRepositories } from '../../src/compose/repositories-sqlite.js';
import { createDocumentRepository } from '../../src/domain/sharing/document-repository.js';
import { createSharingService } from '../../src/domain/sharing/sharing-service.js';
import { ManualClock } from '../../src/shared/clock.js';
import { silentLogger } from '../../src/shared/logger.js';
import { makePdf } from '../fixtures/make-pdf.js';
import { tempVault } from '../helpers/temp-vault.js';
import { createVaultRepository } from '../../src/domain/vault/vault-repository.js';
import { createVault } from '../../src/domain/vault/vault-service.js';

const DAY = 86_400_000;
const YEAR = Math.round(365.25 * DAY);
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

/**
 * Seeds one of every kind of data, some past its retention and some not, relative to `now`:
 * documents of QMH (10-year policy), HPH and no institution (7-year default), processed message ids,
 * outbox rows and escalations. Returns the ids that must go and those that must stay.
 */
async function seed(dbh: DbHandle, v: ReturnType<typeof tempVault>, now: number) {
  seedInstitution(dbh.db, { id: 'QMH', code: 'QMH', nameEn: 'Queen Mary Hospital', nameZh: null, sector: 'public' });
  seedInstitution(dbh.db, { id: 'HPH', code: 'HPH', nameEn: 'Harbour Private Hospital', nameZh: null, sector: 'private' });
  const clock = new ManualClock(now);
  const sharing = createSharingService({ repo: createDocumentRepository(dbh.db, dbh.store), transaction: dbh.store.transaction, audit: { append: () => 0 }, clock });
  const docs: Record<string, string> = {};
  const pdf = await makePdf({ text: 'retention' });
  for (const [key, institution, age] of [
    ['qmh9y', 'QMH', 9 * YEAR],
    ['qmh11y', 'QMH', 11 * YEAR],
    ['hph8y', 'HPH', 8 * YEAR],
    ['hph6y', 'HPH', 6 * YEAR],
    ['none8y', null, 8 * YEAR],
  ] as const) {
    const id = `00000000-0000-4000-8000-00000000000${Object.keys(docs).length}`;
    await v.vault.store({ documentId: id, caseId: 'case-1', bytes: pdf });
    clock.set(now - age);
    await sharing.registerDocument({ id, caseId: 'case-1', authorId: 'author', authorInstitutionId: institution, kind: 'report', mediaType: 'application/pdf', size: pdf.length });
    docs[key] = id;
  }
  const inbox = createInboxRepository(dbh.db, dbh.store);
  await inbox.claim('old-done', 'robot', now - 4 * DAY);
  await inbox.finish('old-done', 'done', now - 4 * DAY);
  await inbox.claim('old-unfinished', 'robot', now - 4 * DAY); // still needed to resume: never purged
  await inbox.claim('new-done', 'robot', now - DAY);
  await inbox.finish('new-done', 'done', now - DAY);
  const outbox = createOutboxRepository(dbh.db, dbh.store);
  const put = async (key: string, at: number, sent: boolean) => {
    const { id } = await outbox.insertPending({ idemKey: key, kind: 'oto.send', payload: '{}', now: at });
    if (sent) await outbox.markSent(id, '{}', at);
  };
  await put('sent-old', now - 31 * DAY, true);
  await put('sent-new', now - 29 * DAY, true);
  await put('pending-old', now - 60 * DAY, false);
  const esc = createEscalationRepository(dbh.db, dbh.store);
  for (const [item, endedAgo] of [['esc-old', 400 * DAY], ['esc-new', 10 * DAY]] as const) {
    await esc.insert({ itemId: item, recipientId: 'r', itemType: 'document', caseId: 'c', status: 'active', step: 1, nextAt: 0, createdAt: now - endedAgo });
    await esc.addStep({ itemId: item, recipientId: 'r', action: 'reminded', at: now - endedAgo });
    await esc.end(item, 'r', 'stopped', 'opened', now - endedAgo);
  }
  await esc.insert({ itemId: 'esc-active', recipientId: 'r', itemType: 'document', caseId: 'c', status: 'active', step: 0, nextAt: now, createdAt: now - 500 * DAY });
  return docs;
}

const count = (dbh: DbHandle, table: string) => (dbh.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;

describe('retention purge', { timeout: 60_000 }, () => {
  it('When the dry run is asked for, then the CLI prints type → count and deletes nothing; a run then purges exactly that, audited', async () => {
    const v = tempVault();
    cleanups.push(v.cleanup);
    const now = Date.now();
    const docs = await seed(v.db, v, now);
    const env = { DATABASE_URL: `file:${v.db.path}`, KEY_DIR: v.keyDir, RETENTION_DOCUMENT_YEARS_BY_INSTITUTION: 'QMH=10' };
    v.db.close();

    const cli = spawnSync(join(process.cwd(), 'node_modules', '.bin', 'tsx'), ['src/cli/retention.ts', 'dry-run'], {
      cwd: process.cwd(),
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', ...env },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(cli.stderr).toBe('');
    expect(cli.status).toBe(0);
    expect(cli.stdout).toContain('Dry run: nothing is deleted.');
    const line = (name: string) => cli.stdout.split('\n').find((l) => l.startsWith(`${name} `)) ?? '';
    expect(line('processed_messages')).toMatch(/72 h .* 1$/);
    expect(line('outbox_sent')).toMatch(/30 d .* 1$/);
    expect(line('escalations')).toMatch(/1 y .* 1$/);
    expect(line('documents:QMH')).toMatch(/10 y .* 1$/);
    expect(line('documents')).toMatch(/7 y .* 2$/);
    expect(line('total')).toMatch(/ 6$/);

    const dbh = openDatabase(env.DATABASE_URL);
    cleanups.unshift(dbh.close);
    expect([count(dbh, 'processed_messages'), count(dbh, 'outbox_messages'), count(dbh, 'escalations'), count(dbh, 'escalation_steps')]).toEqual([3, 3, 3, 2]);
    expect(count(dbh, "documents where status = 'active'")).toBe(5);

    const config = loadConfig(env);
    const clock = new ManualClock(now);
    const audit = new AuditLog({ sqlite: dbh.sqlite, store: dbh.store, clock, signer: loadAuditSigner(config.keys).signer, logger: silentLogger, region: config.residency.region });
    const documents = createDocumentRepository(dbh.db, dbh.store);
    // The temp vault's own handle was closed for the CLI: the same keyring and blobs over the reopened file.
    const vault = createVault({ repo: createVaultRepository(dbh), blobs: v.blobs, keyring: v.keyring, clock });
    const retention = createRetention({
      config, repos: sqliteRepositories(dbh), vault, sharing: createSharingService({ repo: documents, transaction: dbh.store.transaction, audit, clock }), directory: createDirectoryRepository(dbh.db, dbh.store), audit, clock, logger: silentLogger,
    });
    expect((await retention.job.plan()).map((r) => [r.name, r.count])).toEqual([
      ['processed_messages', 1], ['outbox_sent', 1], ['escalations', 1], ['ephemeral_metadata', 0], ['sandbox_chat', 0], ['documents:QMH', 1], ['documents', 2],
    ]);
    audit.append({ actor: 'system', action: 'service.started', outcome: 'success' });
    await audit.flush();
    const auditBefore = audit.size;

    const rows = await retention.job.run();
    expect(rows.map((r) => [r.name, r.count])).toEqual([
      ['processed_messages', 1], ['outbox_sent', 1], ['escalations', 1], ['ephemeral_metadata', 0], ['sandbox_chat', 0], ['documents:QMH', 1], ['documents', 2],
    ]);
    const ids = (sql: string) => (dbh.sqlite.prepare(sql).all() as Array<{ id: string }>).map((r) => r.id).sort();
    expect(ids('select msg_id as id from processed_messages')).toEqual(['new-done', 'old-unfinished']);
    expect(ids('select idem_key as id from outbox_messages')).toEqual(['pending-old', 'sent-new']);
    expect(ids('select item_id as id from escalations')).toEqual(['esc-active', 'esc-new']);
    expect(ids('select item_id as id from escalation_steps')).toEqual(['esc-new']);
    expect(ids("select id from documents where status = 'destroyed'")).toEqual([docs.qmh11y, docs.hph8y, docs.none8y].sort());

    // Destroyed: key erased, ciphertext gone, every open is "burned". Kept documents still open.
    for (const key of ['qmh11y', 'hph8y', 'none8y']) {
      await expect(vault.open({ documentId: docs[key]!, caseId: 'case-1' })).rejects.toMatchObject({ code: 'burned' });
      expect(v.blobFiles().join()).not.toContain(docs[key]!);
    }
    for (const key of ['qmh9y', 'hph6y']) expect((await vault.open({ documentId: docs[key]!, caseId: 'case-1' })).subarray(0, 5).toString()).toBe('%PDF-');

    // The audit log only grew: one retention.purged per type with its count, one document.destroyed per document.
    await audit.flush();
    const { entries } = await audit.repo.list({}, { limit: 500 });
    expect(audit.size).toBe(auditBefore + 7 + 3);
    expect(entries.filter((e) => e.action === 'retention.purged').map((e) => [e.target, e.reason]).reverse()).toEqual([
      ['processed_messages', 'count:1'], ['outbox_sent', 'count:1'], ['escalations', 'count:1'], ['ephemeral_metadata', 'count:0'], ['sandbox_chat', 'count:0'], ['documents:QMH', 'count:1'], ['documents', 'count:2'],
    ]);
    expect(entries.filter((e) => e.action === 'document.destroyed').map((e) => e.target).sort()).toEqual([docs.qmh11y, docs.hph8y, docs.none8y].sort());
    expect((await audit.verify()).ok).toBe(true);
    await audit.close();

    // A year and a day on, the 9-year-old QMH report is past its 10 years and the 6-year-old HPH one past 7.
    clock.advance(YEAR + DAY);
    const later = Object.fromEntries((await retention.job.plan()).map((r) => [r.name, r.count]));
    expect([later['documents:QMH'], later.documents]).toEqual([1, 1]);
  });
});
