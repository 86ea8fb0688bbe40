/** An id that came from outside goes into the permanent log only if it looks like an id. */
export const idShaped = (id: string | undefined): string | undefined =>
  id && /^[\w.:=+/-]{1,160}$/.test(id) ? id : undefined;

/** A failure as a code safe for the audit log and the console: never message text. */
export function reasonOf(err: unknown, prefix: string): string {
  const code = (err as { code?: unknown } | null)?.code;
  const tail = typeof code === 'string' && code ? code.toLowerCase().replace(/[^a-z0-9_.:-]/g, '_') : 'internal';
  return `${prefix}.${tail}`.slice(0, 64);
}
