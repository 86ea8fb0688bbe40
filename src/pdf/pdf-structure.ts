import {
  ParseSpeeds,
  PDFArray,
  PDFContext,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFRef,
  PDFString,
  type PDFObject,
} from 'pdf-lib';
import { uprightFrame, type PageFrame } from './page-frame.js';

/**
 * What the incremental stamp (render-incremental.ts) needs to know about a PDF: its object layout,
 * not its content. Per page: the page object's number and dictionary with /Contents resolved to
 * an array of stream references and /Resources to the effective (possibly inherited) dictionary;
 * for the file: where its last cross-reference section starts, what kind it is, and the trailer.
 */
export interface PageLayout {
  ref: PDFRef;
  /**
   * The replacement page dictionary as PDF text, written once here rather than per render (pdf-lib
   * serialising twenty page dictionaries was a fifth of a render). It holds three placeholders,
   * see PAGE_SLOTS: /Contents is [open …original streams… close], the effective /Resources (own
   * or inherited) with /XObject extended by the stamp.
   */
  template: string;
  frame: PageFrame;
  /** An /XObject name the page does not use yet, for the stamp. */
  stampName: string;
}

/** Placeholder references in PageLayout.template; object numbers no real file reaches (the limit is 8,388,607). */
export const PAGE_SLOTS = { open: PDFRef.of(2_000_000_001), close: PDFRef.of(2_000_000_002), stamp: PDFRef.of(2_000_000_003) };

export interface PdfStructure {
  pages: PageLayout[];
  /** True when the last section is a cross-reference stream; the update then writes one too. */
  xrefStream: boolean;
  /** Offset of the last cross-reference section: the update's /Prev. */
  prevXref: number;
  /** First object number the update may use (≥ the trailer's /Size). */
  nextObjectNumber: number;
  root: PDFRef;
  info?: PDFObject;
  id?: PDFObject;
  /**
   * False when a page or resource dictionary holds a string (an inline annotation, marked-content
   * property…): that could be document text, so such a structure is used once and never cached.
   */
  textFree: boolean;
}

const latin1 = (b: Uint8Array, from: number, to: number) => Buffer.from(b.buffer, b.byteOffset + from, Math.max(0, to - from)).toString('latin1');

/** The last `startxref` offset, and what is at it; undefined when it does not point at a section. */
function lastSection(bytes: Uint8Array): { offset: number; stream: boolean; size: number } | undefined {
  const tail = latin1(bytes, Math.max(0, bytes.length - 1024), bytes.length);
  const m = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!m) return undefined;
  const offset = Number(m[1]);
  if (offset >= bytes.length) return undefined;
  const head = latin1(bytes, offset, Math.min(bytes.length, offset + 64));
  if (head.startsWith('xref')) {
    // Classic table: /Size is in the trailer dictionary after the entries.
    const at = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf('trailer', offset, 'latin1');
    const size = at < 0 ? undefined : /\/Size\s+(\d+)/.exec(latin1(bytes, at, Math.min(bytes.length, at + 1024)));
    return size ? { offset, stream: false, size: Number(size[1]) } : undefined;
  }
  if (!/^\d+\s+\d+\s+obj\b/.test(head)) return undefined;
  const dict = latin1(bytes, offset, Math.min(bytes.length, offset + 1024)).split('stream')[0]!;
  const size = /\/Size\s+(\d+)/.exec(dict);
  return /\/Type\s*\/XRef\b/.test(dict) && size ? { offset, stream: true, size: Number(size[1]) } : undefined;
}

function holdsText(obj: PDFObject | undefined): boolean {
  if (obj instanceof PDFString || obj instanceof PDFHexString) return true;
  if (obj instanceof PDFArray) return obj.asArray().some(holdsText);
  if (obj instanceof PDFDict) return [...obj.values()].some(holdsText);
  return false;
}

/**
 * A deep copy of direct dictionaries and arrays into `into` (pdf-lib's clone is shallow, and every
 * dictionary points at its context: a shallow copy would keep the whole parsed file alive).
 */
