import type { SentEntry } from '../../src/sandbox/sim-types.js';
import type { Simulator } from '../../src/sandbox/simulator.js';
import { hkidCheckChar } from '../../src/shared/hkid.js';

/**
 * Waiting for what the bot sent (the simulator's log) without fixed sleeps: poll until a matching
 * entry appears after index `from`, or fail after `timeoutMs`.
 */
export async function sentSince(sim: Simulator, from: number, match: (e: SentEntry) => boolean, timeoutMs = 15_000, what = 'a matching message'): Promise<SentEntry> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (let i = from; i < sim.sent.length; i++) if (match(sim.sent[i]!)) return sim.sent[i]!;
    if (Date.now() > deadline) throw new Error(`no ${what} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Polls `check` until it returns something other than undefined/false; fails after `timeoutMs`. */
export async function until<T>(check: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A 1:1 message (robot batchSend or a 1:1 session webhook) to `userId`. */
export const toUser = (userId: string) => (e: SentEntry) => (e.via === 'oto' || e.via === 'webhook') && (e.userIds ?? []).includes(userId);

/** Says `text` in a group as `userId` and resolves with the first 1:1 answer to them that matches. */
export async function sayAndAwait1to1(sim: Simulator, group: string, userId: string, text: string, contains: string | RegExp, atUserIds?: string[]): Promise<SentEntry> {
  const from = sim.sent.length;
  sim.say(group, userId, text, atUserIds ? { atUserIds } : undefined);
  const ok = (t: string) => (typeof contains === 'string' ? t.includes(contains) : contains.test(t));
  return sentSince(sim, from, (e) => toUser(userId)(e) && ok(e.text), 15_000, `1:1 answer to "${text}"`);
}

/** Says `text` in a group and resolves with the first group message (webhook/robot/card) containing `contains`. */
export async function sayAndAwaitGroup(sim: Simulator, group: string, userId: string, text: string, contains: string | RegExp, atUserIds?: string[]): Promise<SentEntry> {
  const from = sim.sent.length;
  sim.say(group, userId, text, atUserIds ? { atUserIds } : undefined);
  const ok = (t: string) => (typeof contains === 'string' ? t.includes(contains) : contains.test(t));
  return sentSince(sim, from, (e) => e.conversationId === group && ok(e.text), 15_000, `group answer to "${text}"`);
}

/** A made-up, check-digit-valid HKID for patient n (letter Z, six digits). */
export function syntheticHkid(n: number): string {
  const digits = String(n % 1_000_000).padStart(6, '0');
  return `Z${digits}(${hkidCheckChar('Z', digits)})`;
}

const CODE_CHARS = '23456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A case code in the valid shape, from a seeded random source (probably no such case). */
export function randomCaseCode(rand: () => number): string {
  let s = 'C-';
  for (let i = 0; i < 5; i++) s += CODE_CHARS[Math.floor(rand() * CODE_CHARS.length)];
  return s;
}

/** The seeded PRNG the simulator uses too, so a scenario's random choices repeat with `--seed`. */
export { seeded } from '../../src/shared/seeded-random.js';
