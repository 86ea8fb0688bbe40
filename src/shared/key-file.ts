import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A random secret kept in a key file (0600) in the key folder, created on first start. Used for keys
 * that never leave the service: the patient-field root key and the session-token secret.
 * A file readable by group or others is refused, like the keyring.
 */
export function loadOrCreateSecret(dir: string, name: string, bytes = 32): Buffer {
  const path = join(dir, name);
  if (existsSync(path)) {
    if ((statSync(path).mode & 0o077) !== 0) throw new Error(`key file ${name} must not be readable by group or others (chmod 600)`);
    const key = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
    if (key.length !== bytes) throw new Error(`key file ${name} is damaged`);
    return key;
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const key = randomBytes(bytes);
  writeFileSync(path, key.toString('base64'), { mode: 0o600, flag: 'wx' });
  chmodSync(path, 0o600);
  return key;
}

/** The secret that signs session and admin tokens: SESSION_SECRET, else a key file created on first start. */
export function sessionSecret(keys: { dir: string; sessionSecret?: string }): string {
  return keys.sessionSecret ?? loadOrCreateSecret(keys.dir, 'session.key').toString('base64');
}
