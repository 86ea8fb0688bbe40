import { errorHint } from '../shared/error-hints.js';
import { ERROR_TABLE, asDomainError, type DomainError } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';
import { say, type Lang } from './i18n.js';
import { CASE_TEXTS } from './texts/case-texts.js';

/** A case code repeated back only in this shape (commands check it too; this is the last guard). */
const SAFE_CODE = /^[A-Z0-9-]{1,12}$/;

/** "I can't find case C-7KQ2X. Case codes look like C-7KQ2M." when the command named a code. */
function caseCodeText(e: DomainError, lang: Lang): string | undefined {
  if (e.code !== 'case.code_invalid' && e.code !== 'case.not_found') return undefined;
  const code = e.details?.caseCode;
  const named = typeof code === 'string' && SAFE_CODE.test(code);
  if (!named && e.code === 'case.not_found') return undefined;
  const lead = !named ? ERROR_TABLE['case.not_found'][lang] : say(lang, CASE_TEXTS.caseNotFoundNamed, code);
  // Chinese full stops carry their own spacing.
  return [lead, ERROR_TABLE['case.code_invalid'][lang]].join(lang === 'zh' ? '' : ' ');
}

/** "Which case? Add its code: @ConsultBridge share C-7KQ2M." — the command named back when it is a plain word. */
function codeMissingText(e: DomainError, lang: Lang): string | undefined {
  const command = e.details?.command;
  if (e.code !== 'case.code_missing' || typeof command !== 'string' || !/^[a-z]{2,16}$/.test(command)) return undefined;
  return say(lang, CASE_TEXTS.codeMissingFor, command);
}

/**
 * The chat text for any failure: what happened (the code table's safe message) and, on the next line,
 * what to do (src/shared/error-hints.ts); never the code itself. Unknown errors are logged, never shown.
 */
export function replyForError(err: unknown, lang: Lang, logger: Logger): string {
  const e = asDomainError(err);
  if (e.code === 'internal') logger.error({ code: 'internal', err: (err as Error)?.stack }, 'command failed');
  // The one error whose words are built for the reader (decide-request.ts): names who and what is missing.
  if (e.code === 'approval.would_not_open' && typeof e.details?.text === 'string') return e.details.text;
  return `${caseCodeText(e, lang) ?? codeMissingText(e, lang) ?? ERROR_TABLE[e.code][lang]}\n${errorHint(e.code, lang)}`;
}
