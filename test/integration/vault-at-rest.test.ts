import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { KeyEncryptionProvider } from '../../src/domain/vault/key-provider.js';
import { makePdf } from '../fixtures/make-pdf.js';
import { tempVault } from '../helpers/temp-vault.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function setup(over: Parameters<typeof tempVault>[0] = {}) {
  const v = tempVault(over);
  cleanups.push(v.cleanup);
  return v;
}

/** Every regular file below `dir`, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter((p) => statSync(p).isFile());
}

const rowCount = (v: ReturnType<typeof setup>) =>
  (v.db.sqlite.prepare('select count(*) as n from vault_keys').get() as { n: number }).n;

describe('nothing is stored when an upload fails', () => {
  const cases: [string, () => Promise<Buffer>, string, string?][] = [
    ['empty', async () => Buffer.alloc(0), 'upload.empty'],
    ['a text file named .pdf', async () => Buffer.from('Dear colleague,\n%%EOF'), 'upload.type', 'letter.pdf'],
    ['a truncated PDF', async () => (await makePdf({ pages: 3 })).subarray(0, 900), 'upload.corrupt'],
    ['oversize', async () => makePdf({ pages: 40 }), 'request.too_large'],
  ];
  it.each(cases)('When the upload is %s, then it is refused and no row or blob exists', async (_n, bytes, code, name) => {
    const v = setup({ maxBytes: 4096 });
    await expect(v.vault.store({ documentId: 'd1', caseId: 'c1', bytes: await bytes(), declaredName: name })).rejects.toMatchObject({ code });
    expect(rowCount(v)).toBe(0);
    expect(v.blobFiles()).toEqual([]);
  });

  it('When the document id could escape the blob folder, then request.invalid', async () => {
    const v = setup();
    const bytes = await makePdf();
    for (const documentId of ['../d1', 'a/b', '', '.hidden']) {
      await expect(v.vault.store({ documentId, caseId: 'c1', bytes })).rejects.toMatchObject({ code: 'request.invalid' });
    }
    expect(v.blobFiles()).toEqual([]);
  });

  it('When wrapping the data key fails, then nothing is stored', async () => {
    const failing: KeyEncryptionProvider = {
      currentVersion: () => 1,
      wrap: async () => {
        throw new Error('kms unavailable');
      },
      unwrap: async () => {
        throw new Error('kms unavailable');
      },
    };
    const v = setup({ keyring: failing });
    await expect(v.vault.store({ documentId: 'd1', caseId: 'c1', bytes: await makePdf() })).rejects.toThrow();
    expect(rowCount(v)).toBe(0);
    expect(v.blobFiles()).toEqual([]);
  });

  it('When the row insert fails after the blob was written, then the blob is removed again', async () => {
    const v = setup();
    v.db.sqlite.exec(`create trigger no_insert before insert on vault_keys begin select raise(abort, 'disk full'); end`);
    await expect(v.vault.store({ documentId: 'd1', caseId: 'c1', bytes: await makePdf() })).rejects.toThrow(/disk full/);
    expect(v.blobFiles()).toEqual([]);
  });
});

describe('plaintext never reaches the disk', () => {
  it('When a PDF with a unique marker is stored and opened, then the marker is in no file on disk', async () => {
    const v = setup();
    const marker = `MARKER-${randomBytes(12).toString('hex')}`;
    const pdf = await makePdf({ pages: 2, text: marker });
    expect(pdf.includes(marker)).toBe(true); // the check below would be meaningless otherwise
    await v.vault.store({ documentId: 'd1', caseId: 'c1', bytes: pdf, declaredName: `${marker}.pdf` });
    expect((await v.vault.open({ documentId: 'd1', caseId: 'c1' })).includes(marker)).toBe(true);
    const files = filesUnder(v.db.dir);
    expect(files).toContain(v.db.path);
    expect(files).toContain(`${v.db.path}-wal`);
    expect(files).toContain(join(v.blobDir, 'd1'));
    for (const f of files) {
      const bytes = readFileSync(f);
      expect(bytes.includes(marker), f).toBe(false);
      expect(bytes.includes(Buffer.from(marker, 'utf16le')), f).toBe(false);
    }
  });
});

describe('destroy (crypto-shredding)', () => {
  it('When destroyed, then open says burned, the blob is gone, and the wrapped key is in neither db file', async () => {
    const v = setup();
    await v.vault.store({ documentId: 'd1', caseId: 'c1', bytes: await makePdf() });
    await v.vault.store({ documentId: 'd2', caseId: 'c1', bytes: await makePdf() });
    const wrapped = Buffer.from((await v.repo.find('d1'))!.wrappedKey!);
    const dbFiles = () => [v.db.path, `${v.db.path}-wal`].map((p) => readFileSync(p, { flag: 'r' }));
    expect(dbFiles().some((b) => b.includes(wrapped))).toBe(true);

    expect(await v.vault.destroy('d1')).toBe(true);

    await expect(v.vault.open({ documentId: 'd1', caseId: 'c1' })).rejects.toMatchObject({ code: 'burned' });
    expect(v.blobFiles()).toEqual(['d2']);
    expect(await v.repo.find('d1')).toMatchObject({ wrappedKey: null, iv: null, tag: null, destroyedAt: v.clock.now() });
    for (const bytes of dbFiles()) expect(bytes.includes(wrapped)).toBe(false);
    await expect(v.vault.open({ documentId: 'd2', caseId: 'c1' })).resolves.toBeInstanceOf(Buffer);
    expect(await v.vault.destroy('d1')).toBe(false); // repeatable
    await expect(
      v.vault.store({ documentId: 'd1', caseId: 'c1', bytes: await makePdf() }),
    ).rejects.toMatchObject({ code: 'conflict' }); // a burned id is never reused
  });
});
