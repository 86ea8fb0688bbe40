import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_BURN_MS, formatBurnDuration, MAX_BURN_MS, MIN_BURN_MS, parseBurnDuration } from '../../src/domain/burn/burn-duration.js';

describe('burn durations', () => {
  it.each([
    ['30s', 30_000],
    ['10s', 10_000],
    ['90', 90_000],
    ['5m', 300_000],
    ['5 min', 300_000],
    ['2h', 7_200_000],
    ['24h', 86_400_000],
    ['1440m', 86_400_000],
    ['３０Ｓ', 30_000],
    ['30秒', 30_000],
    ['5分鐘', 300_000],
    ['2小時', 7_200_000],
  ])('%s is %i ms', (input, ms) => {
    expect(parseBurnDuration(input)).toBe(ms);
  });

  it('defaults to 30 s when no duration is given', () => {
    expect(parseBurnDuration(undefined)).toBe(DEFAULT_BURN_MS);
    expect(parseBurnDuration('  ')).toBe(30_000);
  });

  it.each(['9s', '0', '25h', '1441m', '86401', '-5s', '5d', 'soon', '1.5h', '30 seconds please'])('%s is refused with burn.duration_invalid', (input) => {
    expect(() => parseBurnDuration(input)).toThrow(expect.objectContaining({ code: 'burn.duration_invalid' }));
  });

  it('accepts exactly the whole seconds from 10 s to 24 h', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200_000 }), (s) => {
        const inRange = s * 1000 >= MIN_BURN_MS && s * 1000 <= MAX_BURN_MS;
        let ok = true;
        try {
          expect(parseBurnDuration(`${s}s`)).toBe(s * 1000);
        } catch {
          ok = false;
        }
        return ok === inRange;
      }),
    );
  });

  it('formats for chat in the largest whole unit', () => {
    expect(formatBurnDuration(30_000)).toBe('30 s');
    expect(formatBurnDuration(90_000)).toBe('90 s');
    expect(formatBurnDuration(300_000)).toBe('5 min');
    expect(formatBurnDuration(7_200_000)).toBe('2 h');
  });
});
