import { EventEmitter } from 'node:events';

/** Everything observable in the simulator, by name. Payloads are listed next to each name. */
export type SimEventName =
  | 'ack' // AckRecord, for CALLBACK/EVENT acks
  | 'pong' // AckRecord, for SYSTEM ping echoes
  | 'frame' // a downstream frame as sent
  | 'sent' // SentEntry
  | 'connection' // { connectionId }
  | 'close' // { connectionId }
  | 'registration' // { clientId, subscriptions }
  | 'redelivery' // un-ACKed: { messageId, previous, attempt }; after an ACK: { messageId, eventId, afterAck: true, connectionId }
  | 'call' // { method, path }
  | 'token' // { via: 'v1' | 'oapi' }
  | 'sceneGroup' // SceneGroupChange: a scene group made (or its members changed) through the API
  | 'yidaCallback'; // SimYidaCallback: a Yida integration callback the simulator POSTed to the service

/**
 * An event log with counts, so tests can wait for "the n-th ack since start" without racing: a
 * waiter registered after the event already happened still resolves.
 */
export class SimEvents extends EventEmitter {
  private readonly history = new Map<SimEventName, unknown[]>();

  record(name: SimEventName, payload: unknown): void {
    const list = this.history.get(name) ?? [];
    list.push(payload);
    this.history.set(name, list);
    this.emit(name, payload);
  }

  count(name: SimEventName): number {
    return this.history.get(name)?.length ?? 0;
  }

  all<T = unknown>(name: SimEventName): T[] {
    return [...(this.history.get(name) ?? [])] as T[];
  }

  /** Resolves with the first `n` payloads of `name` once at least `n` have happened since start. */
  waitFor<T = unknown>(name: SimEventName, n = 1, timeoutMs = 5_000): Promise<T[]> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        if (this.count(name) < n) return false;
        cleanup();
        resolve(this.all<T>(name).slice(0, n));
        return true;
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${n} '${name}' (saw ${this.count(name)})`));
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        this.off(name, check);
      };
      if (!check()) this.on(name, check);
    });
  }
}
