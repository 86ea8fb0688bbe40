import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.js';
import { createFsBlobStore } from '../../src/domain/vault/fs-blob-store.js';
import { openLocalKeyring } from '../../src/domain/vault/open-keyring.js';
import { createVaultRepository } from '../../src/domain/vault/vault-repository.js';
import { createVault } from '../../src/domain/vault/vault-service.js';
import { ManualClock } from '../../src/shared/clock.js';
import { makePdf } from '../fixtures/make-pdf.js';
import { runKeys } from '../helpers/keys-cli.js';
import { tempVault } from '../helpers/temp-vault.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));


describe('npm run keys', { timeout: 60_000 }, () => {
  it('When `rotate` runs on a database with documents, then every key moves to v2 and all still open', async () => {
    const v = tempVault();
    cleanups.push(v.cleanup);
    const docs = new Map<string, Buffer>();
    for (let i = 0; i < 5; i++) {
      const bytes = await makePdf({ text: `cli ${i}` });
      await v.vault.store({ documentId: `d${i}`, caseId: 'c1', bytes });
      docs.set(`d${i}`, bytes);
    }
    v.db.close();
    const env = { DATABASE_URL: `file:${v.db.path}`, KEY_DIR: v.keyDir };

    const rotate = runKeys(['rotate'], env);
    expect(rotate.stderr).toContain('5/5 100%');
    expect(rotate.stdout).toContain('Added KEK version 2');
    expect(rotate.stdout).toContain('Re-wrapped 5 of 5 data keys under version 2.');
    expect(rotate.code).toBe(0);

    const status = runKeys(['status'], env);
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/current version 2/);
    expect(status.stdout).toMatch(/^1\s+\S.*available\s+0$/m);
    expect(status.stdout).toMatch(/^2\s+\*.*available\s+5$/m);

    const handle = openDatabase(`file:${v.db.path}`);
    cleanups.unshift(handle.close);
    const keyring = openLocalKeyring({ dir: v.keyDir });
    expect(keyring.currentVersion()).toBe(2);
    const repo = createVaultRepository(handle);
    expect(await repo.countByVersion()).toEqual([{ kekVersion: 2, count: 5 }]);
    const vault = createVault({ repo, blobs: createFsBlobStore(v.blobDir), keyring, clock: new ManualClock() });
    for (const [id, bytes] of docs) expect((await vault.open({ documentId: id, caseId: 'c1' })).equals(bytes)).toBe(true);
  });

  it('When MASTER_KEY is set and no MASTER_KEY_NEXT, then rotate refuses and says how to supply the key', async () => {
    const v = tempVault();
    cleanups.push(v.cleanup);
    v.db.close();
    const master = randomBytes(32).toString('base64');
    const res = runKeys(['rotate'], { DATABASE_URL: `file:${v.db.path}`, KEY_DIR: join(v.db.dir, 'env-keys'), MASTER_KEY: master });
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('MASTER_KEY_NEXT');
    expect(res.stderr + res.stdout).not.toContain(master);
  });

  it('When run without a command, then it prints the help and exits 2', async () => {
    const res = runKeys(['frobnicate'], {});
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('MASTER_KEY_NEXT=<new> npm run keys -- rotate');
  });
});
