import { describe, expect, it } from 'vitest';
import { createViewTokens } from '../../src/domain/sharing/view-token.js';

describe('view tokens', () => {
  const tokens = createViewTokens('s'.repeat(32));
  it('round-trips one viewer and one document until it expires', () => {
    const { token, expiresAt } = tokens.issue('doc-1', 'clin-1', 1000, 60_000);
    expect(expiresAt).toBe(61_000);
    expect(tokens.verify(token, 2000)).toEqual({ d: 'doc-1', v: 'clin-1', exp: 61_000, aud: 'consultbridge.view' });
    expect(() => tokens.verify(token, 61_000)).toThrow(expect.objectContaining({ code: 'token.expired' }));
  });
  it('refuses a tampered body, a tampered signature, another secret and garbage', () => {
    const { token } = tokens.issue('doc-1', 'clin-1', 1000);
    const [body, sig] = token.split('.') as [string, string];
    const forged = Buffer.from(JSON.stringify({ d: 'doc-2', v: 'clin-1', exp: 9e15 })).toString('base64url');
    for (const bad of [`${forged}.${sig}`, `${body}.${sig.slice(0, -2)}AA`, createViewTokens('x'.repeat(32)).issue('doc-1', 'clin-1', 1000).token.replace(/^[^.]+/, body), 'nope', `${body}.${sig}.x`]) {
      expect(() => tokens.verify(bad, 2000)).toThrow(expect.objectContaining({ code: 'token.invalid' }));
    }
  });
});

describe('view tokens need their audience', () => {
  it('When a correctly signed token has no aud, or another kind of view’s aud, then it is refused', async () => {
    const { createHmac } = await import('node:crypto');
    const secret = 's'.repeat(32);
    const tokens = createViewTokens(secret);
    const sign = (claims: object) => {
      const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
      return `${body}.${createHmac('sha256', `view:${secret}`).update(body).digest('base64url')}`;
    };
    expect(tokens.verify(sign({ d: 'doc-1', v: 'clin-1', exp: 9e12, aud: 'consultbridge.view' }), 1000).d).toBe('doc-1');
    for (const bad of [sign({ d: 'doc-1', v: 'clin-1', exp: 9e12 }), sign({ d: 'doc-1', v: 'clin-1', exp: 9e12, aud: 'consultbridge.burn' }), sign({ d: 'doc-1', v: 'clin-1', aud: 'consultbridge.view' })]) {
      expect(() => tokens.verify(bad, 1000)).toThrow(expect.objectContaining({ code: 'token.invalid' }));
    }
    const burn = createViewTokens(secret, 'consultbridge.burn');
    expect(() => tokens.verify(burn.issue('doc-1', 'clin-1', 1000).token, 2000)).toThrow(expect.objectContaining({ code: 'token.invalid' }));
  });
});
