import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_TABLE } from '../../src/shared/errors.js';
import { projectPath } from '../../src/shared/paths.js';

const CJK = /[\u3400-\u9fff]/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return e.name.endsWith('.ts') ? [p] : [];
  });
}

/** The first argument of every `new DomainError(…)`: all its string literals (a ternary names two codes). */
function thrownCodes(src: string): string[] {
  const codes: string[] = [];
  for (const m of src.matchAll(/new DomainError\(/g)) {
    let depth = 0;
    let end = m.index + m[0].length;
    for (; end < src.length; end++) {
      const ch = src[end];
      if (ch === '(') depth++;
      else if (ch === ')' && depth-- === 0) break;
      else if (ch === ',' && depth === 0) break;
    }
    const arg = src.slice(m.index + m[0].length, end);
    for (const lit of arg.matchAll(/'([^']+)'/g)) codes.push(lit[1]!);
  }
  return codes;
}

/** Codes a route answers itself: `send({ code: '…'` and the error handler's `sendError(req, reply, 429, '…')`. */
function answeredCodes(src: string): string[] {
  const direct = [...src.matchAll(/send\(\{\s*code:\s*'([^']+)'/g)].map((m) => m[1]!);
  const helper = [...src.matchAll(/sendError\([^)]*?'([^']+)'\)/g)].map((m) => m[1]!);
  return [...direct, ...helper];
}

describe('the one error table', () => {
  const files = sourceFiles(projectPath('src'));
  const used = new Map<string, string>();
  for (const f of files) {
    const src = readFileSync(f, 'utf8');
    for (const code of [...thrownCodes(src), ...answeredCodes(src)]) if (!used.has(code)) used.set(code, f);
  }

  it('When the sources are walked, then the codes thrown and answered are found (the walk itself works)', () => {
    expect(used.size).toBeGreaterThan(20);
    expect([...used.keys()]).toEqual(expect.arrayContaining(['request.invalid', 'access.denied', 'rate_limited', 'not_found']));
  });

  it('When a code is thrown or answered anywhere in src, then the table has it', () => {
    const missing = [...used].filter(([code]) => !Object.prototype.hasOwnProperty.call(ERROR_TABLE, code)).map(([code, f]) => `${code} (${f})`);
    expect(missing).toEqual([]);
  });

  it('When any code is looked up, then it has an English and a Chinese message, and the Chinese is translated', () => {
    const untranslated = Object.entries(ERROR_TABLE as Record<string, { en: string; zh: string }>)
      .filter(([, e]) => !e.en.trim() || !e.zh.trim() || !CJK.test(e.zh) || e.zh === e.en)
      .map(([code]) => code);
    expect(untranslated).toEqual([]);
  });
});
