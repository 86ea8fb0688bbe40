import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  EMPTY_ROOT,
  hashChildren,
  hashLeaf,
  rootFromLeaves,
  verifyConsistency,
  verifyInclusion,
} from '../../src/domain/audit/merkle.js';
import { consistencyProof, inclusionProof, type SubtreeReader } from '../../src/domain/audit/merkle-proofs.js';

interface InclusionVector {
  leafIndex: number;
  treeSize: number;
  leafHash: string;
  proof: string[];
  root: string;
  expectValid: boolean;
  desc?: string;
}
interface ConsistencyVector {
  size1: number;
  size2: number;
  proof: string[];
  root1: string;
  root2: string;
  expectValid: boolean;
  desc?: string;
}
interface Vectors {
  leaves: string[];
  emptyRoot: string;
  roots: { size: number; hash: string }[];
  nodeHashes: { level: number; hashes: string[] }[];
  hashVectors: { kind: 'empty' | 'leaf' | 'node'; input?: string; left?: string; right?: string; expected: string }[];
  inclusion: InclusionVector[];
  consistency: ConsistencyVector[];
  inclusionInvalid: InclusionVector[];
  consistencyInvalid: ConsistencyVector[];
  edgeCases: { inclusion: InclusionVector[]; consistency: ConsistencyVector[] };
  derived: { inclusion: InclusionVector[]; consistency: ConsistencyVector[] };
}

const V = JSON.parse(readFileSync('/work/shared/testdata/rfc6962-vectors.json', 'utf8')) as Vectors;
const hex = (s: string): Buffer => Buffer.from(s, 'hex');
const toHex = (b: Buffer[]): string[] => b.map((x) => x.toString('hex'));
const leafHashes = V.leaves.map((l) => hashLeaf(hex(l)));

/** A reader over the 8-leaf reference tree, built from the vector file's own node table. */
const refReader: SubtreeReader = (level, idx) => hex(V.nodeHashes.find((n) => n.level === level)!.hashes[idx]!);

const checkInclusion = (v: InclusionVector): boolean =>
  verifyInclusion(v.leafIndex, v.treeSize, hex(v.leafHash), v.proof.map(hex), hex(v.root));
const checkConsistency = (v: ConsistencyVector): boolean =>
  verifyConsistency(v.size1, v.size2, hex(v.root1), hex(v.root2), v.proof.map(hex));

describe('RFC 6962/9162 known answers', () => {
  it('hashes the empty tree, leaves and nodes as the RFC says', () => {
    expect(EMPTY_ROOT.toString('hex')).toBe(V.emptyRoot);
    for (const h of V.hashVectors) {
      const got =
        h.kind === 'empty' ? EMPTY_ROOT : h.kind === 'leaf' ? hashLeaf(hex(h.input!)) : hashChildren(hex(h.left!), hex(h.right!));
      expect(got.toString('hex')).toBe(h.expected);
    }
    expect(toHex(leafHashes)).toEqual(V.nodeHashes[0]!.hashes);
  });

  it('computes every reference root from the leaves', () => {
    for (const r of V.roots) expect(rootFromLeaves(leafHashes.slice(0, r.size)).toString('hex')).toBe(r.hash);
  });

  it.each([
    ['inclusion', V.inclusion],
    ['derived inclusion', V.derived.inclusion],
    ['edge inclusion', V.edgeCases.inclusion],
    ['invalid inclusion', V.inclusionInvalid],
  ] as const)('gives the expected verdict on every %s vector', (_name, vectors) => {
    expect(vectors.length).toBeGreaterThan(0);
    const wrong = vectors.filter((v) => checkInclusion(v) !== v.expectValid).map((v) => v.desc ?? JSON.stringify(v));
    expect(wrong).toEqual([]);
  });

  it.each([
    ['consistency', V.consistency],
    ['derived consistency', V.derived.consistency],
    ['edge consistency', V.edgeCases.consistency],
    ['invalid consistency', V.consistencyInvalid],
  ] as const)('gives the expected verdict on every %s vector', (_name, vectors) => {
    expect(vectors.length).toBeGreaterThan(0);
    const wrong = vectors.filter((v) => checkConsistency(v) !== v.expectValid).map((v) => v.desc ?? JSON.stringify(v));
    expect(wrong).toEqual([]);
  });

  it('generates exactly the reference proofs from stored subtree hashes', () => {
    for (const v of [...V.inclusion, ...V.derived.inclusion].filter((x) => x.expectValid && x.treeSize <= 8)) {
      expect(toHex(inclusionProof(refReader, v.leafIndex, v.treeSize))).toEqual(v.proof);
    }
    for (const v of [...V.consistency, ...V.derived.consistency].filter((x) => x.expectValid && x.size2 <= 8)) {
      expect(toHex(consistencyProof(refReader, v.size1, v.size2))).toEqual(v.proof);
    }
  });
});
