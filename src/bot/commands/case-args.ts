import { CASE_CODE } from '../../domain/cases/case-code.js';
import type { CareRole } from '../../domain/cases/cases-tables.js';
import { DomainError } from '../../shared/errors.js';
import { isValidHkid } from '../../shared/hkid.js';

/** What a typed case code may look like to be repeated back in a reply (never free text). */
const ECHO_SAFE = /^[A-Z0-9-]{1,12}$/;

/**
 * The typed code in upper case when it is safe to repeat: short, plain letters/digits/dashes and
 * not an HKID (the inbound guard stops those first; this is the second lock).
 */
export function echoableCode(input: string | undefined): string | undefined {
  if (!input) return undefined;
  const code = input.normalize('NFKC').trim().toUpperCase();
  return ECHO_SAFE.test(code) && !isValidHkid(code) ? code : undefined;
}

/** A case code argument, shape-checked before any lookup. Malformed → `case.code_invalid`. */
export function readCaseCode(input: string | undefined): string {
  const code = (input ?? '').normalize('NFKC').trim().toUpperCase();
  if (!CASE_CODE.test(code)) throw new DomainError('case.code_invalid', undefined, { details: { caseCode: echoableCode(input) } });
  return code;
}

/** Runs a lookup by code; an unknown code is reported with the code (it passed the shape check). */
export async function withCaseCode<T>(code: string, find: (code: string) => T | Promise<T>): Promise<T> {
  try {
    return await find(code);
  } catch (e) {
    if (e instanceof DomainError && e.code === 'case.not_found') throw new DomainError('case.not_found', undefined, { details: { caseCode: code } });
    throw e;
  }
}

const ROLE_WORDS: Record<CareRole, string[]> = {
  attending: ['attending', 'attend', 'primary', '主診', '主诊', '主治', '主理'],
  consulting: ['consulting', 'consultant', 'consult', '會診', '会诊', '顧問', '顾问'],
  referring: ['referring', 'referrer', 'refer', '轉介', '转介'],
  observer: ['observer', 'observing', 'observe', '觀察', '观察', '旁觀', '旁观'],
};

/** A care role from English or Chinese (繁/简) words; undefined when the word is not a role. */
export function readRole(word: string | undefined): CareRole | undefined {
  if (!word) return undefined;
  const w = word.normalize('NFKC').toLowerCase();
  return (Object.keys(ROLE_WORDS) as CareRole[]).find((r) => ROLE_WORDS[r].includes(w));
}

/** The role named among the words after `add` (the last one that is a role and not part of a mention). */
export function findRole(words: readonly string[]): CareRole | undefined {
  for (let i = words.length - 1; i >= 0; i--) {
    const role = readRole(words[i]);
    if (role) return role;
  }
  return undefined;
}

const VERBS = {
  open: ['open', 'new', '開案', '开案', '開', '开', '新'],
  bind: ['bind', 'link', '綁定', '绑定', '連結', '连结'],
  add: ['add', '+', '加入', '加', '新增', '添加'],
  remove: ['remove', 'rm', '-', 'del', '移除', '刪除', '删除', '移走'],
} as const;

export type Verb = keyof typeof VERBS;

/** Which sub-command a word names, in either language. */
export function readVerb(word: string | undefined): Verb | undefined {
  if (!word) return undefined;
  const w = word.normalize('NFKC').toLowerCase();
  return (Object.keys(VERBS) as Verb[]).find((v) => (VERBS[v] as readonly string[]).includes(w));
}
