import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { ACCESS_ACTIONS } from '../domain/access/access-vocabulary.js';
import type { OutboxRepository } from '../domain/outbox/outbox-repository.js';
import type { Clock } from '../shared/clock.js';
import type { InboundKind, InboundOutcome, Metrics, TimerName } from '../shared/metrics.js';
import { processMetricsRegistry, withLabel } from './process-metrics.js';

/** What the gauges read on each scrape. */
export interface MetricsSources {
  /** Every series carries it as `instance_id` (`instance` is the label Prometheus sets on its own). */
  instanceId: string;
  clock: Clock;
  outbox: Pick<OutboxRepository, 'countOf' | 'oldestDueCreatedAt'>;
  audit: { readonly size: number };
  /** Whether the one-off after-ready backfills are still running (after-ready.ts). */
  backgroundJobs: { readonly running: boolean };
}

export interface ServiceMetrics {
  /** The recording port handed to the inbound path, the schedulers and the policy engine. */
  port: Metrics;
  /** The Prometheus text exposition of everything, gauges read now. */
  scrape(): Promise<{ contentType: string; body: string }>;
  /** Drops this service's metrics (the service has stopped); the process metrics stay for the next. */
  close(): void;
}

const P = 'consultbridge_';
const KINDS: readonly InboundKind[] = ['robot', 'event', 'card'];
const TIMERS: readonly TimerName[] = ['burn', 'escalation'];
const ACTIONS = new Set<string>(ACCESS_ACTIONS);
/** Timer lag buckets in seconds: burn polls every 250 ms, escalation every 15 s. */
const LAG_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15, 30, 60, 300, 900];

/**
 * One registry per service (tests run several in a process): the inbound, timer and access counters
 * the port moves and gauges computed on scrape from the outbox repository and the audit log. The
 * scrape adds prom-client's default process metrics (RSS, heap, event-loop lag), collected once per
 * process (process-metrics.ts), with this service's instance id. Every label value comes from a fixed
 * set: never an id, a case code or anything a user typed.
 */
export function createServiceMetrics(src: MetricsSources): ServiceMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ instance_id: src.instanceId });
  const processRegistry = processMetricsRegistry();
  const registers = [registry];

  const inbound: Record<InboundOutcome, Counter<'kind'>> = {
    received: new Counter({ name: `${P}inbound_received_total`, help: 'Inbound frames claimed for the first time', labelNames: ['kind'], registers }),
    handled: new Counter({ name: `${P}inbound_handled_total`, help: 'Inbound frames handled to the end', labelNames: ['kind'], registers }),
    duplicate: new Counter({ name: `${P}inbound_duplicates_total`, help: 'Redelivered or replayed inbound frames dropped', labelNames: ['kind'], registers }),
    dead_letter: new Counter({ name: `${P}inbound_dead_letters_total`, help: 'Inbound frames dead-lettered', labelNames: ['kind'], registers }),
    malformed: new Counter({ name: `${P}inbound_malformed_total`, help: 'Frames ACKed and dropped as malformed', labelNames: ['kind'], registers }),
  };
  for (const outcome of ['received', 'handled', 'duplicate', 'dead_letter'] as const) for (const kind of KINDS) inbound[outcome].inc({ kind }, 0);
  inbound.malformed.inc({ kind: 'frame' }, 0);
  const decisions = new Counter({ name: `${P}access_decisions_total`, help: 'Policy engine decisions', labelNames: ['action', 'outcome'], registers });
  for (const action of [...ACTIONS, 'other']) for (const outcome of ['allowed', 'denied']) decisions.inc({ action, outcome }, 0);
  const lag = new Histogram({
    name: `${P}timer_lag_seconds`,
    help: 'How long after its deadline a due burn or escalation step was handled',
    labelNames: ['timer'],
    buckets: LAG_BUCKETS,
    registers,
  });
  for (const timer of TIMERS) lag.zero({ timer });

  new Gauge({
    name: `${P}outbox_depth`,
    help: 'Outbox rows waiting to be sent (pending, due or backing off)',
    registers,
    async collect() {
      this.set(await src.outbox.countOf('pending'));
    },
  });
  new Gauge({
    name: `${P}outbox_dead_letters`,
    help: 'Outbox rows given up on (dead), until an admin retries or discards them',
    registers,
    async collect() {
      this.set(await src.outbox.countOf('dead'));
    },
  });
  new Gauge({
    name: `${P}outbox_oldest_due_age_seconds`,
    help: 'Age of the oldest outbox row that is due now (0 when none is)',
    registers,
    async collect() {
      const now = src.clock.now();
      const at = await src.outbox.oldestDueCreatedAt(now);
      this.set(at === null ? 0 : Math.max(0, now - at) / 1000);
    },
  });
  new Gauge({
    name: `${P}audit_entries`,
    help: 'Entries in the audit log (Merkle tree size)',
    registers,
    collect() {
      this.set(src.audit.size);
    },
  });

  new Gauge({
    name: `${P}background_jobs_running`,
    help: 'Whether the one-off backfills after ready are still running (1) or have run out (0)',
    registers,
    collect() {
      this.set(src.backgroundJobs.running ? 1 : 0);
    },
  });

  return {
    port: {
      inbound: (outcome, kind) => inbound[outcome].inc({ kind }),
      timerLag: (timer, lateMs) => lag.observe({ timer }, Math.max(0, lateMs) / 1000),
      accessDecision: (action, allowed) =>
        decisions.inc({ action: ACTIONS.has(action) ? action : 'other', outcome: allowed ? 'allowed' : 'denied' }),
    },
    async scrape() {
      const own = await registry.metrics();
      const processText = withLabel(await processRegistry.metrics(), 'instance_id', src.instanceId);
      return { contentType: registry.contentType, body: `${own}\n${processText}` };
    },
    close() {
      registry.clear();
    },
  };
}
