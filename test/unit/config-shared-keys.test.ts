import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.js';
import { sharedKeyEnvProblems } from '../../src/config/keys-config.js';
import { sharedKeyEnv } from '../helpers/shared-key-env.js';

const PG = 'postgres://cb@db.example/cb';
const problemsOf = (env: Record<string, string>): string[] => {
  try {
    loadConfig(env);
    return [];
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as ConfigError).problems;
  }
};

describe('config: keys and blobs', () => {
  it('PATIENT_FIELD_KEY, EHR_QUEUE_KEY and BLOB_DIR are read; unset, the key files and the folder beside the database stand in', () => {
    const env = sharedKeyEnv();
    const c = loadConfig({ PATIENT_FIELD_KEY: env.PATIENT_FIELD_KEY, EHR_QUEUE_KEY: env.EHR_QUEUE_KEY, BLOB_DIR: '/srv/shared/blobs' });
    expect(c.keys).toMatchObject({ patientFieldKey: env.PATIENT_FIELD_KEY, ehrQueueKey: env.EHR_QUEUE_KEY });
    expect(c.blobs.dir).toBe('/srv/shared/blobs');
    const d = loadConfig({ PATIENT_FIELD_KEY: '', BLOB_DIR: '' });
    expect([d.keys.patientFieldKey, d.keys.ehrQueueKey, d.blobs.dir]).toEqual([undefined, undefined, undefined]);
  });

  it('a field or queue key that is not 32 bytes of base64 is refused, naming the setting', () => {
    const problems = problemsOf({ PATIENT_FIELD_KEY: 'short', EHR_QUEUE_KEY: Buffer.alloc(16).toString('base64') }).join('\n');
    expect(problems).toMatch(/PATIENT_FIELD_KEY: must be 32 bytes, base64/);
    expect(problems).toMatch(/EHR_QUEUE_KEY: must be 32 bytes, base64/);
  });

  it('PostgreSQL with file-only keys: the start is refused with one line per missing setting', () => {
    const problems = problemsOf({ DATABASE_URL: PG });
    for (const name of ['MASTER_KEY', 'AUDIT_SIGNING_KEY', 'SESSION_SECRET', 'PATIENT_FIELD_KEY', 'EHR_QUEUE_KEY']) {
      expect(problems).toContain(`${name}: required when DATABASE_URL is PostgreSQL (every instance must share its keys; a key file in KEY_DIR would differ per instance)`);
    }
    const { MASTER_KEY, SESSION_SECRET } = sharedKeyEnv();
    expect(sharedKeyEnvProblems({ DATABASE_URL: PG, MASTER_KEY, SESSION_SECRET }).map((p) => p.split(':')[0])).toEqual(['AUDIT_SIGNING_KEY', 'PATIENT_FIELD_KEY', 'EHR_QUEUE_KEY']);
  });

  it('PostgreSQL with every shared key set: no key problem; SQLite never needs them', () => {
    expect(problemsOf({ DATABASE_URL: PG, ...sharedKeyEnv() }).filter((p) => /required when DATABASE_URL is PostgreSQL/.test(p))).toEqual([]);
    expect(sharedKeyEnvProblems({ DATABASE_URL: 'postgresql://h/cb', ...sharedKeyEnv() })).toEqual([]);
    expect(sharedKeyEnvProblems({})).toEqual([]);
    expect(sharedKeyEnvProblems({ DATABASE_URL: 'file:./data/x.db' })).toEqual([]);
    expect(problemsOf({ DATABASE_URL: ':memory:' })).toEqual([]);
  });
});
