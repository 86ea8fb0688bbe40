import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, expect, it } from 'vitest';
import { fingerprint, type KeyringFile } from '../../../src/domain/vault/keyring-file.js';
import { createPgKeyringStore } from '../../../src/domain/vault/keyring-repository-pg.js';
import { fileKeyringStore } from '../../../src/domain/vault/keyring-store.js';
import { openSharedKeyring } from '../../../src/domain/vault/open-keyring.js';
import { ManualClock } from '../../../src/shared/clock.js';
import { describeOnBothStores } from '../../helpers/both-stores.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const b64 = () => randomBytes(32).toString('base64');

describeOnBothStores(
  'keyring store contract (keyring.json on SQLite, vault_kek_versions on PostgreSQL)',
  (s) => {
    if (s.kind === 'postgres') return createPgKeyringStore(s.pg);
    const dir = mkdtempSync(join(tmpdir(), 'cb-keyring-'));
    dirs.push(dir);
    return fileKeyringStore(dir);
  },
  (get) => {
    const master = b64();
    const next = b64();

    it('empty at first; the first opening registers MASTER_KEY as version 1, and a reopening finds it', async () => {
      const { repo } = get();
      expect(await repo.read()).toBeNull();
      const clock = new ManualClock(1_700_000_000_000);
      const keyring = await openSharedKeyring({ store: repo, masterKey: master, clock });
      expect(keyring.currentVersion()).toBe(1);
      const file = (await repo.read())!;
      expect(file).toEqual({
        format: 1,
        source: 'env',
        current: 1,
        keys: [{ version: 1, createdAt: 1_700_000_000_000, fingerprint: fingerprint(Buffer.from(master, 'base64')) }],
      } satisfies KeyringFile);
      expect(JSON.stringify(file)).not.toContain(master);
      expect((await openSharedKeyring({ store: repo, masterKey: master })).currentVersion()).toBe(1);
    });

    it('rotation with MASTER_KEY_NEXT adds version 2 once; the old key alone is then refused, the new one opens both', async () => {
      const { repo } = get();
      const keyring = await openSharedKeyring({ store: repo, masterKey: master, masterKeyNext: next });
      const aad = Buffer.from('doc-1');
      const old = await keyring.wrap(randomBytes(32), aad);
      expect(await keyring.rotate()).toEqual({ version: 2, created: true });
      expect(await keyring.rotate()).toEqual({ version: 2, created: false });
      expect((await repo.read())!.current).toBe(2);
      await expect(openSharedKeyring({ store: repo, masterKey: master })).rejects.toThrow(/current key is version 2/);
      const after = await openSharedKeyring({ store: repo, masterKey: next, masterKeyNext: undefined });
      expect(after.currentVersion()).toBe(2);
      await expect(after.unwrap(old.version, old.wrapped, aad)).rejects.toThrow(/version 1 is not available/);
      const both = await openSharedKeyring({ store: repo, masterKey: master, masterKeyNext: next });
      expect((await both.unwrap(old.version, old.wrapped, aad)).length).toBe(32);
    });

    it('a MASTER_KEY the keyring does not know is refused', async () => {
      const { repo } = get();
      await expect(openSharedKeyring({ store: repo, masterKey: b64() })).rejects.toThrow(/does not match any key version/);
    });
  },
);
