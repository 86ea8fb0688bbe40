import { constants, createInflate, inflateSync } from 'node:zlib';
import { DomainError } from '../../shared/errors.js';
import { limitExceeded, type ContentLimits } from './content-limits.js';
import { jpegSize, pixels } from './image-size.js';
import { decodeName, lexPdf } from '../../pdf/pdf-lexer.js';

/**
 * Measures a PDF from its raw bytes before any parser builds it: indirect objects (also inside
 * object streams), page objects, nesting depth, every Flate stream inflated and counted (never kept, except
 * object streams, whose objects are measured too), declared image sizes, and names that mean active
 * content. Throws the coded refusal for the first limit crossed. Streams are inflated with a budget,
 * so a 510 KB "bomb" that would inflate to gigabytes costs at most the budget in time and a chunk
 * at a time in memory.
 * Not covered here (the render worker's time and memory caps bound them): filters other than
 * Flate (LZW, ASCII85…) and chains where Flate is not first; inline images inside content streams.
 */
export interface ScanOptions {
  limits: ContentLimits;
  /** refuse: JavaScript, embedded files, launch and similar actions are an upload error. */
  activeContent: 'refuse' | 'allow';
}

/**
 * Names whose presence means the file can act, not just be read: scripts (/JS, /JavaScript, XFA
 * forms), attachments (/EmbeddedFile(s), /FileAttachment, /GoToE, /RichMedia), launching other
 * programs (/Launch) and sending or importing form data (/SubmitForm, /ImportData).
 */
export const ACTIVE_NAMES = new Set(['JS', 'JavaScript', 'XFA', 'EmbeddedFile', 'EmbeddedFiles', 'FileAttachment', 'GoToE', 'RichMedia', 'Launch', 'SubmitForm', 'ImportData']);

/** An object stream's own text is measured too; one larger than this is refused outright. */
const MAX_OBJECT_STREAM = 64 * 1024 * 1024;
/** Streams up to this size inflate in one synchronous call; larger ones stream in chunks. */
const SYNC_INFLATE = 4 * 1024 * 1024;

interface StreamSpan {
  dict: string;
  start: number;
  end: number;
}

const normalizeNames = (dict: string) => dict.replace(/\/([^\s/<>[\]()%{}]*)/g, (_m, n: string) => `/${decodeName(n)}`);

function filtersOf(dict: string): string[] {
  const m = /\/Filter\s*(\[[^\]]*\]|\/[^\s/<>[\]]+)/.exec(dict);
  return m ? [...m[1]!.matchAll(/\/([^\s/<>[\]]+)/g)].map((x) => x[1]!) : [];
}

/** The end of a stream's data: its direct /Length when `endstream` is there, else the next `endstream`. */
function dataEnd(t: string, dict: string, start: number): number {
  const len = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dict);
  if (len) {
    const end = start + Number(len[1]);
    if (end <= t.length && /^\s*endstream/.test(t.slice(end, end + 32))) return end;
  }
  const at = t.indexOf('endstream', start);
  return at < 0 ? t.length : at;
}

/** Inflated size of `data`, stopping once over `budget`; `keep` also returns the bytes. */
async function inflated(data: Buffer, budget: number, keep: boolean): Promise<{ size: number; out?: Buffer }> {
  const opts = { finishFlush: constants.Z_SYNC_FLUSH };
  if (data.length <= SYNC_INFLATE / 64) {
    try {
      const out = inflateSync(data, { ...opts, maxOutputLength: Math.max(1, Math.min(budget + 1, SYNC_INFLATE)) });
      return { size: out.length, out: keep ? out : undefined };
    } catch (e) {
      if ((e as { code?: string }).code !== 'ERR_BUFFER_TOO_LARGE') return { size: 0 }; // damaged: the decoders judge it
    }
  }
  return new Promise((resolve) => {
    const z = createInflate(opts);
    const chunks: Buffer[] = [];
    let size = 0;
    const done = () => resolve({ size, out: keep ? Buffer.concat(chunks) : undefined });
    z.on('data', (c: Buffer) => {
      size += c.length;
      if (keep) chunks.push(c);
      if (size > budget) { z.destroy(); done(); }
    });
    z.on('error', done);
    z.on('end', done);
    z.end(data);
  });
}

