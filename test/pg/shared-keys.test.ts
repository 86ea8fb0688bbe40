import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../../src/config/config.js';
import { openBlobs } from '../../src/compose/blobs.js';
import { openKeys, type ServiceKeys } from '../../src/compose/keys.js';
import { openPostgres, type PgHandle } from '../../src/db/pg/pg-client.js';
import { createFieldCipher } from '../../src/domain/patients/field-cipher.js';
import { createPgVaultRepository } from '../../src/domain/vault/vault-repository-pg.js';
import { createVault } from '../../src/domain/vault/vault-service.js';
import { rewrapAll } from '../../src/domain/vault/rewrap.js';
import { openSharedKeyring } from '../../src/domain/vault/open-keyring.js';
import { createPgKeyringStore } from '../../src/domain/vault/keyring-repository-pg.js';
import { createViewTokens } from '../../src/domain/sharing/view-token.js';
import { ManualClock } from '../../src/shared/clock.js';
import { makePdf } from '../fixtures/make-pdf.js';
import { pgAvailable, usePgDatabase } from '../helpers/pg-test-db.js';
import { sharedKeyEnv } from '../helpers/shared-key-env.js';

/**
 * Two instances on one PostgreSQL (two pools, each opening its keys and blobs from the same settings,
 * no KEY_DIR in common): they must hash an HKID alike and open each other's fields and documents.
 */
