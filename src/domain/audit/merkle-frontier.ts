import { EMPTY_ROOT, hashChildren } from './merkle.js';
import type { SubtreeReader } from './merkle-proofs.js';

/** A complete subtree hash at level ≥ 1, as stored in audit_nodes. */
export interface MerkleNode {
  level: number;
  idx: number;
  hash: Buffer;
}

/**
 * The right edge of an append-only Merkle tree: one perfect subtree per set bit of the size,
 * largest first. Appending a leaf merges equal-sized subtrees and yields exactly the nodes that
 * became complete, so a writer stores each node once and never reads back to append.
 */
export class MerkleFrontier {
  private constructor(
    private readonly stack: MerkleNode[],
    private count: number,
  ) {}

  static empty(): MerkleFrontier {
    return new MerkleFrontier([], 0);
  }

  /** Rebuilds the edge of a stored tree of `size` leaves with one read per set bit of `size`. */
  static load(read: SubtreeReader, size: number): MerkleFrontier {
    const stack: MerkleNode[] = [];
    let pos = 0;
    for (let level = 52; level >= 0; level--) {
      const span = 2 ** level;
      if (size - pos >= span) {
        stack.push({ level, idx: pos / span, hash: read(level, pos / span) });
        pos += span;
      }
    }
    return new MerkleFrontier(stack, size);
  }

  get size(): number {
    return this.count;
  }

  /** Adds one leaf hash; returns the nodes (level ≥ 1) it completed, lowest first. */
  push(leafHash: Buffer): MerkleNode[] {
    const completed: MerkleNode[] = [];
    let node: MerkleNode = { level: 0, idx: this.count, hash: leafHash };
    for (let top = this.stack.at(-1); top !== undefined && top.level === node.level; top = this.stack.at(-1)) {
      this.stack.pop();
      node = { level: node.level + 1, idx: top.idx / 2, hash: hashChildren(top.hash, node.hash) };
      completed.push(node);
    }
    this.stack.push(node);
    this.count += 1;
    return completed;
  }

  /** Root of the whole tree so far: the edge subtrees folded from the right. */
  root(): Buffer {
    if (this.stack.length === 0) return EMPTY_ROOT;
    let r = this.stack.at(-1)!.hash;
    for (let i = this.stack.length - 2; i >= 0; i--) r = hashChildren(this.stack[i]!.hash, r);
    return r;
  }
}
