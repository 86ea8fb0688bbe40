import type Database from 'better-sqlite3';

/**
 * The WAL keeps whole page images of every write until they are overwritten: a chat payload blanked
 * in its row, or a burned item's wrapped key, is still in an older frame. secure_delete zeroes the
 * database file, not the WAL, so the WAL is checkpointed and truncated to zero bytes now and then
 * (and after destruction, by whoever destroys). Never blocks: when a reader holds the WAL, it tries
 * again next time.
 */
export function scrubWal(sqlite: Database.Database): boolean {
  if (!sqlite.open || sqlite.memory) return false;
  const busyTimeout = sqlite.pragma('busy_timeout', { simple: true }) as number;
  sqlite.pragma('busy_timeout = 0');
  try {
    const [r] = sqlite.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>;
    return r?.busy === 0;
  } catch {
    return false; // SQLITE_BUSY from another connection: next round
  } finally {
    sqlite.pragma(`busy_timeout = ${busyTimeout}`);
  }
}

/** Scrubs the WAL every `everyMs` (an unref'd timer); returns the function that stops it. */
export function startWalScrubber(sqlite: Database.Database, everyMs: number): () => void {
  const timer = setInterval(() => scrubWal(sqlite), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
