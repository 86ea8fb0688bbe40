import { spawn } from 'node:child_process';
import type { Simulator } from '../../src/sandbox/simulator.js';
import { projectPath } from '../../src/shared/paths.js';
import type { ClusterDb } from './cluster-db.js';

/**
 * What the cluster scenario checks afterwards, read from the shared database with SQL that is the same
 * on SQLite and PostgreSQL, and from what the simulator saw: burns destroyed once and on time,
 * escalation steps taken and sent once, dead letters, and `npm run audit -- verify` itself.
 */

export interface BurnTiming {
  /** Items destroyed, with a receipt, within the tolerance of their due time. */
  onTime: number;
  /** Items not destroyed (any reason), late or early beyond the tolerance. */
  off: Array<{ id: string; status: string; lateMs: number | null }>;
  /** Items with more than one `ephemeral.destroyed` receipt. */
  twice: number;
  /** Items with no receipt. */
  noReceipt: number;
  worstLateMs: number;
}

export async function burnTiming(db: ClusterDb, ids: string[], toleranceMs: number): Promise<BurnTiming> {
  const out: BurnTiming = { onTime: 0, off: [], twice: 0, noReceipt: 0, worstLateMs: 0 };
  for (const id of ids) {
    const [item] = await db.query<{ status: string; due: number; destroyed: number | null }>(
      'select status, due_at as due, destroyed_at as destroyed from ephemeral_items where id = ?',
      [id],
    );
    const [receipts] = await db.query<{ n: number }>("select count(*) as n from audit_entries where action = 'ephemeral.destroyed' and target = ?", [id]);
    const n = Number(receipts?.n ?? 0);
    if (n > 1) out.twice++;
    if (n === 0) out.noReceipt++;
    const lateMs = item?.destroyed == null ? null : Number(item.destroyed) - Number(item.due);
    if (lateMs !== null) out.worstLateMs = Math.max(out.worstLateMs, Math.abs(lateMs));
    if (item?.status === 'destroyed' && lateMs !== null && Math.abs(lateMs) <= toleranceMs) out.onTime++;
    else out.off.push({ id, status: item?.status ?? 'missing', lateMs });
  }
  return out;
}

export interface EscalationTally {
  /** Steps (reminded, escalated) taken for these items. */
  steps: number;
  /** The same step for the same item, recipient and colleague recorded more than once. */
  repeatedSteps: number;
  /** Reminders and escalation notices the simulator delivered, against the steps that asked for them. */
  sent: { reminders: number; escalations: number };
  wanted: { reminders: number; escalations: number };
}

/** Escalation steps of the urgent items `ids`, and the 1:1 notices that reached DingTalk for case `code`. */
export async function escalationTally(db: ClusterDb, sim: Simulator, ids: string[], code: string): Promise<EscalationTally> {
  const rows = (
    await Promise.all(
      ids.map((id) =>
        db.query<{ action: string; recipient: string; target: string | null; n: number }>(
          "select action, recipient_id as recipient, target_id as target, count(*) as n from escalation_steps where item_id = ? and action in ('reminded', 'escalated') group by action, recipient_id, target_id",
          [id],
        ),
      ),
    )
  ).flat();
  const count = (action: string) => rows.filter((r) => r.action === action).reduce((a, r) => a + Number(r.n), 0);
  // The notice's title in the reader's language (src/bot/texts/notice-texts.ts).
  const notices = (titles: string[]) => sim.sent.filter((e) => e.via === 'oto' && titles.some((t) => e.text.includes(`${t} · ${code}`))).length;
  return {
    steps: count('reminded') + count('escalated'),
    repeatedSteps: rows.reduce((a, r) => a + Math.max(0, Number(r.n) - 1), 0),
    sent: { reminders: notices(['⏰ Reminder', '⏰ 提醒']), escalations: notices(['🔺 Escalation', '🔺 升級']) },
    wanted: { reminders: count('reminded'), escalations: count('escalated') },
  };
}

/** Escalation steps taken so far for these items (to wait for the first reminders). */
export async function escalationSteps(db: ClusterDb, ids: string[]): Promise<number> {
  let n = 0;
  for (const id of ids) n += Number((await db.query<{ n: number }>("select count(*) as n from escalation_steps where item_id = ? and action = 'reminded'", [id]))[0]?.n ?? 0);
  return n;
}

export async function deadLetterCount(db: ClusterDb): Promise<{ n: number; kinds: string }> {
  const rows = await db.query<{ kind: string; last_error: string | null }>("select kind, last_error from outbox_messages where status = 'dead'");
  return { n: rows.length, kinds: rows.map((r) => `${r.kind}: ${r.last_error}`).join('; ') };
}

/** `npm run audit -- verify` with an instance's settings (database and keys): exit code and what it printed. */
export async function auditVerifyCli(env: Record<string, string>): Promise<{ ok: boolean; size: number; out: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/audit.ts', 'verify'], {
    cwd: projectPath(),
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  const json = out.indexOf('{');
  let size = NaN;
  try {
    size = (JSON.parse(out.slice(json)) as { size: number }).size;
  } catch {
    // not JSON: the error line is in `out`
  }
  return { ok: code === 0, size, out: out.trim().slice(0, 300) };
}
