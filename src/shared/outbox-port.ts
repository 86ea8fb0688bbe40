/**
 * The outbox handler port: what the outbox worker calls for each row of a kind. The DingTalk edge
 * implements handlers (src/dingtalk/outbox-handlers.ts) without importing the domain's worker.
 */
export interface OutboxHandlerContext {
  idemKey: string;
  /** 1 on the first try. */
  attempt: number;
}

// Payloads arrive as parsed JSON; each handler knows its own kind's shape.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type OutboxHandler = (payload: any, ctx: OutboxHandlerContext) => Promise<unknown>;
