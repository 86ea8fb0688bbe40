import type { FastifyInstance } from 'fastify';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createService, type Service } from '../../src/compose/service.js';
import { normaliseHkid } from '../../src/shared/hkid.js';
import { silentLogger } from '../../src/shared/logger.js';
import { pgAvailable, usePgDatabase } from '../helpers/pg-test-db.js';
import { ManualClock, startHarness, type Harness } from '../helpers/service-harness.js';
import { sharedKeyEnv } from '../helpers/shared-key-env.js';
import { appFor, CHAN, openCase, shareReport } from '../helpers/sharing-flow.js';
import { makeHkid } from '../integration/sharing-edge-fixture.js';

/**
 * Two service instances on one PostgreSQL with the same shared key settings and NO key folder in
 * common: a patient one instance filed is found by the other through the HKID lookup hash, and a
 * document one stored (blob in vault_blobs) opens on the other. Neither writes a key file.
 */
describe.skipIf(!pgAvailable())('two services on one PostgreSQL share keys and blobs', () => {
  const database = usePgDatabase('twokeys');
  const clock = new ManualClock();
  const keys = sharedKeyEnv();
  const otherKeyDir = join(mkdtempSync(join(tmpdir(), 'cb-b-')), 'keys');
  let a: Harness;
  let app: FastifyInstance;
  let b: Service;

  beforeAll(async () => {
    a = await startHarness({ clock, env: { DATABASE_URL: database.url(), ...keys } });
    app = await appFor(a);
    // Instance b: the same settings but its own KEY_DIR (another host), not connected to DingTalk.
    b = await createService({ ...a.service.config, keys: { ...a.service.config.keys, dir: otherKeyDir } }, { logger: silentLogger, clock, instanceId: 'b' });
  });
  afterAll(async () => {
    await app?.close();
    await b?.stop().catch(() => undefined);
    await a?.close();
    rmSync(join(otherKeyDir, '..'), { recursive: true, force: true });
  });

  it('a patient and a document filed through one instance are found and opened through the other', async () => {
    const group = a.demo.groups.cardiologyConsult;
    const hkid = makeHkid('K', '246802');
    const code = await openCase(a, group, hkid);
    const docId = await shareReport(a, app, group, CHAN, code);

    const norm = normaliseHkid(hkid)!;
    const fromA = await a.service.secure.cases.dataSubjects.records.findByHkid(norm);
    const fromB = await b.secure.cases.dataSubjects.records.findByHkid(norm);
    expect(fromA?.id).toBeDefined();
    expect(fromB?.id).toBe(fromA?.id);
    expect(fromB?.hkidHash).toBe(fromA?.hkidHash);

    const doc = await b.repos.documents.find(docId);
    const opened = await b.secure.vault.open({ documentId: docId, caseId: doc!.caseId });
    expect(opened.equals(await a.service.secure.vault.open({ documentId: docId, caseId: doc!.caseId }))).toBe(true);
    expect(opened.subarray(0, 5).toString()).toBe('%PDF-');

    // No key file anywhere: neither instance's KEY_DIR exists; the blob is in the database.
    expect(existsSync(otherKeyDir)).toBe(false);
    expect(existsSync(join(a.dir, 'keys'))).toBe(false);
    expect(existsSync(join(a.dir, 'blobs'))).toBe(false);
  }, 60_000);
});
