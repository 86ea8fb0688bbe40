import { randomBytes } from 'node:crypto';
import { link, mkdir, open, readFile, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { DomainError } from '../../shared/errors.js';
import { BLOB_KEY, type BlobStore } from './blob-store.js';

function pathFor(dir: string, key: string): string {
  // Defence in depth: the vault validates ids too, but a path must never escape the folder.
  if (!BLOB_KEY.test(key)) throw new RangeError('invalid blob key');
  return join(dir, key);
}

/**
 * Blobs as files `<dir>/<key>` (0600, folder 0700), written temp → fsync → link. `link` (unlike
 * `rename`) fails when the name exists, which makes "atomic" and "never overwrite" one system call.
 */
export function createFsBlobStore(dir: string): BlobStore {
  let ready: Promise<unknown> | undefined;
  const ensureDir = () => (ready ??= mkdir(dir, { recursive: true, mode: 0o700 }));
  return {
    async put(key, bytes) {
      const path = pathFor(dir, key);
      await ensureDir();
      const tmp = join(dir, `.${key}.${randomBytes(6).toString('hex')}.tmp`);
      try {
        const fh = await open(tmp, 'wx', 0o600);
        try {
          await fh.writeFile(bytes);
          await fh.sync();
        } finally {
          await fh.close();
        }
        await link(tmp, path);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new DomainError('conflict');
        throw e;
      } finally {
        await rm(tmp, { force: true });
      }
    },
    async get(key) {
      try {
        return await readFile(pathFor(dir, key));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw e;
      }
    },
    async delete(key) {
      await rm(pathFor(dir, key), { force: true });
    },
    async exists(key) {
      try {
        await stat(pathFor(dir, key));
        return true;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
        throw e;
      }
    },
  };
}

/** The conventional blob folder: `blobs/` beside the SQLite file (no file, no folder: `:memory:`). */
export function defaultBlobDir(sqliteFilePath: string): string {
  if (sqliteFilePath === ':memory:') throw new RangeError('an in-memory database has no data folder');
  return join(dirname(sqliteFilePath), 'blobs');
}