export function deepCopy<T extends PDFObject>(obj: T, into: PDFContext): T {
  if (obj instanceof PDFDict) {
    const copy = PDFDict.withContext(into);
    for (const [k, v] of obj.entries()) copy.set(k, deepCopy(v, into));
    return copy as unknown as T;
  }
  if (obj instanceof PDFArray) {
    const copy = PDFArray.withContext(into);
    for (const v of obj.asArray()) copy.push(deepCopy(v, into));
    return copy as unknown as T;
  }
  return obj;
}

/** A copy of a dictionary that may be held by reference. */
function ownDict(context: PDFContext, obj: PDFObject | undefined, into: PDFContext): PDFDict {
  const dict = obj === undefined ? undefined : context.lookup(obj);
  if (dict === undefined) return into.obj({});
  if (!(dict instanceof PDFDict)) throw new Error('pdf structure: not a dictionary');
  return deepCopy(dict, into);
}

function contentRefs(context: PDFContext, contents: PDFObject | undefined): PDFRef[] {
  if (contents === undefined) return [];
  if (contents instanceof PDFRef) {
    const target = context.lookup(contents);
    if (!(target instanceof PDFArray)) return [contents]; // a single stream
    contents = target; // an indirect array of streams
  }
  if (!(contents instanceof PDFArray)) throw new Error('pdf structure: odd /Contents');
  return contents.asArray().map((r) => {
    if (!(r instanceof PDFRef)) throw new Error('pdf structure: direct content stream');
    return r;
  });
}

/**
 * Reads the structure of a PDF, or returns undefined when the incremental path cannot stamp it
 * (unparseable, encrypted, broken cross-reference offsets…): the caller then renders in full.
 */
export async function readPdfStructure(bytes: Uint8Array): Promise<PdfStructure | undefined> {
  const section = lastSection(bytes);
  if (!section) return undefined;
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  } catch {
    return undefined; // the full renderer reports it (encrypted, corrupt…)
  }
  const { context } = doc;
  const { Root, Info, ID, Encrypt } = context.trailerInfo;
  if (Encrypt || !(Root instanceof PDFRef)) return undefined;
  const own = PDFContext.create();
  let textFree = true;
  const pages: PageLayout[] = [];
  try {
    for (const page of doc.getPages()) {
      const dict = deepCopy(page.node as PDFDict, own);
      const resources = ownDict(context, page.node.getInheritableAttribute(PDFName.of('Resources')), own);
      const xobjects = ownDict(context, resources.get(PDFName.of('XObject')), own);
      let stampName = 'CbStamp';
      for (let i = 1; xobjects.has(PDFName.of(stampName)); i++) stampName = `CbStamp${i}`;
      xobjects.set(PDFName.of(stampName), PAGE_SLOTS.stamp);
      resources.set(PDFName.of('XObject'), xobjects);
      dict.set(PDFName.of('Resources'), resources);
      const contents = contentRefs(context, page.node.get(PDFName.of('Contents')));
      dict.set(PDFName.of('Contents'), own.obj([PAGE_SLOTS.open, ...contents, PAGE_SLOTS.close]));
      textFree &&= !holdsText(dict);
      pages.push({ ref: page.ref, template: dict.toString(), frame: uprightFrame(page), stampName });
    }
  } catch {
    return undefined;
  }
  if (pages.length === 0) return undefined;
  // A direct /Info dictionary (Title, Subject…) is copied into the update's trailer as it is.
  const info = Info === undefined ? undefined : deepCopy(Info, own);
  textFree &&= !holdsText(info);
  return {
    pages,
    xrefStream: section.stream,
    prevXref: section.offset,
    nextObjectNumber: Math.max(section.size, context.largestObjectNumber + 1),
    root: Root,
    info,
    id: ID === undefined ? undefined : deepCopy(ID, own),
    textFree,
  };
}
