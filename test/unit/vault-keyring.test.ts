import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dataKeyAad, newDataKey } from '../../src/domain/vault/envelope.js';
import { openLocalKeyring } from '../../src/domain/vault/open-keyring.js';
import { ManualClock } from '../../src/shared/clock.js';

let dir: string;
const keyFile = () => join(dir, 'keys', 'keyring.json');
const keyDir = () => join(dir, 'keys');
const b64 = () => randomBytes(32).toString('base64');

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cb-keyring-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('LocalKeyring, file mode', () => {
  it('When started for the first time, then keyring.json is created 0600 in a 0700 folder with version 1', () => {
    const keyring = openLocalKeyring({ dir: keyDir(), clock: new ManualClock() });
    expect(keyring.currentVersion()).toBe(1);
    expect(keyring.source).toBe('file');
    expect(statSync(keyFile()).mode & 0o777).toBe(0o600);
    expect(statSync(keyDir()).mode & 0o777).toBe(0o700);
    expect(readdirSync(keyDir())).toEqual(['keyring.json']); // no temp file left behind
  });

  it.each([0o644, 0o640, 0o604, 0o660])('When the key file has mode %s, then start is refused', (mode) => {
    openLocalKeyring({ dir: keyDir() });
    chmodSync(keyFile(), mode);
    expect(() => openLocalKeyring({ dir: keyDir() })).toThrow(expect.objectContaining({ code: 'config.invalid' }));
  });

  it('When reopened, then the same KEK opens what was wrapped before', async () => {
    const first = openLocalKeyring({ dir: keyDir() });
    const dk = newDataKey();
    const w = await first.wrap(dk, dataKeyAad('d1'));
    const second = openLocalKeyring({ dir: keyDir() });
    expect((await second.unwrap(w.version, w.wrapped, dataKeyAad('d1'))).equals(dk)).toBe(true);
  });

  it('When rotated, then version 2 is current, saved atomically, and version 1 still unwraps after reopening', async () => {
    const keyring = openLocalKeyring({ dir: keyDir() });
    const dk = newDataKey();
    const old = await keyring.wrap(dk, dataKeyAad('d1'));
    expect(await keyring.rotate()).toEqual({ version: 2, created: true });
    expect(statSync(keyFile()).mode & 0o777).toBe(0o600);
    expect(readdirSync(keyDir())).toEqual(['keyring.json']);
    const reopened = openLocalKeyring({ dir: keyDir() });
    expect(reopened.currentVersion()).toBe(2);
    expect(reopened.versions().map((v) => [v.version, v.available])).toEqual([[1, true], [2, true]]);
    expect((await reopened.unwrap(1, old.wrapped, dataKeyAad('d1'))).equals(dk)).toBe(true);
    expect((await reopened.wrap(dk, dataKeyAad('d1'))).version).toBe(2);
  });

  it('When the key file is damaged, then start is refused instead of running with a wrong key', () => {
    openLocalKeyring({ dir: keyDir() });
    const file = JSON.parse(readFileSync(keyFile(), 'utf8'));
    file.keys[0].key = b64();
    writeFileSync(keyFile(), JSON.stringify(file), { mode: 0o600 });
    expect(() => openLocalKeyring({ dir: keyDir() })).toThrow(/damaged/);
    writeFileSync(keyFile(), '{not json', { mode: 0o600 });
    expect(() => openLocalKeyring({ dir: keyDir() })).toThrow(/not valid JSON/);
  });
});

describe('LocalKeyring, env mode (MASTER_KEY)', () => {
  it('When MASTER_KEY is set, then it is version 1 and the key file holds no key material', async () => {
    const master = b64();
    const keyring = openLocalKeyring({ dir: keyDir(), masterKey: master });
    expect(keyring.source).toBe('env');
    expect(keyring.currentVersion()).toBe(1);
    const text = readFileSync(keyFile(), 'utf8');
    expect(text).not.toContain(master);
    expect(JSON.parse(text).keys[0].key).toBeUndefined();
    expect(statSync(keyFile()).mode & 0o777).toBe(0o600);
  });

  it('When rotating without MASTER_KEY_NEXT, then it explains that the new key must be supplied', async () => {
    const keyring = openLocalKeyring({ dir: keyDir(), masterKey: b64() });
    await expect(keyring.rotate()).rejects.toThrow(/MASTER_KEY_NEXT/);
  });

  it('When rotated with MASTER_KEY_NEXT, then the next key becomes version 2, and the swap to it works', async () => {
    const [oldKey, nextKey] = [b64(), b64()];
    const keyring = openLocalKeyring({ dir: keyDir(), masterKey: oldKey, masterKeyNext: nextKey });
    const dk = newDataKey();
    const v1 = await keyring.wrap(dk, dataKeyAad('d1'));
    expect(await keyring.rotate()).toEqual({ version: 2, created: true });
    expect(readFileSync(keyFile(), 'utf8')).not.toContain(nextKey);
    // Re-running the same rotation resumes instead of adding a version.
    const again = openLocalKeyring({ dir: keyDir(), masterKey: oldKey, masterKeyNext: nextKey });
    expect(again.currentVersion()).toBe(2);
    expect(await again.rotate()).toEqual({ version: 2, created: false });
    const v2 = await again.wrap(dk, dataKeyAad('d1'));
    // After the swap only version 2 is available.
    const swapped = openLocalKeyring({ dir: keyDir(), masterKey: nextKey });
    expect((await swapped.unwrap(2, v2.wrapped, dataKeyAad('d1'))).equals(dk)).toBe(true);
    await expect(swapped.unwrap(1, v1.wrapped, dataKeyAad('d1'))).rejects.toMatchObject({ code: 'vault.decrypt_failed' });
    expect(swapped.versions().map((v) => v.available)).toEqual([false, true]);
  });

  it('When the old MASTER_KEY alone is used after a rotation, then start is refused', async () => {
    const [oldKey, nextKey] = [b64(), b64()];
    await openLocalKeyring({ dir: keyDir(), masterKey: oldKey, masterKeyNext: nextKey }).rotate();
    expect(() => openLocalKeyring({ dir: keyDir(), masterKey: oldKey })).toThrow(/current key is version 2/);
  });

  it('When MASTER_KEY does not match the keyring, or the mode changes, then start is refused', () => {
    openLocalKeyring({ dir: keyDir(), masterKey: b64() });
    expect(() => openLocalKeyring({ dir: keyDir(), masterKey: b64() })).toThrow(/does not match/);
    expect(() => openLocalKeyring({ dir: keyDir() })).toThrow(/set MASTER_KEY/);
    const other = join(dir, 'other');
    openLocalKeyring({ dir: other });
    expect(() => openLocalKeyring({ dir: other, masterKey: b64() })).toThrow(/unset MASTER_KEY/);
  });

  it('When MASTER_KEY is not 32 bytes of base64, then start is refused', () => {
    expect(() => openLocalKeyring({ dir: keyDir(), masterKey: randomBytes(16).toString('base64') })).toThrow(
      /32 bytes/,
    );
  });
});
