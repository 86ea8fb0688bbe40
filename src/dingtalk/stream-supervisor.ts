import type { Logger } from '../shared/logger.js';
import { backoffDelay } from '../shared/backoff.js';
import type { StreamClient } from './stream-client.js';

/**
 * Owns the stream connection's life: connects, and after any failure or closed socket reconnects
 * with exponential backoff and jitter. Single-flight: at most one attempt or timer at a time, which
 * is the fix for the SDK 2.1.5 "two reconnect loops" storm.
 */
export interface SupervisorOptions {
  client: StreamClient;
  logger: Logger;
  baseDelayMs?: number;
  maxDelayMs?: number;
  random?: () => number;
}

export class StreamSupervisor {
  private attempt = 0;
  private timer: NodeJS.Timeout | undefined;
  private connecting = false;
  private stopped = true;
  private connectedOnce: Promise<void>;
  private resolveConnected!: () => void;
  /** Delays chosen so far; tests read it to see the backoff. */
  readonly delays: number[] = [];
  connects = 0;

  constructor(private readonly opts: SupervisorOptions) {
    this.connectedOnce = new Promise((r) => (this.resolveConnected = r));
  }

  /** Starts connecting in the background; `whenConnected()` resolves on the first success. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    void this.tryConnect();
  }

  whenConnected(): Promise<void> {
    return this.connectedOnce;
  }

  get connected(): boolean {
    return !this.stopped && this.opts.client.isOpen();
  }

  /** Called by the client when its socket closes. */
  onSocketClosed(): void {
    if (this.stopped) return;
    this.opts.logger.warn({ code: 'stream.closed' }, 'stream socket closed; reconnecting');
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.opts.client.disconnect();
  }

  private schedule(): void {
    if (this.stopped || this.timer || this.connecting) return;
    const policy = { baseMs: this.opts.baseDelayMs ?? 1000, maxMs: this.opts.maxDelayMs ?? 60_000 };
    const delay = backoffDelay(++this.attempt, policy, this.opts.random);
    this.delays.push(delay);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.tryConnect();
    }, delay);
    this.timer.unref?.();
  }

  private async tryConnect(): Promise<void> {
    if (this.stopped || this.connecting) return;
    this.connecting = true;
    try {
      await this.opts.client.getEndpoint();
      await this.opts.client._connect();
      this.attempt = 0;
      this.connects++;
      this.opts.logger.info({ code: 'stream.connected', connects: this.connects }, 'stream connected');
      this.resolveConnected();
    } catch (err) {
      this.opts.logger.warn({ code: 'stream.connect_failed', err: (err as Error).message }, 'stream connect failed');
      this.connecting = false;
      this.schedule();
      return;
    } finally {
      this.connecting = false;
    }
    if (this.stopped) this.opts.client.disconnect();
    else if (!this.opts.client.isOpen()) this.schedule();
  }
}
