import { DomainError } from '../../shared/errors.js';

/** How long after a recipient's first open the content burns: 10 s to 24 h, 30 s unless said. */
export const MIN_BURN_MS = 10_000;
export const MAX_BURN_MS = 24 * 3_600_000;
export const DEFAULT_BURN_MS = 30_000;

const UNIT_MS: Record<string, number> = { s: 1000, sec: 1000, secs: 1000, 秒: 1000, m: 60_000, min: 60_000, mins: 60_000, 分: 60_000, 分鐘: 60_000, 分钟: 60_000, h: 3_600_000, hr: 3_600_000, hrs: 3_600_000, 小時: 3_600_000, 小时: 3_600_000 };

/**
 * Parses `30s`, `5m`, `2h` (also `90` = seconds, and 秒/分鐘/小時); throws `burn.duration_invalid`
 * for anything unreadable or outside 10 s – 24 h, so the chat and the API say the same thing.
 */
export function parseBurnDuration(input: string | undefined): number {
  if (input === undefined || input.trim() === '') return DEFAULT_BURN_MS;
  const m = /^(\d{1,6})\s*([a-z秒分鐘钟小時时]*)$/i.exec(input.normalize('NFKC').trim().toLowerCase());
  const unit = m ? UNIT_MS[m[2] || 's'] : undefined;
  if (!m || unit === undefined) throw new DomainError('burn.duration_invalid');
  return checkBurnMs(Number(m[1]) * unit);
}

export function checkBurnMs(ms: number): number {
  if (!Number.isInteger(ms) || ms < MIN_BURN_MS || ms > MAX_BURN_MS) throw new DomainError('burn.duration_invalid');
  return ms;
}

/** `30 s`, `5 min`, `2 h`, for chat text. */
export function formatBurnDuration(ms: number): string {
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000} h`;
  if (ms % 60_000 === 0) return `${ms / 60_000} min`;
  return `${Math.round(ms / 1000)} s`;
}
