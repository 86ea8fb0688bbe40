import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RewrapProgress } from '../../src/domain/vault/rewrap.js';
import { makePdf } from '../fixtures/make-pdf.js';
import { tempVault } from '../helpers/temp-vault.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

async function seeded(n: number) {
  const v = tempVault();
  cleanups.push(v.cleanup);
  const plain = new Map<string, Buffer>();
  for (let i = 0; i < n; i++) {
    const id = `doc-${String(i).padStart(3, '0')}`;
    const bytes = await makePdf({ text: `document ${i}` });
    await v.vault.store({ documentId: id, caseId: `case-${i % 3}`, bytes });
    plain.set(id, bytes);
  }
  const blobHashes = () =>
    new Map([...plain.keys()].map((id) => [id, createHash('sha256').update(readFileSync(join(v.blobDir, id))).digest('hex')]));
  const rows = () =>
    v.db.sqlite.prepare('select document_id, kek_version, wrapped_key, iv, tag from vault_keys order by document_id').all() as {
      document_id: string;
      kek_version: number;
      wrapped_key: Buffer;
      iv: Buffer;
      tag: Buffer;
    }[];
  const openAll = async () => {
    for (const [id, bytes] of plain) {
      const caseId = `case-${Number(id.slice(4)) % 3}`;
      expect((await v.vault.open({ documentId: id, caseId })).equals(bytes), id).toBe(true);
    }
  };
  return { ...v, plain, blobHashes, rows, openAll };
}

describe('KEK rotation and rewrapAll', () => {
  it('When rotated, then all N keys are re-wrapped in batches, every document opens, and no blob changed', async () => {
    const v = await seeded(11);
    const hashesBefore = v.blobHashes();
    const rowsBefore = v.rows();
    await v.keyring.rotate();
    const progress: RewrapProgress[] = [];
    const result = await v.vault.rewrapAll((p) => progress.push(p), 4);

    expect(result).toEqual({ targetVersion: 2, total: 11, rewrapped: 11, failed: [] });
    expect(progress.map((p) => p.processed)).toEqual([0, 4, 8, 11]);
    expect(await v.repo.countByVersion()).toEqual([{ kekVersion: 2, count: 11 }]);
    expect(v.blobHashes()).toEqual(hashesBefore);
    const rowsAfter = v.rows();
    rowsAfter.forEach((r, i) => {
      expect(r.wrapped_key.equals(rowsBefore[i]!.wrapped_key)).toBe(false);
      expect(r.iv.equals(rowsBefore[i]!.iv) && r.tag.equals(rowsBefore[i]!.tag)).toBe(true);
    });
    await v.openAll();
    // Nothing left to do: a second run is a no-op.
    expect(await v.vault.rewrapAll()).toMatchObject({ total: 0, rewrapped: 0 });
  });

  it('When a run stops after its first batch, then running again finishes the rest', async () => {
    const v = await seeded(9);
    await v.keyring.rotate();
    const stop = (p: RewrapProgress) => {
      if (p.processed > 0) throw new Error('interrupted');
    };
    await expect(v.vault.rewrapAll(stop, 4)).rejects.toThrow('interrupted');
    expect(await v.repo.countByVersion()).toEqual([
      { kekVersion: 1, count: 5 },
      { kekVersion: 2, count: 4 },
    ]);
    await v.openAll(); // a half-rotated vault is fully readable
    expect(await v.vault.rewrapAll(undefined, 4)).toMatchObject({ total: 5, rewrapped: 5, failed: [] });
    await v.openAll();
  });

  it('When a key cannot be unwrapped, then it is reported, the others move, and destroyed rows are skipped', async () => {
    const v = await seeded(6);
    v.sql(`update vault_keys set kek_version = 7 where document_id = 'doc-002'`);
    await v.vault.destroy('doc-004');
    await v.keyring.rotate();
    const result = await v.vault.rewrapAll(undefined, 2);
    expect(result).toEqual({ targetVersion: 2, total: 5, rewrapped: 4, failed: ['doc-002'] });
    expect(await v.repo.countByVersion()).toEqual([
      { kekVersion: 2, count: 4 },
      { kekVersion: 7, count: 1 },
    ]);
    await expect(v.vault.open({ documentId: 'doc-005', caseId: 'case-2' })).resolves.toBeInstanceOf(Buffer);
  });

  it('When documents are stored after rotation, then they use the new version and are not re-wrapped', async () => {
    const v = await seeded(2);
    await v.keyring.rotate();
    const meta = await v.vault.store({ documentId: 'fresh', caseId: 'c', bytes: await makePdf() });
    expect(meta.kekVersion).toBe(2);
    expect(await v.vault.rewrapAll()).toMatchObject({ total: 2, rewrapped: 2 });
  });
});
