/**
 * The metrics port: what the inbound path, the timers and the policy engine report, as counts and
 * durations with labels from fixed sets only (never an id, a case code or message text). The
 * Prometheus registry behind it is built in src/compose/metrics.ts; domain and edge code know only
 * this interface, and `noMetrics` when nobody listens (unit tests, tools).
 */
/** `frame`: a frame too malformed to tell what it was. */
export type InboundKind = 'robot' | 'event' | 'card' | 'frame';
export type InboundOutcome = 'received' | 'handled' | 'duplicate' | 'dead_letter' | 'malformed';
/** Schedulers whose deadlines live in the database. */
export type TimerName = 'burn' | 'escalation';

export interface Metrics {
  /** One inbound frame reached this outcome. */
  inbound(outcome: InboundOutcome, kind: InboundKind): void;
  /** A due row was handled `lateMs` after its deadline (0 or more). */
  timerLag(timer: TimerName, lateMs: number): void;
  /** The policy engine decided `action` (an access action name; others are counted as `other`). */
  accessDecision(action: string, allowed: boolean): void;
}

export const noMetrics: Metrics = {
  inbound: () => undefined,
  timerLag: () => undefined,
  accessDecision: () => undefined,
};
