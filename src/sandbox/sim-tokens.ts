/**
 * App access tokens and H5 免登 auth codes. Like DingTalk, asking again while a token is valid returns
 * the same token with its lifetime extended; after expiry (or `expireAll`) a new one is issued.
 */
import type { Clock } from '../shared/clock.js';
import { newAccessToken, newAuthCode } from './sim-ids.js';

const AUTH_CODE_TTL_MS = 5 * 60_000;

export class SimTokens {
  private current: { token: string; expiresAt: number } | undefined;
  private readonly revoked = new Set<string>();
  private readonly authCodes = new Map<string, { userId: string; expiresAt: number }>();
  /** Successful token answers, on either host. */
  issued = 0;

  constructor(
    private readonly clock: Clock,
    private readonly lifetimeMs: number,
  ) {}

  /** Returns the app token and its remaining lifetime in seconds. */
  issue(): { token: string; expiresInSec: number } {
    const now = this.clock.now();
    if (!this.current || this.current.expiresAt <= now) this.current = { token: newAccessToken(), expiresAt: 0 };
    this.current.expiresAt = now + this.lifetimeMs;
    this.issued++;
    return { token: this.current.token, expiresInSec: Math.floor(this.lifetimeMs / 1000) };
  }

  isValid(token: string | undefined | null): boolean {
    if (!token || !this.current || this.revoked.has(token)) return false;
    return this.current.token === token && this.current.expiresAt > this.clock.now();
  }

  /** Invalidates every token issued so far (the next request must fetch a new one). */
  expireAll(): void {
    if (this.current) this.revoked.add(this.current.token);
    this.current = undefined;
  }

  issueAuthCode(userId: string): string {
    const code = newAuthCode();
    this.authCodes.set(code, { userId, expiresAt: this.clock.now() + AUTH_CODE_TTL_MS });
    return code;
  }

  /** Single use: the code is gone after this call, whether or not it was still valid. */
  redeemAuthCode(code: string): string | undefined {
    const entry = this.authCodes.get(code);
    this.authCodes.delete(code);
    if (!entry || entry.expiresAt <= this.clock.now()) return undefined;
    return entry.userId;
  }
}
