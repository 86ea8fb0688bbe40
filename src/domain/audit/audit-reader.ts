import type { SqliteStore } from '../../db/store.js';
import { createAuditProofs } from './audit-proofs.js';
import type { AuditRepository } from './audit-repository.js';
import type { CheckpointVerifier } from './audit-signer.js';
import { verifyAuditLog, type VerifyOptions, type VerifyResult } from './audit-verify.js';

/**
 * The audit log as readers see it: entries, checkpoints, proofs and full verification, each answering
 * with a Promise and taking its turn at the store. The synchronous SQL (audit-repository.ts) and the
 * proof and verification walks over it run inside one store step each, so a walk never interleaves
 * with someone else's open transaction. Nothing here writes, except `writeBatch` (bulk loads).
 */
export function createAuditReader(sql: AuditRepository, store: SqliteStore) {
  const { writeTransaction: _w, insertBatch: _i, ...reads } = sql;
  const proofs = createAuditProofs(sql);
  return {
    repo: store.wrap(reads),
    proofs: store.wrap(proofs),
    /** Re-derives everything on disk, or everything since the last verified checkpoint (see audit-verify.ts). */
    verify: (verifier: CheckpointVerifier | null, opts?: VerifyOptions): Promise<VerifyResult> =>
      store.run(() => verifyAuditLog(sql, verifier, opts)),
  };
}

export type AuditReader = ReturnType<typeof createAuditReader>;
/** The async audit queries (list, findByTrace, byTargets, checkpoints…). */
export type AuditReadRepository = AuditReader['repo'];
/** Inclusion and consistency proofs and roots, as Promises. */
export type AuditProofs = AuditReader['proofs'];