describe.skipIf(!pgAvailable())('shared keys and blobs on PostgreSQL (two instances)', () => {
  const database = usePgDatabase('keys');
  const env = sharedKeyEnv();
  const clock = new ManualClock();
  const handles: PgHandle[] = [];
  const instance = async (keyDir: string, over: Record<string, string> = {}) => {
    const handle = await openPostgres(database.url(), 4);
    handles.push(handle);
    // loadConfig still refuses postgres:// until the service is wired onto PostgreSQL: the URL is set after.
    const config: Readonly<Config> = { ...loadConfig({ ...env, KEY_DIR: keyDir, ...over }), databaseUrl: database.url() };
    const storage = { kind: 'postgres' as const, handle };
    const keys: ServiceKeys = await openKeys(config, storage, clock);
    const vault = createVault({ repo: createPgVaultRepository(handle.store), blobs: openBlobs(config, storage, clock), keyring: keys.keyring, clock });
    return { handle, keys, vault };
  };
  /** The master key of version 2 (the first rotation below). */
  let rotatedKey = '';
  let a: Awaited<ReturnType<typeof instance>>;
  let b: Awaited<ReturnType<typeof instance>>;
  beforeAll(async () => {
    // Started together on an empty database: both register the same first key version.
    [a, b] = await Promise.all([instance('/nonexistent/keys-a'), instance('/nonexistent/keys-b')]);
  });
  afterAll(async () => {
    for (const h of handles) await h.close();
  });

  it('the same HKID hash, name index and field ciphertexts on both; tokens of one verify on the other', async () => {
    const [ca, cb] = [createFieldCipher(a.keys.fieldKey), createFieldCipher(b.keys.fieldKey)];
    expect(ca.hkidHash('A1234563')).toBe(cb.hkidHash('A1234563'));
    expect(ca.nameTokenHash('chan')).toBe(cb.nameTokenHash('chan'));
    expect(cb.open('hkid', 'p-1', ca.seal('hkid', 'p-1', 'A1234563'))).toBe('A1234563');
    expect(a.keys.signer.keyId).toBe(b.keys.signer.keyId);
    expect(a.keys.ehrQueueKey.equals(b.keys.ehrQueueKey)).toBe(true);
    const { token } = createViewTokens(a.keys.sessionSecret).issue('doc-1', 'clin-1', clock.now());
    expect(createViewTokens(b.keys.sessionSecret).verify(token, clock.now())).toMatchObject({ d: 'doc-1', v: 'clin-1' });
  });

  it('a document stored by one instance opens on the other (blob in vault_blobs, key under the shared keyring)', async () => {
    const pdf = await makePdf({ text: 'shared between instances' });
    await a.vault.store({ documentId: 'doc-a', caseId: 'case-1', bytes: pdf });
    await b.vault.store({ documentId: 'doc-b', caseId: 'case-1', bytes: pdf });
    expect((await b.vault.open({ documentId: 'doc-a', caseId: 'case-1' })).equals(pdf)).toBe(true);
    expect((await a.vault.open({ documentId: 'doc-b', caseId: 'case-1' })).equals(pdf)).toBe(true);
    const { rows } = await a.handle.store.pool.query<{ n: number }>('select count(*)::int as n from vault_blobs');
    expect(rows[0]!.n).toBe(2);
    expect(await b.vault.destroy('doc-a')).toBe(true);
    await expect(a.vault.open({ documentId: 'doc-a', caseId: 'case-1' })).rejects.toMatchObject({ code: 'burned' });
  });

  it('rotation in the database: after rotate + rewrap, an instance on the new MASTER_KEY alone opens every document', async () => {
    const next = (rotatedKey = sharedKeyEnv().MASTER_KEY);
    const store = createPgKeyringStore(a.handle.store);
    const cli = await openSharedKeyring({ store, masterKey: env.MASTER_KEY, masterKeyNext: next, clock });
    expect(await cli.rotate()).toEqual({ version: 2, created: true });
    const done = await rewrapAll({ repo: createPgVaultRepository(a.handle.store), keyring: cli });
    expect(done).toMatchObject({ rewrapped: 1, targetVersion: 2, failed: [] });
    const c = await instance('/nonexistent/keys-c', { MASTER_KEY: next });
    expect(c.keys.keyring.currentVersion()).toBe(2);
    expect((await c.vault.open({ documentId: 'doc-b', caseId: 'case-1' })).length).toBeGreaterThan(0);
    await expect(instance('/nonexistent/keys-d')).rejects.toThrow(/current key is version 2/);
  });

  it('an instance with another MASTER_KEY is refused at start instead of writing what the others cannot read', async () => {
    await expect(instance('/nonexistent/keys-e', { MASTER_KEY: sharedKeyEnv().MASTER_KEY })).rejects.toThrow(/MASTER_KEY does not match any key version/);
  });

  it('rolling rotation: instances started with MASTER_KEY_NEXT adopt the version the CLI registers, without a restart', async () => {
    const v3 = sharedKeyEnv().MASTER_KEY;
    const x = await instance('/nonexistent/keys-x', { MASTER_KEY: rotatedKey, MASTER_KEY_NEXT: v3 });
    const y = await instance('/nonexistent/keys-y', { MASTER_KEY: rotatedKey, MASTER_KEY_NEXT: v3 });
    expect([x.keys.keyring.currentVersion(), y.keys.keyring.currentVersion()]).toEqual([2, 2]);
    const pdf = await makePdf({ text: 'rolling' });
    expect((await x.vault.store({ documentId: 'doc-before', caseId: 'case-1', bytes: pdf })).kekVersion).toBe(2);
    // The CLI (another process) registers version 3 and re-wraps.
    const cli = await openSharedKeyring({ store: createPgKeyringStore(x.handle.store), masterKey: rotatedKey, masterKeyNext: v3, clock });
    expect(await cli.rotate()).toEqual({ version: 3, created: true });
    await rewrapAll({ repo: createPgVaultRepository(x.handle.store), keyring: cli });
    // y opens a document re-wrapped under 3 at once; x writes its next document under 3.
    expect((await y.vault.open({ documentId: 'doc-before', caseId: 'case-1' })).equals(pdf)).toBe(true);
    expect(y.keys.keyring.currentVersion()).toBe(3);
    expect((await x.vault.store({ documentId: 'doc-after', caseId: 'case-1', bytes: pdf })).kekVersion).toBe(3);
    // Then every instance restarts on the new key alone and opens everything.
    const z = await instance('/nonexistent/keys-z', { MASTER_KEY: v3 });
    for (const id of ['doc-before', 'doc-after', 'doc-b']) expect((await z.vault.open({ documentId: id, caseId: 'case-1' })).length, id).toBeGreaterThan(0);
  });
});
