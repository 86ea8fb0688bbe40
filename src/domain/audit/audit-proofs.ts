import { DomainError } from '../../shared/errors.js';
import type { AuditRepository } from './audit-repository.js';
import { consistencyProof, inclusionProof, rootAt, type SubtreeReader } from './merkle-proofs.js';

/** Proofs over what is on disk, as hex for JSON. Each costs O(log n) point reads. */
export interface InclusionProofJson {
  index: number;
  treeSize: number;
  leafHash: string;
  path: string[];
  root: string;
}

export interface ConsistencyProofJson {
  size1: number;
  size2: number;
  root1: string;
  root2: string;
  path: string[];
}

const hex = (b: Buffer): string => b.toString('hex');

/** Reads stored subtrees; a hole means the stored tree is damaged, which `verify` will pin down. */
export function storedSubtreeReader(repo: Pick<AuditRepository, 'subtree'>): SubtreeReader {
  return (level, idx) => {
    const hash = repo.subtree(level, idx);
    if (!hash) throw new DomainError('audit.corrupt', undefined, { details: { level, idx } });
    return hash;
  };
}

function checkSize(n: number, stored: number, what: string): void {
  if (!Number.isSafeInteger(n) || n < 0 || n > stored) {
    throw new DomainError('request.invalid', `${what} must be a whole number from 0 to ${stored}`);
  }
}

export function createAuditProofs(repo: Pick<AuditRepository, 'size' | 'subtree'>) {
  const read = storedSubtreeReader(repo);
  // The tree is append-only, so the root at a given size never changes: remember the last one.
  let memo: { size: number; root: Buffer } | undefined;
  const rootOf = (size: number): Buffer => {
    if (memo?.size !== size) memo = { size, root: rootAt(read, size) };
    return memo.root;
  };
  return {
    /** Root of the first `treeSize` stored entries (default: all). */
    root(treeSize?: number): Buffer {
      const stored = repo.size();
      checkSize(treeSize ?? stored, stored, 'tree size');
      return rootOf(treeSize ?? stored);
    },

    inclusion(index: number, size?: number): InclusionProofJson {
      const stored = repo.size();
      const treeSize = size ?? stored;
      checkSize(treeSize, stored, 'tree size');
      if (!Number.isSafeInteger(index) || index < 0 || index >= treeSize) {
        throw new DomainError('request.invalid', 'entry index must be inside the tree');
      }
      return {
        index,
        treeSize,
        leafHash: hex(read(0, index)),
        path: inclusionProof(read, index, treeSize).map(hex),
        root: hex(rootOf(treeSize)),
      };
    },

    consistency(size1: number, size2 = repo.size()): ConsistencyProofJson {
      checkSize(size2, repo.size(), 'new tree size');
      if (!Number.isSafeInteger(size1) || size1 < 1 || size1 > size2) {
        throw new DomainError('request.invalid', 'old tree size must be from 1 to the new tree size');
      }
      return {
        size1,
        size2,
        root1: hex(rootAt(read, size1)),
        root2: hex(rootAt(read, size2)),
        path: consistencyProof(read, size1, size2).map(hex),
      };
    },
  };
}
