import { DomainError } from '../../shared/errors.js';
import { hkDateTimeSeconds } from '../../shared/hk-time.js';
import { traceLookupKey } from '../viewing/trace-code.js';
import { checkpointJson } from './audit-checkpoint.js';
import type { AuditEntry } from './audit-entry.js';
import type { AuditReader } from './audit-reader.js';
import type { CheckpointVerifier } from './audit-signer.js';

/**
 * The read-only audit commands behind `npm run audit`, as a function from arguments to text and
 * an exit code, so the CLI file only wires config and the database. Nothing here writes.
 */
export const AUDIT_HELP = `Usage: npm run audit -- <command>

Commands:
  verify                  Re-derive every leaf, subtree and signed checkpoint; exit 1 naming the
                          first bad entry if the log was altered. Shows progress (a bar on a
                          terminal, a line every few seconds otherwise) and entries/s; records the
                          newest checkpoint it accepted.
  verify --since-checkpoint
                          Only what came after the checkpoint the last verify accepted: that
                          checkpoint's signature and root are checked against the stored tree edge,
                          then every later entry, node and checkpoint. Entries before it are not
                          re-read (run a full verify now and then, e.g. weekly).
  proof N [treeSize]      Inclusion proof for entry N (JSON: index, treeSize, leafHash, path, root).
  consistency M N         Consistency proof that the tree of N entries extends the first M.
  checkpoint              The latest signed tree head, with the public key to check it.
  trace CODE              The entries carrying a watermark trace code.
  help                    Show this text.

Reads DATABASE_URL, KEY_DIR and AUDIT_SIGNING_KEY like the service. Never creates a key.
`;

export interface CommandResult {
  code: number;
  out: string;
}

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

function wholeNumber(arg: string | undefined, name: string): number {
  if (arg === undefined || !/^\d+$/.test(arg)) throw new DomainError('request.invalid', `${name} must be a whole number`);
  return Number(arg);
}

export function entryJson(e: AuditEntry) {
  return {
    idx: e.idx,
    at: new Date(e.at).toISOString(),
    actor: e.actor,
    action: e.action,
    target: e.target,
    outcome: e.outcome,
    reason: e.reason,
    trace: e.trace,
    leafHash: e.leafHash.toString('hex'),
  };
}

export async function runAuditCommand(
  argv: readonly string[],
  deps: {
    reader: AuditReader;
    verifier: CheckpointVerifier | null;
    /** For `trace`: who the actor is and what the target is, in words (the CLI looks them up). */
    describe?: (e: AuditEntry) => Promise<Record<string, string | undefined>>;
    /** For `verify`: entries walked so far of the total, after each batch (the CLI draws it). */
    progress?: (done: number, total: number) => void;
    /** Milliseconds now (verify's timing and the verified-checkpoint record). */
    now?: () => number;
  },
): Promise<CommandResult> {
  const [command = 'help', a, b] = argv;
  const { repo, proofs } = deps.reader;
  switch (command) {
    case 'verify': {
      if (a !== undefined && a !== '--since-checkpoint') return { code: 2, out: AUDIT_HELP };
      const now = deps.now ?? Date.now;
      const started = now();
      const result = await deps.reader.verify(deps.verifier, { sinceCheckpoint: a === '--since-checkpoint', onProgress: deps.progress, recordAt: started });
      const seconds = Math.max(now() - started, 1) / 1000;
      const entriesPerSecond = Math.round((result.size - (result.ok ? (result.from ?? 0) : 0)) / seconds);
      if (result.ok) return { code: 0, out: json({ ...result, verified: result.size - (result.from ?? 0), seconds, entriesPerSecond }) };
      const p = result.problem;
      const where = p.index === null ? `checkpoint ${p.checkpointId}` : `entry ${p.index}`;
      return { code: 1, out: `audit log FAILED verification at ${where}: ${p.reason} (${p.detail})\n${json(result)}` };
    }
    case 'proof':
      return { code: 0, out: json(await proofs.inclusion(wholeNumber(a, 'N'), b === undefined ? undefined : wholeNumber(b, 'treeSize'))) };
    case 'consistency':
      return { code: 0, out: json(await proofs.consistency(wholeNumber(a, 'M'), wholeNumber(b, 'N'))) };
    case 'checkpoint': {
      const latest = await repo.latestCheckpoint();
      if (!latest) return { code: 1, out: 'no checkpoint has been written yet\n' };
      return { code: 0, out: json(checkpointJson(latest, deps.verifier)) };
    }
    case 'trace': {
      if (!a) throw new DomainError('request.invalid', 'trace needs a CODE');
      const found = await repo.findByTrace(traceLookupKey(a));
      const described = [];
      // For people: the time in HK time, labelled (the JSON API keeps ISO 8601).
      for (const e of found) described.push({ ...entryJson(e), at: hkDateTimeSeconds(e.at), ...(await deps.describe?.(e)) });
      return { code: found.length > 0 ? 0 : 1, out: found.length > 0 ? json(described) : 'no entry carries that trace code\n' };
    }
    case 'help':
    case '--help':
      return { code: 0, out: AUDIT_HELP };
    default:
      return { code: 2, out: AUDIT_HELP };
  }
}