export async function scanPdf(bytes: Uint8Array, o: ScanOptions): Promise<void> {
  const { limits } = o;
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  let objects = 0;
  let pages = 0;
  let lastName = '';
  const active = new Set<string>();
  const streams: StreamSpan[] = [];
  const visit = (t: string, collect: boolean) =>
    lexPdf(t, {
      name: (n) => {
        if (ACTIVE_NAMES.has(n)) active.add(n);
        // Page objects, reachable or not: the page tree is not walked here (pdf.js walks it at upload).
        if (n === 'Page' && lastName === 'Type' && ++pages > limits.maxPages) throw limitExceeded('pages');
        lastName = n;
      },
      depth: (d) => {
        if (d > limits.maxNesting) throw limitExceeded('nesting');
      },
      object: () => {
        if (++objects > limits.maxObjects) throw limitExceeded('objects');
      },
      stream: (dict, start) => {
        const end = dataEnd(t, dict, start);
        if (collect) streams.push({ dict: normalizeNames(dict), start, end });
        return end;
      },
    });
  visit(text, true);

  let budget = limits.maxDecompressedBytes;
  const ints = new IntegerObjects(text);
  for (const s of streams) {
    checkImage(text, ints, s, limits);
    const filters = filtersOf(s.dict);
    if (filters[0] !== 'FlateDecode' && filters[0] !== 'Fl') continue;
    const objStm = /\/Type\s*\/ObjStm\b/.test(s.dict);
    const data = Buffer.from(bytes.buffer, bytes.byteOffset + s.start, s.end - s.start);
    const { size, out } = await inflated(data, objStm ? Math.min(budget, MAX_OBJECT_STREAM) : budget, objStm);
    budget -= size;
    if (budget < 0 || (objStm && size > MAX_OBJECT_STREAM)) throw limitExceeded('decompressed');
    if (objStm && out) {
      objects += Number(/\/N\s+(\d+)/.exec(s.dict)?.[1] ?? 0);
      if (objects > limits.maxObjects) throw limitExceeded('objects');
      visit(out.toString('latin1'), false);
    }
  }
  if (o.activeContent === 'refuse' && active.size > 0) {
    throw new DomainError('upload.active_content', `active content: ${[...active].sort().join(', ')}`, { details: { names: [...active].sort() } });
  }
}

/** Objects that are a bare integer (`12 0 obj 4000 endobj`), as /Width may be; found in one pass, on first need. */
class IntegerObjects {
  private found?: Map<string, number>;
  constructor(private readonly t: string) {}
  get(ref: string): number | undefined {
    if (!this.found) {
      this.found = new Map();
      for (const m of this.t.matchAll(/(\d+)\s+(\d+)\s+obj\s*(\d+)\s*endobj/g)) this.found.set(`${m[1]} ${m[2]}`, Number(m[3]));
    }
    return this.found.get(ref);
  }
}

function intValue(ints: IntegerObjects, dict: string, key: string): number | undefined {
  const m = new RegExp(`/${key}\\s+(\\d+)(?:\\s+(\\d+)\\s+R)?`).exec(dict);
  if (!m) return undefined;
  return m[2] === undefined ? Number(m[1]) : ints.get(`${m[1]} ${m[2]}`);
}

/** Image XObjects: the declared /Width × /Height, and for a bare JPEG the size its own header declares. */
function checkImage(t: string, ints: IntegerObjects, s: StreamSpan, limits: ContentLimits): void {
  if (!/\/Subtype\s*\/Image\b/.test(s.dict)) return;
  const w = intValue(ints, s.dict, 'Width') ?? 0;
  const h = intValue(ints, s.dict, 'Height') ?? 0;
  if (w * h > limits.maxImagePixels) throw limitExceeded('image_pixels');
  const filters = filtersOf(s.dict);
  if (filters.length === 1 && (filters[0] === 'DCTDecode' || filters[0] === 'DCT')) {
    const size = jpegSize(Buffer.from(t.slice(s.start, Math.min(s.end, s.start + 65_536)), 'latin1'));
    if (size && pixels(size) > limits.maxImagePixels) throw limitExceeded('image_pixels');
  }
}
