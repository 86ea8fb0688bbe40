import type { Clock } from '../../shared/clock.js';
import type { Transaction } from '../../shared/transactions.js';
import type { Logger } from '../../shared/logger.js';
import { noMetrics, type Metrics } from '../../shared/metrics.js';
import { AUDIT_ACTIONS, type AuditSink } from '../../shared/audit-sink.js';
import type { ColleagueFinder } from './escalation-chain.js';
import type { EscalationKind, EscalationNotifier, ItemProbe, StepNotice, TrackInput } from './escalation-port.js';
import type { EscalationRepository, EscalationRow, EscalationStepRow } from './escalation-repository.js';
import type { EscalationItemType } from './escalation-tables.js';

export interface EscalationSettings {
  /** Wait before each step: reminder after one, each colleague after another. */
  afterMs: number;
  ding: boolean;
  maxColleagues: number;
}

const BATCH = 200;

/** Audited as `<item>:<recipient>`: a reason code holds one id at most (the colleague's). */
const auditTarget = (row: Pick<EscalationRow, 'itemId' | 'recipientId'>) => `${row.itemId}:${row.recipientId}`;

/**
 * Unread escalation of urgent items, per recipient — one engine for every item type (documents,
 * allergy alerts; referrals plug in with `useKind`): after `afterMs` unopened a 1:1 reminder (and a
 * DING when configured), then every further `afterMs` the next colleague from the type's chain (let
 * in to act on the item when the type can `admit` them; the initiator told when it asks), until the
 * recipient (or a colleague asked on their behalf) opens the item, the item closes, or the chain runs
 * out. Each step is one transaction: state, step history and outbox messages commit together, and
 * the step is audited. The next deadline is counted from when a step ran, so after downtime each
 * step still gives the recipient its full wait rather than firing the whole chain at once.
 */
