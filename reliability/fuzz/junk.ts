import fc from 'fast-check';

/**
 * Hostile values for fuzzing: strings with NUL bytes, lone surrogates, full-width and RTL text, huge
 * strings, numbers at the edges, prototype-pollution keys and deeply nested JSON. Everything here is
 * plain data, so a case can be printed and replayed from its seed.
 */
export const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'] as const;

const specials = fc.constantFrom(
  '', ' ', '\u0000', 'a\u0000b', '\ud800', '\udfff\ud800', '\u202e\u0041', 'Ａ１２３４５６（３）', 'A123456(3)',
  '../../etc/passwd', '%00', '%', '%E0%A4%A', '${7*7}', '{{7*7}}', '<script>alert(1)</script>', "' OR 1=1 --",
  'null', 'undefined', 'NaN', 'true', '-1', '1e309', '0x10', '[object Object]', '\r\n\r\nX: y', '🦠'.repeat(50),
  'C-7KQ2M', 'c-0000o', 'C-', 'C-ZZZZZZZZZZ', '病人', 'SELECT * FROM clinicians',
);

/** A string from a hostile mix; `big` allows strings up to ~200 k characters. */
export function junkString(big = true): fc.Arbitrary<string> {
  const parts: Array<fc.WeightedArbitrary<string>> = [
    { weight: 4, arbitrary: specials },
    { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
    { weight: 1, arbitrary: fc.string({ maxLength: 8 }).map((s) => s + '\u0000'.repeat(3)) },
  ];
  if (big) parts.push({ weight: 1, arbitrary: fc.integer({ min: 1_000, max: 200_000 }).map((n) => 'x'.repeat(n)) });
  return fc.oneof(...parts);
}

export const junkNumber: fc.Arbitrary<number | string> = fc.oneof(
  fc.constantFrom(0, -0, -1, 1.5, 2 ** 31, 2 ** 53 + 1, -(2 ** 63), Number.MAX_VALUE, Number.MIN_VALUE),
  fc.double({ noNaN: true }),
  fc.constantFrom('1e309', 'NaN', 'Infinity', '-Infinity', '0x1f', '1_000'),
);

/** Any JSON-ish value of a wrong type (the JSON text of NaN/Infinity turns into null, which is fine). */
export function junkValue(depth = 2): fc.Arbitrary<unknown> {
  const leaf = fc.oneof(junkString(false), junkNumber, fc.boolean(), fc.constant(null), fc.constant({}), fc.constant([]));
  if (depth <= 0) return leaf;
  return fc.oneof(
    { weight: 5, arbitrary: leaf },
    { weight: 1, arbitrary: fc.array(junkValue(depth - 1), { maxLength: 4 }) },
    { weight: 1, arbitrary: fc.dictionary(fc.oneof(fc.constantFrom(...PROTO_KEYS), fc.string({ maxLength: 6 })), junkValue(depth - 1), { maxKeys: 4 }) },
  );
}

/** JSON text nested `n` deep: arrays, objects, or the two alternating. */
export const deepJson: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 100, max: 50_000 }), fc.constantFrom('array', 'object', 'mixed'))
  .map(([n, kind]) => {
    if (kind === 'array') return '['.repeat(n) + ']'.repeat(n);
    if (kind === 'object') return '{"a":'.repeat(n) + '1' + '}'.repeat(n);
    return '{"a":['.repeat(n) + '1' + ']}'.repeat(n);
  });

/** Raw request bodies that are not what any JSON route expects. */
export const junkPayload: fc.Arbitrary<string | Buffer> = fc.oneof(
  fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b)),
  fc.constantFrom(Buffer.from([0xff, 0xfe, 0xfd]), Buffer.from('{"a":"\xff\xc3\x28"}', 'latin1'), Buffer.from('{"a":"b\u0000"}')),
  fc.constantFrom('', '{', '}', 'null', '[]', '"x"', '1', 'true', '{"a":1,"a":2}', '{"__proto__":{"role":"admin"}}', '{"constructor":{"prototype":{"x":1}}}'),
  fc.constantFrom('%PDF-1.7\n%%EOF', '%PDF-1.4\n<html>…</html>\n%%EOF', '\x7fELF\x02\x01\x01', '\x89PNG\r\n\x1a\n', '\xff\xd8\xff\xe0'),
  deepJson,
  fc.integer({ min: 900_000, max: 1_200_000 }).map((n) => `{"a":"${'y'.repeat(n)}"}`),
  junkString().map((s) => JSON.stringify(s)),
);

export const junkContentType = fc.constantFrom(
  'application/json', 'application/json; charset=utf-16', 'text/plain', 'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x', 'application/pdf', 'image/png', 'application/octet-stream', '', 'application/json\u0000', '*/*', 'foo',
);
