import { hkDateTimeSeconds } from '../../shared/hk-time.js';

/** `2026-11-25 14:00:05 HKT` for the given instant (a Date or epoch milliseconds): the shared formatter. */
export function formatHkTime(at: Date | number): string {
  return hkDateTimeSeconds(at);
}
