import { ERROR_TABLE, asDomainError } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';
import type { Lang } from './i18n.js';

/** The chat text for any failure: the code table's safe message; unknown errors are logged, never shown. */
export function replyForError(err: unknown, lang: Lang, logger: Logger): string {
  const e = asDomainError(err);
  if (e.code === 'internal') logger.error({ code: 'internal', err: (err as Error)?.stack }, 'command failed');
  return ERROR_TABLE[e.code][lang];
}
