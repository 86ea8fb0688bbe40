import { describe, expect, it } from 'vitest';
import { clinicianTokens, decodeNameCursor, encodeNameCursor, prefixEnd, searchWords } from '../../src/domain/directory/clinician-tokens.js';

/** What the index answers: every search word begins one of the clinician's tokens (byte order, as both stores compare). */
const finds = (tokens: string[], q: string) => {
  const words = searchWords(q);
  return words.length > 0 && words.every((w) => tokens.some((t) => Buffer.compare(Buffer.from(t), Buffer.from(w)) >= 0 && Buffer.compare(Buffer.from(t), Buffer.from(prefixEnd(w))) < 0));
};

describe('clinician name search tokens', () => {
  const lee = clinicianTokens({ nameEn: 'Dr LEE Mei-ling', nameZh: '李美玲', displayName: '李美玲', dingtalkUserId: 'hph-lee-meiling', registrationNo: 'M12345' });

  it('reads English words lower-cased, split on punctuation, and a Chinese name from each character to its end', () => {
    expect(lee.sort()).toEqual(['dr', 'hph', 'lee', 'm12345', 'meiling', 'mei', 'ling', '李美玲', '美玲', '玲'].sort());
    expect(clinicianTokens({ displayName: 'ＷＯＮＧ 𠮷田', dingtalkUserId: 'x' })).toEqual(['wong', '𠮷田', '田', 'x']);
  });

  it('finds by any word prefix in any case or order, by a run of the Chinese name, and needs every word', () => {
    const yes = ['dr. lee', 'MEI LING', 'mei-ling', 'Dr Lee M', '李', '李美', '美玲', '玲', 'hph-lee', 'm123', '  lee   mei '];
    expect(yes.filter((q) => !finds(lee, q))).toEqual([]);
    const no = ['lee wong', 'chan', '陳', '美李', 'ee', '', '  '];
    expect(no.filter((q) => finds(lee, q))).toEqual([]);
  });

  it('searches with the longest word first and at most six words', () => {
    expect(searchWords('Dr Wong S')).toEqual(['wong', 'dr', 's']);
    expect(searchWords('a b c d e f g h')).toHaveLength(6);
    expect(searchWords(undefined)).toEqual([]);
  });

  it('round-trips a cursor and refuses one that does not read with request.invalid', () => {
    expect(decodeNameCursor(encodeNameCursor({ name: '陳大文 Dr', id: 'abc' }))).toEqual({ name: '陳大文 Dr', id: 'abc' });
    expect(decodeNameCursor(undefined)).toBeUndefined();
    for (const bad of ['not-a-cursor', Buffer.from('[1,2]').toString('base64url'), Buffer.from('{"a":1}').toString('base64url')]) {
      expect(() => decodeNameCursor(bad)).toThrow(expect.objectContaining({ code: 'request.invalid' }));
    }
  });
});
