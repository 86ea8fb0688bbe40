import { generateKeyPairSync, randomBytes } from 'node:crypto';

/** Fresh values for every shared key setting PostgreSQL mode requires (as an operator would generate them). */
export function sharedKeyEnv(): Record<'MASTER_KEY' | 'AUDIT_SIGNING_KEY' | 'SESSION_SECRET' | 'PATIENT_FIELD_KEY' | 'EHR_QUEUE_KEY', string> {
  const { privateKey } = generateKeyPairSync('ed25519');
  return {
    MASTER_KEY: randomBytes(32).toString('base64'),
    AUDIT_SIGNING_KEY: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
    SESSION_SECRET: randomBytes(32).toString('base64'),
    PATIENT_FIELD_KEY: randomBytes(32).toString('base64'),
    EHR_QUEUE_KEY: randomBytes(32).toString('base64'),
  };
}
