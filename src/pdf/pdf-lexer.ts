/**
 * A forgiving walk over PDF object syntax (PDF 32000-1 §7.2–7.3) that never builds objects: it
 * only reports names, keywords, nesting depth, and where each stream's data lies. Used to measure a
 * file before any real parser (pdf-lib, pdf.js) touches it, so it must be linear in the input and
 * free of recursion whatever the bytes are.
 */
export interface LexVisitor {
  /** A name token, `#xx` escapes decoded, without the slash. */
  name(name: string): void;
  /** Dictionary/array depth reached (reset at every `obj`). */
  depth(depth: number): void;
  /** `N G obj`. */
  object(): void;
  /**
   * A `stream` keyword: `dict` is the text of the dictionary just before it. Returns where the data
   * ends (the offset of `endstream` or past it); the walk resumes there.
   */
  stream(dict: string, dataStart: number): number;
}

const WHITESPACE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIMITERS = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]);
const isRegular = (c: number) => !WHITESPACE.has(c) && !DELIMITERS.has(c);

export function decodeName(raw: string): string {
  return raw.includes('#') ? raw.replace(/#([0-9A-Fa-f]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))) : raw;
}

/** Skips a literal string starting at `(`; returns the offset after its closing `)`. */
function skipLiteral(t: string, i: number): number {
  let level = 0;
  for (; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 0x5c) i++; // backslash: the next char is escaped
    else if (c === 0x28) level++;
    else if (c === 0x29 && --level === 0) return i + 1;
  }
  return t.length;
}

/** Walks `t` (the file as latin1). */
export function lexPdf(t: string, v: LexVisitor): void {
  const open: number[] = []; // offsets of open `<<` / `[` (negated for arrays)
  let lastDict = '';
  let i = 0;
  while (i < t.length) {
    const c = t.charCodeAt(i);
    if (WHITESPACE.has(c)) { i++; continue; }
    if (c === 0x25) { // % comment
      while (i < t.length && t.charCodeAt(i) !== 0x0a && t.charCodeAt(i) !== 0x0d) i++;
      continue;
    }
    if (c === 0x28) { i = skipLiteral(t, i); continue; }
    if (c === 0x3c) {
      if (t.charCodeAt(i + 1) === 0x3c) { open.push(i); v.depth(open.length); i += 2; continue; }
      const end = t.indexOf('>', i + 1);
      i = end < 0 ? t.length : end + 1;
      continue;
    }
    if (c === 0x3e) {
      if (t.charCodeAt(i + 1) === 0x3e) {
        const start = open.pop();
        if (start !== undefined && start >= 0 && !open.some((o) => o >= 0)) lastDict = t.slice(start, i + 2);
        i += 2;
      } else i++;
      continue;
    }
    if (c === 0x5b) { open.push(-1); v.depth(open.length); i++; continue; }
    if (c === 0x5d) { open.pop(); i++; continue; }
    if (c === 0x2f) {
      let j = i + 1;
      while (j < t.length && isRegular(t.charCodeAt(j))) j++;
      v.name(decodeName(t.slice(i + 1, j)));
      i = j;
      continue;
    }
    if (!isRegular(c)) { i++; continue; } // stray ) } {
    let j = i;
    while (j < t.length && isRegular(t.charCodeAt(j))) j++;
    const word = t.slice(i, j);
    i = j;
    if (word === 'obj' || word === 'endobj') {
      if (word === 'obj') v.object();
      open.length = 0;
      lastDict = '';
    } else if (word === 'stream') {
      // The data starts after the EOL that follows the keyword (CRLF or LF; a lone CR is tolerated).
      if (t.charCodeAt(i) === 0x0d) i++;
      if (t.charCodeAt(i) === 0x0a) i++;
      i = Math.max(i, v.stream(lastDict, i));
      open.length = 0;
      lastDict = '';
    }
  }
}
