/**
 * A sharer's flag on a document (issue 14, consult rules): a short code such as `STEMI?`, never a
 * sentence. It travels with the upload (query string, never logged: requests are logged by route),
 * is matched by the consult rules in memory without case, and is never stored, sent to chat or
 * audited. Plain values, so the mini-app may import them too.
 */
export const FLAG_PATTERN = /^[A-Za-z0-9?+._-]{1,24}$/;
/** At most this many flags on one upload (comma-separated in `flag`). */
export const MAX_FLAGS = 5;

/** The flags of a `flag` query value (`STEMI?,CRIT`); undefined when any of them is not a short code. */
export function parseFlags(value: string | undefined): string[] | undefined {
  if (value === undefined || value.trim() === '') return [];
  const flags = value.split(',').map((f) => f.trim()).filter((f) => f !== '');
  return flags.length <= MAX_FLAGS && flags.every((f) => FLAG_PATTERN.test(f)) ? flags : undefined;
}
