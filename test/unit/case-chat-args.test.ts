import { describe, expect, it } from 'vitest';
import { echoableCode, findRole, readCaseCode, readRole, readVerb } from '../../src/bot/commands/case-args.js';
import { DomainError } from '../../src/shared/errors.js';

function detailsOf(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e instanceof DomainError ? { code: e.code, details: e.details } : e;
  }
  return undefined;
}

describe('case command arguments', () => {
  it('When a code has the right shape, then it is upper-cased (full-width forms too)', () => {
    expect(readCaseCode(' c-7kq2m ')).toBe('C-7KQ2M');
    expect(readCaseCode('Ｃ－７ＫＱ２Ｍ')).toBe('C-7KQ2M');
  });

  it('When a code is malformed, then case.code_invalid carries the code only if it is safe to repeat', () => {
    expect(detailsOf(() => readCaseCode('C-7KQ2'))).toEqual({ code: 'case.code_invalid', details: { caseCode: 'C-7KQ2' } });
    expect(detailsOf(() => readCaseCode('<b>C-1</b>'))).toEqual({ code: 'case.code_invalid', details: { caseCode: undefined } });
    expect(detailsOf(() => readCaseCode(undefined))).toEqual({ code: 'case.code_invalid', details: { caseCode: undefined } });
  });

  it('When the typed text is an HKID or too long, then it is never echoed', () => {
    expect(echoableCode('A1234563')).toBeUndefined();
    expect(echoableCode('A1234564')).toBe('A1234564');
    expect(echoableCode('C-7KQ2M-TOO-LONG')).toBeUndefined();
  });

  it('When roles are named in English or Chinese (繁/简), then each maps to one care role', () => {
    expect(['consulting', 'Consultant', '會診', '会诊'].map(readRole)).toEqual(Array(4).fill('consulting'));
    expect(['attending', '主診', '主诊'].map(readRole)).toEqual(Array(3).fill('attending'));
    expect(['referring', '轉介', '转介'].map(readRole)).toEqual(Array(3).fill('referring'));
    expect(['observer', '觀察', '观察'].map(readRole)).toEqual(Array(3).fill('observer'));
    expect(readRole('@Lam')).toBeUndefined();
    expect(findRole(['C-7KQ2M', 'add', '@Lam', 'Ka-ming', 'consulting'])).toBe('consulting');
    expect(findRole(['C-7KQ2M', 'add', '@Lam'])).toBeUndefined();
  });

  it('When sub-commands are typed, then open/bind/add/remove are recognised in both languages', () => {
    expect([readVerb('OPEN'), readVerb('開案'), readVerb('开案')]).toEqual(['open', 'open', 'open']);
    expect([readVerb('bind'), readVerb('綁定'), readVerb('绑定')]).toEqual(['bind', 'bind', 'bind']);
    expect([readVerb('add'), readVerb('加入'), readVerb('remove'), readVerb('移除'), readVerb('删除')]).toEqual(['add', 'add', 'remove', 'remove', 'remove']);
    expect(readVerb('C-7KQ2M')).toBeUndefined();
  });
});
