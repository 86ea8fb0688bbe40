import type { Clock } from '../../shared/clock.js';
import type { Transaction } from '../../shared/transactions.js';
import type { AuditSink } from '../../shared/audit-sink.js';
import type { DirectoryRepository } from '../directory/directory-repository.js';
import type { BurnAccess } from './burn-access.js';
import type { BurnNotices, BurnVault } from './burn-ports.js';
import type { BurnRepository } from './burn-repository.js';
import type { TextCipher } from './text-cipher.js';

/** What the burn service and its reader work with (its own file so the reader need not import the service). */
export interface BurnDeps {
  transaction: Transaction;
  repo: BurnRepository;
  access: BurnAccess;
  vault: BurnVault;
  cipher: TextCipher;
  directory: DirectoryRepository;
  groupsOfCase: (caseId: string) => string[];
  notices: BurnNotices;
  audit: AuditSink;
  clock: Clock;
  maxLifetimeMs: number;
}
