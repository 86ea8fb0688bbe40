import { ConfigError, type Config } from '../config/config.js';
import { missingSharedKeys, sharedKeyProblem } from '../config/keys-config.js';
import type { PgStore } from '../db/pg/pg-store.js';
import { loadAuditSigner, signerFromBase64Pkcs8, type AuditSigner } from '../domain/audit/audit-signer.js';
import { createPgKeyringStore } from '../domain/vault/keyring-repository-pg.js';
import type { LocalKeyring } from '../domain/vault/local-keyring.js';
import { openLocalKeyring, openSharedKeyring } from '../domain/vault/open-keyring.js';
import { systemClock, type Clock } from '../shared/clock.js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadOrCreateSecret, sessionSecret as sessionSecretOf } from '../shared/key-file.js';

/** Every key the service uses, opened once and handed to the parts that seal, sign or hash. */
export interface ServiceKeys {
  /** The vault's KEKs: documents' data keys, sealed inbound messages, burn texts, the sandbox chat. */
  keyring: LocalKeyring;
  /** Signs audit checkpoints. */
  signer: AuditSigner;
  /** True when this opening generated the signing key file (the service audits `key.created`). */
  signerCreated: boolean;
  /** Signs session, admin and view tokens. */
  sessionSecret: string;
  /** The patient-field root key: field encryption, the HKID lookup hash, the name index. */
  fieldKey: Buffer;
  /** Seals the EHR pending-writes queue's payloads. */
  ehrQueueKey: Buffer;
}

/** What openKeys needs of the storage: its kind, and on PostgreSQL the store (openStorage's result fits). */
export type KeyStorage = { kind: 'sqlite' } | { kind: 'postgres'; handle: { store: PgStore } };

/**
 * The one place that decides where keys come from. SQLite (one process): each setting, else its file
 * in KEY_DIR created on first start, exactly as before. PostgreSQL (several instances): every key
 * from the shared settings — a missing one stops the start with a ConfigError naming it — and the
 * keyring's versions in the database, so all instances compute the same HKID hashes and open each
 * other's fields, tokens and documents.
 */
export async function openKeys(config: Readonly<Config>, storage: KeyStorage, clock: Clock = systemClock): Promise<ServiceKeys> {
  return storage.kind === 'postgres' ? sharedKeys(config, storage.handle.store, clock) : fileKeys(config, clock);
}

/** SQLite mode: settings where given, else key files in KEY_DIR (created 0600 on first start). */
export function fileKeys(config: Readonly<Config>, clock: Clock = systemClock): ServiceKeys {
  const k = config.keys;
  const { signer, created } = loadAuditSigner(k);
  return {
    keyring: openLocalKeyring({ dir: k.dir, masterKey: k.masterKey, masterKeyNext: k.masterKeyNext, clock }),
    signer,
    signerCreated: created,
    sessionSecret: sessionSecretOf(k),
    fieldKey: settingOrFile('PATIENT_FIELD_KEY', k.patientFieldKey, k.dir, 'patient-fields.key'),
    ehrQueueKey: settingOrFile('EHR_QUEUE_KEY', k.ehrQueueKey, k.dir, 'ehr-queue.key'),
  };
}

/** PostgreSQL mode: no key file is read or created; the keyring's record is the database's. */
async function sharedKeys(config: Readonly<Config>, store: PgStore, clock: Clock): Promise<ServiceKeys> {
  const { masterKey, auditSigningKey, sessionSecret, patientFieldKey, ehrQueueKey } = config.keys;
  if (!masterKey || !auditSigningKey || !sessionSecret || !patientFieldKey || !ehrQueueKey) {
    throw new ConfigError(missingSharedKeys(config.keys).map(sharedKeyProblem));
  }
  return {
    keyring: await openSharedKeyring({ store: createPgKeyringStore(store), masterKey, masterKeyNext: config.keys.masterKeyNext, clock }),
    signer: signerFromBase64Pkcs8(auditSigningKey),
    signerCreated: false,
    sessionSecret,
    fieldKey: key32(patientFieldKey),
    ehrQueueKey: key32(ehrQueueKey),
  };
}

/**
 * A 32-byte key from its setting, else from its file. A setting that contradicts an existing file is
 * refused: what is stored was sealed (and hashed) under the file's key, and would no longer open.
 */
function settingOrFile(setting: string, value: string | undefined, dir: string, file: string): Buffer {
  if (!value) return loadOrCreateSecret(dir, file);
  const key = key32(value);
  if (existsSync(join(dir, file)) && !loadOrCreateSecret(dir, file).equals(key)) {
    throw new ConfigError([`${setting}: differs from ${join(dir, file)}, under which the stored data was sealed; set it to that file's content or unset it`]);
  }
  return key;
}

/** The settings' format is checked by the config schema; decoding cannot lose bytes here. */
const key32 = (b64: string): Buffer => Buffer.from(b64, 'base64');
