import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError } from '../../shared/errors.js';

/** Checks checkpoint signatures; all a verifier (or the CLI) needs is the public key. */
export interface CheckpointVerifier {
  /** Short fingerprint of the public key, stored beside each signature. */
  readonly keyId: string;
  /** SPKI PEM, safe to publish. */
  readonly publicKeyPem: string;
  verify(message: Buffer, signature: Buffer): boolean;
}

export interface AuditSigner extends CheckpointVerifier {
  sign(message: Buffer): Buffer;
}

export const SIGNING_KEY_FILE = 'audit-signing.key';
export const PUBLIC_KEY_FILE = 'audit-signing.pub';

function keyIdOf(publicKey: KeyObject): string {
  const der = publicKey.export({ format: 'der', type: 'spki' });
  return createHash('sha256').update(der).digest('hex').slice(0, 16);
}

export function verifierFromPublicKey(publicKey: KeyObject): CheckpointVerifier {
  if (publicKey.asymmetricKeyType !== 'ed25519') throw new DomainError('config.invalid', 'audit key must be Ed25519');
  return {
    keyId: keyIdOf(publicKey),
    publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    // Ed25519 takes no digest name: the message is signed as is.
    verify: (message, signature) => {
      try {
        return verify(null, message, publicKey, signature);
      } catch {
        return false;
      }
    },
  };
}

export function signerFromPrivateKey(privateKey: KeyObject): AuditSigner {
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new DomainError('config.invalid', 'audit key must be Ed25519');
  return { ...verifierFromPublicKey(createPublicKey(privateKey)), sign: (message) => sign(null, message, privateKey) };
}

/** Parses `AUDIT_SIGNING_KEY`: base64 of a PKCS#8 DER Ed25519 private key. */
export function signerFromBase64Pkcs8(b64: string): AuditSigner {
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: Buffer.from(b64, 'base64'), format: 'der', type: 'pkcs8' });
  } catch (cause) {
    // The key material itself must not reach the message.
    throw new DomainError('config.invalid', 'AUDIT_SIGNING_KEY is not a base64 PKCS#8 key', { cause });
  }
  return signerFromPrivateKey(key);
}

export interface LoadedSigner {
  signer: AuditSigner;
  /** True when this call generated the key file; the caller audits `key.created`. */
  created: boolean;
}

/**
 * The checkpoint signer: from config when `AUDIT_SIGNING_KEY` is set, otherwise from
 * `<keyDir>/audit-signing.key`, generated on first use (0600, public key written beside it).
 */
export function loadAuditSigner(keys: { dir: string; auditSigningKey?: string }): LoadedSigner {
  if (keys.auditSigningKey) return { signer: signerFromBase64Pkcs8(keys.auditSigningKey), created: false };
  const path = join(keys.dir, SIGNING_KEY_FILE);
  if (existsSync(path)) return { signer: signerFromPrivateKey(readKeyFile(path, createPrivateKey)), created: false };
  mkdirSync(keys.dir, { recursive: true, mode: 0o700 });
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  // 'wx' fails if another process created the file first, rather than overwriting its key.
  writeFileSync(path, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600, flag: 'wx' });
  writeFileSync(join(keys.dir, PUBLIC_KEY_FILE), publicKey.export({ format: 'pem', type: 'spki' }), { mode: 0o644 });
  return { signer: signerFromPrivateKey(privateKey), created: true };
}

/**
 * The verifier for read-only tools: the configured key, else the key file, else the public key
 * file. Never creates a key (a new key would make every old checkpoint look forged); null if none.
 */
export function loadAuditVerifier(keys: { dir: string; auditSigningKey?: string }): CheckpointVerifier | null {
  if (keys.auditSigningKey) return signerFromBase64Pkcs8(keys.auditSigningKey);
  const priv = join(keys.dir, SIGNING_KEY_FILE);
  if (existsSync(priv)) return signerFromPrivateKey(readKeyFile(priv, createPrivateKey));
  const pub = join(keys.dir, PUBLIC_KEY_FILE);
  return existsSync(pub) ? verifierFromPublicKey(readKeyFile(pub, createPublicKey)) : null;
}

/** A damaged key file is a configuration problem; the error names the file, never its bytes. */
function readKeyFile(path: string, parse: (pem: Buffer) => KeyObject): KeyObject {
  try {
    return parse(readFileSync(path));
  } catch (cause) {
    throw new DomainError('config.invalid', `audit key file ${path} is not a readable PEM key`, { cause });
  }
}
