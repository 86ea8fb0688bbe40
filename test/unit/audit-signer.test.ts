import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeCheckpoint, signCheckpoint } from '../../src/domain/audit/audit-checkpoint.js';
import {
  loadAuditSigner,
  loadAuditVerifier,
  PUBLIC_KEY_FILE,
  SIGNING_KEY_FILE,
} from '../../src/domain/audit/audit-signer.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const keyDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'cb-audit-keys-'));
  dirs.push(d);
  return join(d, 'keys');
};
const head = { treeSize: 3, rootHash: Buffer.alloc(32, 7), at: Date.UTC(2026, 0, 1) };

describe('audit signing key', () => {
  it('When no key is configured, then one is created once with 0600 and its public key beside it', () => {
    const dir = keyDir();
    const first = loadAuditSigner({ dir });
    expect(first.created).toBe(true);
    expect(statSync(join(dir, SIGNING_KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, PUBLIC_KEY_FILE), 'utf8')).toBe(first.signer.publicKeyPem);
    const again = loadAuditSigner({ dir });
    expect(again).toMatchObject({ created: false, signer: { keyId: first.signer.keyId } });
    const signed = signCheckpoint(first.signer, head);
    expect(again.signer.verify(encodeCheckpoint(signed), signed.signature)).toBe(true);
  });

  it('When AUDIT_SIGNING_KEY is set, then it is used and no file is written', () => {
    const dir = keyDir();
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const b64 = privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
    const { signer, created } = loadAuditSigner({ dir, auditSigningKey: b64 });
    expect(created).toBe(false);
    expect(existsSync(dir)).toBe(false);
    expect(signer.publicKeyPem).toBe(publicKey.export({ format: 'pem', type: 'spki' }));
  });

  it('When AUDIT_SIGNING_KEY is garbage or not Ed25519, then config.invalid without echoing it', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ format: 'der', type: 'pkcs8' });
    for (const bad of ['c2VjcmV0LXZhbHVl', rsa.toString('base64')]) {
      try {
        loadAuditSigner({ dir: keyDir(), auditSigningKey: bad });
        expect.unreachable();
      } catch (e) {
        expect((e as { code: string }).code).toBe('config.invalid');
        expect((e as Error).message).not.toContain(bad.slice(0, 12));
      }
    }
  });

  it('When only verifying, then no key is ever created, and the public key file alone is enough', () => {
    const dir = keyDir();
    expect(loadAuditVerifier({ dir })).toBeNull();
    expect(existsSync(join(dir, SIGNING_KEY_FILE))).toBe(false);
    const { signer } = loadAuditSigner({ dir });
    const signed = signCheckpoint(signer, head);
    unlinkSync(join(dir, SIGNING_KEY_FILE));
    const verifier = loadAuditVerifier({ dir })!;
    expect(verifier.keyId).toBe(signer.keyId);
    expect(verifier.verify(encodeCheckpoint(signed), signed.signature)).toBe(true);
    expect(verifier.verify(encodeCheckpoint({ ...signed, treeSize: 4 }), signed.signature)).toBe(false);
  });
});

describe('damaged key file', () => {
  it('When the key file is not a key, then config.invalid names the file and not its content', () => {
    const dir = keyDir();
    loadAuditSigner({ dir });
    writeFileSync(join(dir, SIGNING_KEY_FILE), 'not-a-key-at-all');
    expect(() => loadAuditSigner({ dir })).toThrow(/audit-signing\.key is not a readable PEM key/);
    expect(() => loadAuditVerifier({ dir })).toThrow(expect.objectContaining({ code: 'config.invalid' }));
  });
});
