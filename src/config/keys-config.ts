import { z } from 'zod';
import { databaseKind } from './database-url.js';

/**
 * Where the service's keys come from. On SQLite (one process) any key not set here is a file in
 * KEY_DIR, created on first start. On PostgreSQL several instances share one database, and a key each
 * instance created for itself would split them (different HKID lookup hashes, fields one instance
 * cannot open): there every key must come from these shared settings, or the service does not start.
 */
const optional = z
  .string()
  .trim()
  .transform((s) => (s === '' ? undefined : s))
  .optional();
const key32 = optional.pipe(z.string().regex(/^[A-Za-z0-9+/]{43}=$/, 'must be 32 bytes, base64').optional());

/** The key settings of the env schema (spread into config.ts's envSchema). */
export const keyEnvShape = {
  KEY_DIR: z.string().trim().default('./data/keys'),
  MASTER_KEY: key32,
  /** The next master key during a rotation (see `npm run keys -- help`); instances adopt it once registered. */
  MASTER_KEY_NEXT: key32,
  AUDIT_SIGNING_KEY: optional,
  SESSION_SECRET: optional.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
  /** The patient-field root key (field encryption, HKID lookup hash, name index); else KEY_DIR/patient-fields.key. */
  PATIENT_FIELD_KEY: key32,
  /** The EHR pending-writes queue's payload key; else KEY_DIR/ehr-queue.key. */
  EHR_QUEUE_KEY: key32,
  /** A folder for ciphertext blobs (may be a shared mount); else beside the SQLite file, or in PostgreSQL. */
  BLOB_DIR: optional,
};

export interface KeysConfig {
  dir: string;
  masterKey?: string;
  masterKeyNext?: string;
  auditSigningKey?: string;
  sessionSecret?: string;
  patientFieldKey?: string;
  ehrQueueKey?: string;
}

type KeyEnv = z.output<z.ZodObject<typeof keyEnvShape>>;

export function keysConfig(e: KeyEnv): KeysConfig {
  return {
    dir: e.KEY_DIR,
    masterKey: e.MASTER_KEY,
    masterKeyNext: e.MASTER_KEY_NEXT,
    auditSigningKey: e.AUDIT_SIGNING_KEY,
    sessionSecret: e.SESSION_SECRET,
    patientFieldKey: e.PATIENT_FIELD_KEY,
    ehrQueueKey: e.EHR_QUEUE_KEY,
  };
}

/** Every key setting PostgreSQL mode requires, with the KeysConfig field it fills. */
export const SHARED_KEY_SETTINGS = [
  ['MASTER_KEY', 'masterKey'],
  ['AUDIT_SIGNING_KEY', 'auditSigningKey'],
  ['SESSION_SECRET', 'sessionSecret'],
  ['PATIENT_FIELD_KEY', 'patientFieldKey'],
  ['EHR_QUEUE_KEY', 'ehrQueueKey'],
] as const satisfies ReadonlyArray<readonly [string, keyof KeysConfig]>;

/** The shared key settings not given (what PostgreSQL mode would refuse to start without). */
export function missingSharedKeys(keys: Omit<KeysConfig, 'dir'>): string[] {
  return SHARED_KEY_SETTINGS.filter(([, field]) => !keys[field]).map(([name]) => name);
}

export const sharedKeyProblem = (name: string) =>
  `${name}: required when DATABASE_URL is PostgreSQL (every instance must share its keys; a key file in KEY_DIR would differ per instance)`;

/** The start-up check on the raw env, reported together with every other config problem. */
export function sharedKeyEnvProblems(env: Record<string, string | undefined>): string[] {
  const v = (k: string) => (env[k] ?? '').trim() || undefined;
  if (databaseKind(v('DATABASE_URL') ?? '') !== 'postgres') return [];
  const missing = missingSharedKeys({
    masterKey: v('MASTER_KEY'),
    auditSigningKey: v('AUDIT_SIGNING_KEY'),
    sessionSecret: v('SESSION_SECRET'),
    patientFieldKey: v('PATIENT_FIELD_KEY'),
    ehrQueueKey: v('EHR_QUEUE_KEY'),
  });
  return missing.map(sharedKeyProblem);
}
