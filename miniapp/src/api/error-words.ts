import { ApiError, NETWORK_ERROR } from './api-error.js';

/** What a failed call means to the reader: what happened and what to do — never the code. */
export interface ErrorWords {
  title: string;
  hint: string;
  /** The service's code, for tests and logs only (a data attribute, never shown). */
  code: string;
}

type Words = (key: 'error.generic' | 'error.genericHint' | 'error.network' | 'error.networkHint') => string;

/**
 * The service answers every error as `{code, message, hint}` in the reader's language (one rule for
 * every surface: the preference set in Me, else DingTalk's language); offline and unknown failures get
 * the app's own words.
 */
export function errorWords(error: unknown, t: Words): ErrorWords {
  if (error instanceof ApiError && error.code === NETWORK_ERROR) return { title: t('error.network'), hint: t('error.networkHint'), code: error.code };
  if (error instanceof ApiError && error.status > 0 && typeof error.details.message === 'string') {
    const hint = typeof error.details.hint === 'string' ? error.details.hint : t('error.genericHint');
    return { title: error.details.message, hint, code: error.code };
  }
  return { title: t('error.generic'), hint: t('error.genericHint'), code: error instanceof ApiError ? error.code : 'internal' };
}

/** A failed action's words on one line (toasts): what happened, then what to do. */
export function errorLine(error: unknown, t: Words): string {
  const w = errorWords(error, t);
  return `${w.title} ${w.hint}`;
}