export function createEscalationService(deps: {
  transaction: Transaction;
  repo: EscalationRepository;
  notifier: EscalationNotifier;
  colleagues: ColleagueFinder;
  audit: AuditSink;
  clock: Clock;
  logger: Logger;
  settings: EscalationSettings;
  probes?: Partial<Record<EscalationItemType, ItemProbe>>;
  /** Per item type: probe, colleague chain, admit and initiator notices (see EscalationKind). */
  kinds?: Partial<Record<EscalationItemType, EscalationKind>>;
  /** Timer lag: how long after its deadline each due step was taken. */
  metrics?: Metrics;
}) {
  const { repo, notifier, audit, clock, logger, settings } = deps;
  const metrics = deps.metrics ?? noMetrics;
  const kinds: Partial<Record<EscalationItemType, EscalationKind>> = { ...deps.kinds };
  for (const [type, probe] of Object.entries(deps.probes ?? {}) as [EscalationItemType, ItemProbe][]) kinds[type] = { ...kinds[type], probe };

  async function stop(row: EscalationRow, reason: string, now: number, status: 'stopped' | 'exhausted' = 'stopped'): Promise<boolean> {
    if (!(await repo.end(row.itemId, row.recipientId, status, reason, now))) return false;
    await repo.addStep({ itemId: row.itemId, recipientId: row.recipientId, action: 'stopped', reason, at: now });
    audit.append({ actor: 'system', action: AUDIT_ACTIONS.escalationStopped, target: auditTarget(row), outcome: 'success', reason, at: now });
    return true;
  }

  async function nextColleague(row: EscalationRow): Promise<string | undefined> {
    const exclude = new Set([...(await repo.forItem(row.itemId)).map((r) => r.recipientId), ...(await repo.escalatedTo(row.itemId, row.recipientId))]);
    if (row.initiatorId) exclude.add(row.initiatorId);
    const chain = kinds[row.itemType]?.colleagues ?? deps.colleagues;
    return (await chain({ recipientId: row.recipientId, caseId: row.caseId, itemId: row.itemId })).find((id) => !exclude.has(id));
  }

  /** One due row, one step, one transaction. */
  const step = (row: EscalationRow, now: number): Promise<string> => deps.transaction(async () => {
    const kind = kinds[row.itemType] ?? {};
    const state = (await kind.probe?.(row.itemId, row.recipientId)) ?? 'pending';
    if (state !== 'pending') return (await stop(row, state === 'opened' ? 'opened' : 'item_closed', now)) ? 'stopped' : 'skipped';
    const notice: StepNotice = {
      idemKey: `esc:${row.itemId}:${row.recipientId}`,
      itemType: row.itemType,
      itemId: row.itemId,
      caseId: row.caseId,
      recipientId: row.recipientId,
      initiatorId: row.initiatorId,
      since: row.createdAt,
    };
    const target = auditTarget(row);
    const afterMs = (await kind.waitMs?.(row.itemId)) ?? settings.afterMs;
    if (row.step === 0 && kind.reminder !== false) {
      if (!(await repo.advance(row.itemId, row.recipientId, 0, 1, now + afterMs))) return 'skipped';
      await repo.addStep({ itemId: row.itemId, recipientId: row.recipientId, action: 'reminded', at: now });
      await notifier.remind({ ...notice, idemKey: `${notice.idemKey}:remind` });
      audit.append({ actor: 'system', action: AUDIT_ACTIONS.escalationReminded, target, outcome: 'success', reason: row.itemType, at: now });
      if (settings.ding) {
        await repo.addStep({ itemId: row.itemId, recipientId: row.recipientId, action: 'ding', at: now });
        await notifier.ding({ ...notice, idemKey: `${notice.idemKey}:ding` });
        audit.append({ actor: 'system', action: AUDIT_ACTIONS.escalationDing, target, outcome: 'success', reason: row.itemType, at: now });
      }
      return 'reminded';
    }
    const asked = kind.reminder === false ? row.step : row.step - 1;
    const colleague = asked < settings.maxColleagues ? await nextColleague(row) : undefined;
    const tellInitiator = async (colleagueId: string | null) => {
      if (kind.tellInitiator && row.initiatorId) await notifier.tellInitiator({ ...notice, idemKey: `${notice.idemKey}:initiator:${colleagueId ?? 'none'}`, initiatorId: row.initiatorId, colleagueId });
    };
    if (!colleague) {
      if (!(await stop(row, 'chain_exhausted', now, 'exhausted'))) return 'skipped';
      await kind.exhausted?.(notice);
      await tellInitiator(null);
      return 'exhausted';
    }
    if (!(await repo.advance(row.itemId, row.recipientId, row.step, row.step + 1, now + afterMs))) return 'skipped';
    await repo.addStep({ itemId: row.itemId, recipientId: row.recipientId, action: 'escalated', targetId: colleague, at: now });
    const admitted = (await kind.admit?.({ ...notice, colleagueId: colleague })) ?? false;
    await notifier.escalate({ ...notice, idemKey: `${notice.idemKey}:to:${colleague}`, colleagueId: colleague, admitted });
    await tellInitiator(colleague);
    audit.append({ actor: 'system', action: AUDIT_ACTIONS.escalationEscalated, target, outcome: 'success', reason: `to:${colleague}`, at: now });
    return 'escalated';
  });

  return {
    /** Starts chasing an urgent item's recipients; returns how many were newly tracked. */
    async track(input: TrackInput, now = clock.now()): Promise<number> {
      if (!input.urgent) return 0;
      let added = 0;
      for (const recipientId of new Set(input.recipients)) {
        if (recipientId === input.initiatorId) continue;
        const created = await repo.insert({
          itemId: input.itemId,
          recipientId,
          itemType: input.itemType,
          caseId: input.caseId,
          initiatorId: input.initiatorId ?? null,
          status: 'active',
          step: 0,
          nextAt: now + (input.afterMs ?? settings.afterMs),
          createdAt: now,
        });
        if (created) added++;
      }
      return added;
    },

    /**
     * A clinician opened the item: their own escalation stops, and so does any recipient's on whose
     * behalf they had been asked (the colleague has picked it up). Returns how many stopped.
     */
    opened(itemId: string, clinicianId: string, now = clock.now()): Promise<number> {
      return deps.transaction(async () => {
        let stopped = 0;
        for (const row of await repo.forItem(itemId)) {
          if (row.status !== 'active') continue;
          if (row.recipientId === clinicianId) stopped += (await stop(row, 'opened', now)) ? 1 : 0;
          else if ((await repo.escalatedTo(itemId, row.recipientId)).includes(clinicianId)) stopped += (await stop(row, 'opened_by_colleague', now)) ? 1 : 0;
        }
        return stopped;
      });
    },

    /** The item is gone (destroyed, burned, withdrawn): nobody is chased for it any more. */
    cancel(itemId: string, reason = 'item_closed', now = clock.now()): Promise<number> {
      return deps.transaction(async () => {
        let stopped = 0;
        for (const row of await repo.forItem(itemId)) if (row.status === 'active' && (await stop(row, reason, now))) stopped++;
        return stopped;
      });
    },

    /** Takes every due step; one failing row is logged and retried after another wait. */
    async runDue(now = clock.now()): Promise<Record<string, number>> {
      const counts: Record<string, number> = {};
      for (const row of await repo.due(now, BATCH)) {
        metrics.timerLag('escalation', now - (row.nextAt ?? now));
        try {
          const outcome = await step(row, now);
          counts[outcome] = (counts[outcome] ?? 0) + 1;
        } catch (err) {
          // Ids and the error code only; the message of a PHI-guard refusal names no value.
          logger.error({ code: 'escalation.step_failed', itemId: row.itemId, err: (err as Error).message }, 'escalation step failed');
          await repo.advance(row.itemId, row.recipientId, row.step, row.step, now + settings.afterMs);
          counts.failed = (counts.failed ?? 0) + 1;
        }
      }
      return counts;
    },

    /** Lets an item type say whether a recipient already opened it. */
    useProbe(itemType: EscalationItemType, probe: ItemProbe): void {
      kinds[itemType] = { ...kinds[itemType], probe };
    },

    /** Registers (or extends) how an item type is chased: its probe, chain, admit and initiator notices. */
    useKind(itemType: EscalationItemType, kind: EscalationKind): void {
      kinds[itemType] = { ...kinds[itemType], ...kind };
    },

    /** Step history of these items, oldest first (for `receipts`). */
    stepsFor(itemIds: readonly string[]): Promise<EscalationStepRow[]> {
      return repo.steps(itemIds);
    },

    stateOf(itemId: string): Promise<EscalationRow[]> {
      return repo.forItem(itemId);
    },
  };
}

export type EscalationService = ReturnType<typeof createEscalationService>;
