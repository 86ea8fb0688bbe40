import { EMPTY_ROOT, hashChildren, splitPoint } from './merkle.js';

/**
 * Proof generation (RFC 9162 §2.1.3.1 PATH and §2.1.4.1 PROOF) from stored perfect-subtree
 * hashes. Every sibling in a proof is either one perfect subtree (one read) or the ragged right
 * edge of the tree, which splits into at most log2(n) perfect subtrees. A proof therefore costs
 * O(log n) reads, however large the log.
 */

/** Hash of the perfect subtree (level, idx): leaves [idx·2^level, (idx+1)·2^level). Level 0 is a leaf hash. */
export type SubtreeReader = (level: number, idx: number) => Buffer;

/**
 * MTH(D[start:end]) for the ranges RFC 9162 recursion produces: `start` is a multiple of a
 * power of two at least as large as the range, so the range is a run of aligned perfect subtrees
 * in decreasing size, folded from the right.
 */
export function rangeRoot(read: SubtreeReader, start: number, end: number): Buffer {
  if (end <= start) return EMPTY_ROOT;
  const parts: Buffer[] = [];
  let pos = start;
  while (pos < end) {
    let size = 1;
    let level = 0;
    while (size * 2 <= end - pos) {
      size *= 2;
      level += 1;
    }
    if (pos % size !== 0) throw new Error(`range [${start}, ${end}) is not made of aligned subtrees`);
    parts.push(read(level, pos / size));
    pos += size;
  }
  let root = parts.pop()!;
  while (parts.length > 0) root = hashChildren(parts.pop()!, root);
  return root;
}

/** Root of the first `size` leaves. */
export function rootAt(read: SubtreeReader, size: number): Buffer {
  return rangeRoot(read, 0, size);
}

/** Audit path for leaf `index` in the tree of the first `treeSize` leaves. */
export function inclusionProof(read: SubtreeReader, index: number, treeSize: number): Buffer[] {
  if (!(index >= 0 && index < treeSize)) throw new RangeError('leaf index outside the tree');
  const path: Buffer[] = [];
  // Walk down from the root; siblings are collected top-down and reversed to leaf-first order.
  let lo = 0;
  let hi = treeSize;
  while (hi - lo > 1) {
    const k = splitPoint(hi - lo);
    if (index < lo + k) {
      path.push(rangeRoot(read, lo + k, hi));
      hi = lo + k;
    } else {
      path.push(rangeRoot(read, lo, lo + k));
      lo += k;
    }
  }
  return path.reverse();
}

/** Consistency proof that the tree of `size2` leaves extends the tree of its first `size1` leaves. */
export function consistencyProof(read: SubtreeReader, size1: number, size2: number): Buffer[] {
  if (!(size1 >= 1 && size1 <= size2)) throw new RangeError('need 0 < size1 <= size2');
  const proof: Buffer[] = [];
  let m = size1;
  let lo = 0;
  let hi = size2;
  let whole = true; // RFC 9162 SUBPROOF's flag b: are we still on the old tree's own root?
  while (m !== hi - lo) {
    const k = splitPoint(hi - lo);
    if (m <= k) {
      proof.push(rangeRoot(read, lo + k, hi));
      hi = lo + k;
    } else {
      proof.push(rangeRoot(read, lo, lo + k));
      m -= k;
      lo += k;
      whole = false;
    }
  }
  if (!whole) proof.push(rangeRoot(read, lo, hi));
  return proof.reverse();
}
