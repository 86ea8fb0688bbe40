import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The plaintext marker scan (issue 9 item 5, reliability R7): distinctive markers are written through
 * every form, command and API that accepts text; afterwards every byte the service keeps at rest — the
 * SQLite file, its WAL and shared memory, the blob folder, the key folder, the logs — is searched for
 * them as UTF-8, UTF-16 LE and BE, and base64 of the UTF-8 bytes in all three alignments (standard and
 * URL alphabets). Any hit is patient-like text at rest outside the vault's ciphertext.
 */
export type Encoding = 'utf8' | 'utf16le' | 'utf16be' | 'base64' | 'base64url';

export interface MarkerHit {
  marker: string;
  encoding: Encoding;
  /** A file path, or the name given to an in-memory source such as "logs". */
  source: string;
  offset: number;
}

export interface ScanReport {
  markers: number;
  sources: number;
  bytesScanned: number;
  hits: MarkerHit[];
}

export interface Needle {
  marker: string;
  encoding: Encoding;
  bytes: Buffer;
}

/** A fresh distinctive marker: a fixed tag and random base32 that no code, id or HKID looks like. */
export function newMarker(tag: string, zh = false): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
  const body = [...randomBytes(10)].map((b) => alphabet[b % alphabet.length]).join('');
  return `${zh ? '標記' : ''}QZ${tag.toUpperCase().replace(/[^A-Z]/g, '')}X${body}`;
}

function utf16be(s: string): Buffer {
  const le = Buffer.from(s, 'utf16le');
  const be = Buffer.alloc(le.length);
  for (let i = 0; i < le.length; i += 2) {
    be[i] = le[i + 1]!;
    be[i + 1] = le[i]!;
  }
  return be;
}

/**
 * Base64 of the marker's bytes as they appear inside a longer base64 text: with 0, 1 or 2 bytes before
 * them, only the characters that depend on the marker alone (whole 3-byte groups of it) are fixed.
 */
export function base64Forms(bytes: Buffer): string[] {
  const out: string[] = [];
  for (const k of [0, 1, 2]) {
    const all = Buffer.concat([Buffer.alloc(k), bytes]).toString('base64').replace(/=+$/, '');
    const skip = k === 0 ? 0 : k === 1 ? 2 : 3;
    const end = 4 * Math.floor((k + bytes.length) / 3);
    out.push(all.slice(skip, end));
  }
  return out;
}

export function needlesFor(marker: string): Needle[] {
  const utf8 = Buffer.from(marker, 'utf8');
  const list: Needle[] = [
    { marker, encoding: 'utf8', bytes: utf8 },
    { marker, encoding: 'utf16le', bytes: Buffer.from(marker, 'utf16le') },
    { marker, encoding: 'utf16be', bytes: utf16be(marker) },
  ];
  for (const form of base64Forms(utf8)) {
    list.push({ marker, encoding: 'base64', bytes: Buffer.from(form, 'latin1') });
    const url = form.replace(/\+/g, '-').replace(/\//g, '_');
    if (url !== form) list.push({ marker, encoding: 'base64url', bytes: Buffer.from(url, 'latin1') });
  }
  return list;
}

/** Every regular file under the given paths (files or folders), recursively; missing paths are skipped. */
export function filesUnder(paths: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (p: string) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) for (const name of readdirSync(p)) walk(join(p, name));
    else if (st.isFile()) out.push(p);
  };
  for (const p of paths) walk(p);
  return [...new Set(out)];
}

export interface ScanInput {
  markers: readonly string[];
  /** Files or folders: database file, `-wal`, `-shm`, blob folder, key folder, log files. */
  paths: readonly string[];
  /** In-memory sources, e.g. `{ name: 'logs', text }` for a captured log stream. */
  texts?: ReadonlyArray<{ name: string; text: string }>;
}

export function scanForMarkers(input: ScanInput): ScanReport {
  const needles = input.markers.flatMap(needlesFor);
  const hits: MarkerHit[] = [];
  let bytesScanned = 0;
  const sources: Array<{ source: string; read: () => Buffer }> = [
    ...filesUnder(input.paths).map((f) => ({ source: f, read: () => readFileSync(f) })),
    ...(input.texts ?? []).map((t) => ({ source: t.name, read: () => Buffer.from(t.text, 'utf8') })),
  ];
  for (const { source, read } of sources) {
    let buf: Buffer;
    try {
      buf = read();
    } catch {
      continue; // a file removed while scanning (e.g. the WAL at close) holds nothing any more
    }
    bytesScanned += buf.length;
    for (const n of needles) {
      const offset = n.bytes.length ? buf.indexOf(n.bytes) : -1;
      if (offset >= 0) hits.push({ marker: n.marker, encoding: n.encoding, source, offset });
    }
  }
  return { markers: input.markers.length, sources: sources.length, bytesScanned, hits };
}

/** One line per hit, for a failing assertion or the reliability log. */
export function describeHits(hits: readonly MarkerHit[]): string {
  return hits.map((h) => `${h.marker} as ${h.encoding} in ${h.source} @${h.offset}`).join('\n');
}
