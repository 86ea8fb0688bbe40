import { openDatabase } from '../../src/db/client.js';
import { createAuditRepository } from '../../src/domain/audit/audit-repository.js';
import { loadAuditVerifier } from '../../src/domain/audit/audit-signer.js';
import { verifyAuditLog, type VerifyResult } from '../../src/domain/audit/audit-verify.js';

/** `npm run audit -- verify` on a service's database and keys (the service must not be running). */
export function verifyAudit(dbFile: string, keyDir: string): VerifyResult {
  const handle = openDatabase(`file:${dbFile}`);
  try {
    return verifyAuditLog(createAuditRepository(handle.sqlite), loadAuditVerifier({ dir: keyDir }));
  } finally {
    handle.close();
  }
}
