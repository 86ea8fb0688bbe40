import { randomBytes } from 'node:crypto';
import { copyFileSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makePdf } from '../fixtures/make-pdf.js';
import { tempVault } from '../helpers/temp-vault.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function setup(over: Parameters<typeof tempVault>[0] = {}) {
  const v = tempVault(over);
  cleanups.push(v.cleanup);
  return v;
}

const doc = (documentId: string, caseId = 'case-A') => ({ documentId, caseId });

describe('vault store and open', () => {
  it('When a PDF is stored, then it opens to the same bytes and only ciphertext is in the blob', async () => {
    const { vault, blobDir, repo } = setup();
    const pdf = await makePdf({ pages: 2, text: 'round trip' });
    const meta = await vault.store({ ...doc('d1'), bytes: pdf, declaredName: 'letter.pdf' });
    expect(meta).toMatchObject({ documentId: 'd1', caseId: 'case-A', mediaType: 'application/pdf', size: pdf.length });
    expect(meta.declaredNameMatches).toBe(true);
    expect((await vault.open(doc('d1'))).equals(pdf)).toBe(true);
    const blob = readFileSync(join(blobDir, 'd1'));
    expect(blob.length).toBe(pdf.length); // GCM: same length; IV and tag live in the row
    expect(blob.includes(Buffer.from('%PDF-'))).toBe(false);
    expect(statSync(join(blobDir, 'd1')).mode & 0o777).toBe(0o600);
    expect(await repo.find('d1')).toMatchObject({ kekVersion: 1, alg: 'aes-256-gcm', sha256: meta.sha256 });
  });

  it('When opened under another case, or an unknown id, then document.not_found', async () => {
    const { vault } = setup();
    await vault.store({ ...doc('d1'), bytes: await makePdf() });
    await expect(vault.open(doc('d1', 'case-B'))).rejects.toMatchObject({ code: 'document.not_found' });
    await expect(vault.open(doc('nope'))).rejects.toMatchObject({ code: 'document.not_found' });
  });

  it('When the same document id is stored twice, then conflict, and the first copy is intact', async () => {
    const { vault } = setup();
    const first = await makePdf({ text: 'first' });
    await vault.store({ ...doc('d1'), bytes: first });
    await expect(vault.store({ ...doc('d1'), bytes: await makePdf({ text: 'second' }) })).rejects.toMatchObject({
      code: 'conflict',
    });
    expect((await vault.open(doc('d1'))).equals(first)).toBe(true);
  });
});

describe('tampering at rest makes open fail with vault.decrypt_failed', () => {
  async function stored() {
    const s = setup();
    await s.vault.store({ ...doc('d1'), bytes: await makePdf({ text: 'one' }) });
    await s.vault.store({ ...doc('d2'), bytes: await makePdf({ text: 'two' }) });
    return s;
  }
  const failsToOpen = async (p: Promise<unknown>) =>
    expect(p).rejects.toMatchObject({ code: 'vault.decrypt_failed' });

  it('When one ciphertext byte is flipped, then d1 fails and d2 still opens', async () => {
    const { vault, blobDir } = await stored();
    const path = join(blobDir, 'd1');
    const bytes = readFileSync(path);
    bytes[100] = bytes[100]! ^ 0x80;
    writeFileSync(path, bytes);
    await failsToOpen(vault.open(doc('d1')));
    await expect(vault.open(doc('d2'))).resolves.toBeInstanceOf(Buffer);
  });

  it('When the row is re-filed under another case id, then it fails under that case', async () => {
    const { vault, sql } = await stored();
    sql(`update vault_keys set case_id = 'case-B' where document_id = 'd1'`);
    await failsToOpen(vault.open(doc('d1', 'case-B')));
  });

  it('When a ciphertext and its key row are moved to another document id, then it fails', async () => {
    const { vault, sql, blobDir } = await stored();
    copyFileSync(join(blobDir, 'd1'), join(blobDir, 'd3'));
    sql(`insert into vault_keys select 'd3', case_id, kek_version, wrapped_key, iv, tag, alg, size, media_type,
         sha256, created_at, destroyed_at from vault_keys where document_id = 'd1'`);
    await failsToOpen(vault.open(doc('d3')));
  });

  it('When another document’s ciphertext is copied over d2, then d2 fails', async () => {
    const { vault, blobDir } = await stored();
    writeFileSync(join(blobDir, 'd2'), readFileSync(join(blobDir, 'd1')));
    await failsToOpen(vault.open(doc('d2')));
  });

  it('When the wrapped key is modified, then it fails', async () => {
    const { vault, sql, repo } = await stored();
    const wrapped = Buffer.from((await repo.find('d1'))!.wrappedKey!);
    wrapped[20] = wrapped[20]! ^ 0x01;
    sql(`update vault_keys set wrapped_key = ? where document_id = 'd1'`, wrapped);
    await failsToOpen(vault.open(doc('d1')));
  });

  it('When the row claims another KEK version (one that exists), then it fails', async () => {
    const { vault, sql, keyring } = await stored();
    await keyring.rotate();
    await expect(vault.open(doc('d1'))).resolves.toBeInstanceOf(Buffer);
    sql(`update vault_keys set kek_version = 2 where document_id = 'd1'`);
    await failsToOpen(vault.open(doc('d1')));
  });

  it('When the tag or the IV is altered, then it fails', async () => {
    const { vault, sql } = await stored();
    sql(`update vault_keys set tag = ? where document_id = 'd1'`, randomBytes(16));
    sql(`update vault_keys set iv = ? where document_id = 'd2'`, randomBytes(12));
    await failsToOpen(vault.open(doc('d1')));
    await failsToOpen(vault.open(doc('d2')));
  });

  it('When the blob is missing, then it fails', async () => {
    const { vault, blobs } = await stored();
    await blobs.delete('d1');
    await failsToOpen(vault.open(doc('d1')));
  });
});
