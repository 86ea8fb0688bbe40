import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Looks for plaintext markers in files as they lie on disk (SQLite file, WAL, blob folder, keys,
 * logs): UTF-8, UTF-16LE and base64 spellings. Returns one line per hit: `file: marker (encoding)`.
 */
export function scanFiles(paths: string[], markers: string[]): string[] {
  const needles = markers.flatMap((m) => [
    { m, enc: 'utf8', bytes: Buffer.from(m, 'utf8') },
    { m, enc: 'utf16le', bytes: Buffer.from(m, 'utf16le') },
    ...[0, 1, 2].map((k) => ({ m, enc: 'base64', bytes: Buffer.from(base64Core(m, k), 'latin1') })),
  ]);
  const hits: string[] = [];
  for (const file of paths.flatMap(filesUnder)) {
    const data = readFileSync(file);
    for (const n of needles) if (n.bytes.length > 0 && data.includes(n.bytes)) hits.push(`${file}: ${n.m} (${n.enc})`);
  }
  return hits;
}

/** The base64 characters of `m` that do not depend on its neighbours, when it starts `k` bytes into a 3-byte group. */
function base64Core(m: string, k: number): string {
  const b = Buffer.concat([Buffer.alloc(k), Buffer.from(m, 'utf8')]).toString('base64');
  return b.slice(k === 0 ? 0 : 4, -4);
}

/** A file, or every file under a folder (recursively); nothing for a path that does not exist. */
export function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).flatMap((name) => filesUnder(join(path, name)));
}
