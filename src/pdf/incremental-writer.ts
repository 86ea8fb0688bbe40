import type { PDFContext, PDFObject, PDFRef } from 'pdf-lib';

/**
 * Writes an incremental update (PDF 32000-1 §7.5.6): the original bytes unchanged, then the
 * objects of `context` (new ones and replacements that reuse an original object number), then a
 * cross-reference section for just those objects whose /Prev points at the original's last
 * section, so a reader sees the original document with these objects added or replaced.
 * The section is of the same kind as the original's last one: a file whose readers must handle
 * cross-reference streams gets a stream, a classic file a classic table.
 */
export interface UpdateTrailer {
  prevXref: number;
  xrefStream: boolean;
  root: PDFRef;
  info?: PDFObject;
  id?: PDFObject;
}

interface Entry {
  num: number;
  gen: number;
  offset: number;
}

const ascii = (s: string) => Buffer.from(s, 'latin1');

function serialise(obj: PDFObject): Uint8Array {
  const out = new Uint8Array(obj.sizeInBytes());
  obj.copyBytesInto(out, 0);
  return out;
}

/** Runs of consecutive object numbers: [first, count] pairs, as /Index and the subsection headers list them. */
function subsections(entries: Entry[]): Array<[number, Entry[]]> {
  const out: Array<[number, Entry[]]> = [];
  for (const e of entries) {
    const last = out[out.length - 1];
    if (last && last[0] + last[1].length === e.num) last[1].push(e);
    else out.push([e.num, [e]]);
  }
  return out;
}

/** The trailer entries (or the cross-reference stream's, which are a superset) as PDF text. */
function trailerText(t: UpdateTrailer, size: number, extra = ''): string {
  const info = t.info ? ` /Info ${t.info.toString()}` : '';
  const id = t.id ? ` /ID ${t.id.toString()}` : '';
  return `<< /Size ${size} /Root ${t.root.toString()}${info}${id} /Prev ${t.prevXref}${extra} >>`;
}

function classicSection(entries: Entry[], t: UpdateTrailer, size: number, at: number): string {
  let text = 'xref\n';
  for (const [first, run] of subsections(entries)) {
    text += `${first} ${run.length}\n`;
    for (const e of run) text += `${String(e.offset).padStart(10, '0')} ${String(e.gen).padStart(5, '0')} n\r\n`;
  }
  return `${text}trailer\n${trailerText(t, size)}\nstartxref\n${at}\n%%EOF\n`;
}

/** A cross-reference stream (§7.5.8) that lists itself; entries are type 1 (in use, at an offset). */
function xrefStream(entries: Entry[], t: UpdateTrailer, size: number): Buffer {
  const data = Buffer.alloc(entries.length * 7);
  entries.forEach((e, i) => {
    data.writeUInt8(1, i * 7);
    data.writeUInt32BE(e.offset, i * 7 + 1);
    data.writeUInt16BE(e.gen, i * 7 + 5);
  });
  const index = subsections(entries).flatMap(([first, run]) => [first, run.length]);
  const dict = trailerText(t, size, ` /Type /XRef /W [1 4 2] /Index [${index.join(' ')}] /Length ${data.length}`);
  return Buffer.concat([ascii(`${dict}\nstream\n`), data, ascii('\nendstream')]);
}

export function appendUpdate(original: Uint8Array, context: PDFContext, t: UpdateTrailer, written: ReadonlyArray<[PDFRef, string]> = []): Uint8Array {
  const objects = context.enumerateIndirectObjects();
  const xrefRef = t.xrefStream ? context.nextRef() : undefined;
  const size = context.largestObjectNumber + 1;
  const parts: Uint8Array[] = [original, ascii('\n')];
  let pos = original.length + 1;
  const entries: Entry[] = [];
  const put = (ref: PDFRef, obj: PDFObject) => {
    entries.push({ num: ref.objectNumber, gen: ref.generationNumber, offset: pos });
    const head = ascii(`${ref.objectNumber} ${ref.generationNumber} obj\n`);
    const body = serialise(obj);
    const tail = ascii('\nendobj\n');
    parts.push(head, body, tail);
    pos += head.length + body.length + tail.length;
  };
  for (const [ref, obj] of objects) put(ref, obj);

  if (xrefRef) {
    const at = pos;
    // The stream lists itself, so its own entry (at `pos`) goes in before it is built.
    entries.push({ num: xrefRef.objectNumber, gen: 0, offset: at });
    entries.sort((a, b) => a.num - b.num);
    const body = xrefStream(entries, t, size);
    parts.push(ascii(`${xrefRef.objectNumber} 0 obj\n`), body, ascii(`\nendobj\nstartxref\n${at}\n%%EOF\n`));
  } else {
    entries.sort((a, b) => a.num - b.num);
    parts.push(ascii(classicSection(entries, t, size, pos)));
  }
  return Buffer.concat(parts);
}
