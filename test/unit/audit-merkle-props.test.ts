import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashLeaf, rootFromLeaves, verifyConsistency, verifyInclusion } from '../../src/domain/audit/merkle.js';
import { MerkleFrontier } from '../../src/domain/audit/merkle-frontier.js';
import { consistencyProof, inclusionProof, rootAt, type SubtreeReader } from '../../src/domain/audit/merkle-proofs.js';

/** Builds a tree the way the audit log stores it: leaves plus the nodes the frontier reports. */
function storedTree(n: number, seed: number) {
  const leaves = Array.from({ length: n }, (_, i) => hashLeaf(`entry-${seed}-${i}`));
  const nodes = new Map<string, Buffer>();
  const frontier = MerkleFrontier.empty();
  for (const leaf of leaves) for (const node of frontier.push(leaf)) nodes.set(`${node.level}/${node.idx}`, node.hash);
  let reads = 0;
  const read: SubtreeReader = (level, idx) => {
    reads += 1;
    const hash = level === 0 ? leaves[idx] : nodes.get(`${level}/${idx}`);
    if (!hash) throw new Error(`no stored subtree ${level}/${idx}`);
    return hash;
  };
  return { leaves, nodes, frontier, read, reads: () => reads, resetReads: () => (reads = 0) };
}

const flipBit = (b: Buffer): Buffer => {
  const c = Buffer.from(b);
  c[0] = c[0]! ^ 1;
  return c;
};

describe('Merkle proofs from stored subtrees (properties)', () => {
  it('frontier root equals MTH, and the frontier stores exactly n - popcount(n) nodes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 600 }), fc.integer(), (n, seed) => {
        const t = storedTree(n, seed);
        expect(t.frontier.root().equals(rootFromLeaves(t.leaves))).toBe(true);
        expect(t.nodes.size).toBe(n - n.toString(2).replaceAll('0', '').length);
        expect(rootAt(t.read, n).equals(rootFromLeaves(t.leaves))).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('an inclusion proof verifies for its own leaf, and fails for a neighbour or a flipped sibling', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1100 }).chain((n) => fc.tuple(fc.constant(n), fc.nat(n - 1))),
        fc.integer(),
        ([n, i], seed) => {
          const t = storedTree(n, seed);
          const root = rootFromLeaves(t.leaves);
          t.resetReads();
          const proof = inclusionProof(t.read, i, n);
          // O(log n): one read per perfect sibling plus at most one ragged edge of ≤ log2 n parts.
          expect(t.reads()).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(n + 1)) + 1);
          expect(verifyInclusion(i, n, t.leaves[i]!, proof, root)).toBe(true);
          if (n > 1) expect(verifyInclusion(i, n, t.leaves[(i + 1) % n]!, proof, root)).toBe(false);
          if (proof.length > 0) {
            const bad = proof.map((p, k) => (k === proof.length - 1 ? flipBit(p) : p));
            expect(verifyInclusion(i, n, t.leaves[i]!, bad, root)).toBe(false);
          }
        },
      ),
      { numRuns: 120 },
    );
  });

  it('a consistency proof verifies for any m <= n and fails against another old root', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1100 }).chain((n) => fc.tuple(fc.integer({ min: 1, max: n }), fc.constant(n))),
        fc.integer(),
        ([m, n], seed) => {
          const t = storedTree(n, seed);
          const root1 = rootFromLeaves(t.leaves.slice(0, m));
          const root2 = rootFromLeaves(t.leaves);
          t.resetReads();
          const proof = consistencyProof(t.read, m, n);
          expect(t.reads()).toBeLessThanOrEqual(3 * Math.ceil(Math.log2(n + 1)) + 2);
          expect(verifyConsistency(m, n, root1, root2, proof)).toBe(true);
          if (m < n) {
            expect(verifyConsistency(m, n, flipBit(root1), root2, proof)).toBe(false);
            expect(verifyConsistency(m, n, root1, flipBit(root2), proof)).toBe(false);
          }
        },
      ),
      { numRuns: 120 },
    );
  });

  it('a frontier reloaded from stored subtrees continues the same tree', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 1, max: 300 }), (n, more) => {
        const t = storedTree(n + more, 7);
        const reloaded = MerkleFrontier.load(t.read, n);
        for (const leaf of t.leaves.slice(n)) {
          for (const node of reloaded.push(leaf)) expect(node.hash.equals(t.nodes.get(`${node.level}/${node.idx}`)!)).toBe(true);
        }
        expect(reloaded.root().equals(t.frontier.root())).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});
