import { DomainError } from '../../shared/errors.js';

/**
 * How the directory's name search index (clinician_name_tokens) reads names, and how a search reads:
 * - NFKC (full-width forms fold to ASCII), lower-cased, split on spaces, punctuation and symbols
 *   ("Dr CHAN Tai-man" → dr, chan, tai, man; "p9-u-7" → p9, u, 7);
 * - a run of Chinese (Han) characters is indexed from each of its characters to its end
 *   (陳大文 → 陳大文, 大文, 文), so a search for the whole name, its start or a run inside it
 *   (陳, 陳大, 大文) is the start of a token;
 * - a search matches a clinician when each of its words begins one of their tokens.
 */
const SEPARATORS = /[\s\p{P}\p{S}]+/u;
const HAN = /\p{Script=Han}/u;
/** Longer tokens are cut: a search word longer than this still finds its clinician by its first part. */
const MAX_TOKEN = 40;
/** A search reads at most this many words. */
const MAX_WORDS = 6;

/** The words of a text: Latin runs whole, Han runs whole (a Chinese name has no spaces). */
function words(text: string): string[] {
  const out: string[] = [];
  for (const word of text.normalize('NFKC').toLowerCase().split(SEPARATORS)) {
    let run = '';
    let han = false;
    for (const ch of word) {
      const isHan = HAN.test(ch);
      if (run && isHan !== han) {
        out.push(run);
        run = '';
      }
      han = isHan;
      run += ch;
    }
    if (run) out.push(run);
  }
  return out.map((w) => [...w].slice(0, MAX_TOKEN).join(''));
}

/** The index tokens of a clinician's names, DingTalk id and registration number. */
export function clinicianTokens(c: { nameEn?: string | null; nameZh?: string | null; displayName: string; dingtalkUserId: string; registrationNo?: string | null }): string[] {
  const out = new Set<string>();
  for (const text of [c.nameEn, c.nameZh, c.displayName, c.dingtalkUserId, c.registrationNo]) {
    for (const w of words(text ?? '')) {
      const chars = [...w];
      if (HAN.test(chars[0]!)) chars.forEach((_, i) => out.add(chars.slice(i).join('')));
      else out.add(w);
    }
  }
  return [...out];
}

/** The token index rows of several clinicians (one multi-row insert for a batch). */
export function tokenRowsOf(rows: (Parameters<typeof clinicianTokens>[0] & { id: string })[]): { clinicianId: string; token: string }[] {
  return rows.flatMap((row) => clinicianTokens(row).map((token) => ({ clinicianId: row.id, token })));
}

/** The words of a search, longest first (the most selective drives the seek); none for an empty one. */
export function searchWords(q: string | undefined): string[] {
  const unique = [...new Set(words(q ?? ''))].slice(0, MAX_WORDS);
  return unique.sort((a, b) => b.length - a.length);
}

/** The end of the token range a word begins: every text starting with `word` sorts before it, byte-wise. */
export const prefixEnd = (word: string): string => `${word}\u{10FFFF}`;

/** Where a directory page (by display name, then id) starts: just after this row. */
export interface NameCursor {
  name: string;
  id: string;
}

export const encodeNameCursor = (c: NameCursor): string => Buffer.from(JSON.stringify([c.name, c.id]), 'utf8').toString('base64url');

/** Undefined for no cursor (the first page); a cursor that does not read is a coded 400 (request.invalid). */
export function decodeNameCursor(s: string | undefined): NameCursor | undefined {
  if (s === undefined || s === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(s, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  if (!Array.isArray(parsed) || parsed.length !== 2 || !parsed.every((p) => typeof p === 'string' && p.length <= 200)) {
    throw new DomainError('request.invalid', 'the cursor does not read');
  }
  return { name: parsed[0] as string, id: parsed[1] as string };
}

/** One page of the directory: what a page asks for, and what it answers. */
export interface DirectoryPageQuery {
  q?: string;
  /** Only the unverified (the console's "only unverified" switch). */
  unverifiedOnly?: boolean;
  /** Only the verified (pickers of care-team members). */
  verifiedOnly?: boolean;
  /** Leave out the suspended (pickers). */
  activeOnly?: boolean;
  after?: NameCursor;
  limit: number;
}

export interface DirectoryPage<Row> {
  items: Row[];
  /** Where the next page starts; null on the last page. */
  next: NameCursor | null;
}

/** A page from `limit + 1` rows read: the extra row only says there is more; `key` is the row's sort key (name, or matched token). */
export function directoryPageOf<Row extends { id: string }>(rows: Row[], limit: number, key: (r: Row) => string, dropKey = false): DirectoryPage<Omit<Row, 'sortKey'>> {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const items = dropKey ? page.map(({ sortKey: _, ...r }: Row & { sortKey?: string }) => r) : page;
  return { items, next: rows.length > limit && last ? { name: key(last), id: last.id } : null };
}
