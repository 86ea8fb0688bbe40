import type { AuditSink } from '../../shared/audit-sink.js';
import type { AuditProofs, AuditReadRepository } from './audit-reader.js';
import type { StoredCheckpoint } from './audit-repository.js';
import type { VerifyResult } from './audit-verify.js';

/**
 * The Merkle audit log as the service uses it, whichever store holds it: `AuditLog` (SQLite, one
 * writer) and `PgAuditLog` (PostgreSQL, one tree across the cluster) both implement it.
 */
export interface AuditLogPort extends AuditSink {
  readonly repo: AuditReadRepository;
  readonly proofs: AuditProofs;
  /** Entries appended so far (queued ones included). */
  readonly size: number;
  /** Entries not yet on disk. */
  readonly queued: number;
  flush(): Promise<void>;
  checkpoint(): Promise<StoredCheckpoint>;
  startCheckpointTimer(intervalMs: number): () => void;
  close(): Promise<void>;
  verify(): Promise<VerifyResult>;
}
