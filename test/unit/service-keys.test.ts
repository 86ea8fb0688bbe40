import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.js';
import { openBlobs } from '../../src/compose/blobs.js';
import { fileKeys, openKeys } from '../../src/compose/keys.js';
import { createFieldCipher } from '../../src/domain/patients/field-cipher.js';
import { sharedKeyEnv } from '../helpers/shared-key-env.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
function folder(): string {
  const d = mkdtempSync(join(tmpdir(), 'cb-keys-'));
  dirs.push(d);
  return d;
}
const configIn = (dir: string, env: Record<string, string> = {}) =>
  loadConfig({ DATABASE_URL: `file:${join(dir, 'cb.db')}`, KEY_DIR: join(dir, 'keys'), ...env });

describe('openKeys on SQLite: files in KEY_DIR as before, settings where given', () => {
  it('the first opening creates every key file; a second opening reads the same keys back', async () => {
    const dir = folder();
    const first = await openKeys(configIn(dir), { kind: 'sqlite' });
    for (const f of ['keyring.json', 'audit-signing.key', 'session.key', 'patient-fields.key', 'ehr-queue.key']) expect(existsSync(join(dir, 'keys', f)), f).toBe(true);
    expect(first.signerCreated).toBe(true);
    const again = fileKeys(configIn(dir));
    expect(again.signerCreated).toBe(false);
    expect(again.signer.keyId).toBe(first.signer.keyId);
    expect([again.sessionSecret, again.fieldKey, again.ehrQueueKey]).toEqual([first.sessionSecret, first.fieldKey, first.ehrQueueKey]);
    expect(again.keyring.currentVersion()).toBe(1);
  });

  it('PATIENT_FIELD_KEY and EHR_QUEUE_KEY are used instead of files; one contradicting an existing file is refused', () => {
    const dir = folder();
    const env = sharedKeyEnv();
    const keys = fileKeys(configIn(dir, { PATIENT_FIELD_KEY: env.PATIENT_FIELD_KEY, EHR_QUEUE_KEY: env.EHR_QUEUE_KEY }));
    expect(keys.fieldKey.toString('base64')).toBe(env.PATIENT_FIELD_KEY);
    expect(keys.ehrQueueKey.toString('base64')).toBe(env.EHR_QUEUE_KEY);
    expect(existsSync(join(dir, 'keys', 'patient-fields.key'))).toBe(false);

    const old = folder();
    const fileKey = fileKeys(configIn(old)).fieldKey;
    expect(() => fileKeys(configIn(old, { PATIENT_FIELD_KEY: env.PATIENT_FIELD_KEY }))).toThrow(/PATIENT_FIELD_KEY: differs from .*patient-fields\.key/);
    const same = fileKeys(configIn(old, { PATIENT_FIELD_KEY: readFileSync(join(old, 'keys', 'patient-fields.key'), 'utf8') }));
    expect(createFieldCipher(same.fieldKey).hkidHash('A1234563')).toBe(createFieldCipher(fileKey).hkidHash('A1234563'));
  });
});

describe('openKeys on PostgreSQL refuses file-only keys', () => {
  it('names every missing setting and creates no key file (before touching the database)', async () => {
    const dir = folder();
    const config = { ...configIn(dir, { MASTER_KEY: sharedKeyEnv().MASTER_KEY }), databaseUrl: 'postgres://cb@db.example/cb' };
    const unreachable = { kind: 'postgres' as const, handle: { store: new Proxy({}, { get: () => { throw new Error('the database was touched'); } }) as never } };
    const err = await openKeys(config, unreachable).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).problems.map((p) => p.split(':')[0])).toEqual(['AUDIT_SIGNING_KEY', 'SESSION_SECRET', 'PATIENT_FIELD_KEY', 'EHR_QUEUE_KEY']);
    expect((err as ConfigError).message).toMatch(/required when DATABASE_URL is PostgreSQL/);
    expect(existsSync(join(dir, 'keys'))).toBe(false);
  });
});

describe('openBlobs', () => {
  it('BLOB_DIR wins; else the folder beside the SQLite file', async () => {
    const dir = folder();
    await openBlobs(configIn(dir), { kind: 'sqlite' }).put('b1', Buffer.from('x'));
    expect(existsSync(join(dir, 'blobs', 'b1'))).toBe(true);
    const shared = join(folder(), 'shared');
    await openBlobs(configIn(dir, { BLOB_DIR: shared }), { kind: 'sqlite' }).put('b2', Buffer.from('y'));
    expect(existsSync(join(shared, 'b2'))).toBe(true);
    expect(existsSync(join(dir, 'blobs', 'b2'))).toBe(false);
  });
});
