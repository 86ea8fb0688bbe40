import { createHmac, randomBytes } from 'node:crypto';

/**
 * Hand-made JWTs for the "forged" sign-ins: a wrong secret, `alg: none`, the right secret with a
 * missing or wrong audience or expiry, another algorithm. Written here on purpose (not with the
 * app's own JWT library), so a bug shared with that library cannot hide a forgery.
 */
const b64 = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');

export function signJwt(payload: Record<string, unknown>, secret: string, alg: 'HS256' | 'HS384' | 'HS512' | 'none' = 'HS256'): string {
  const head = `${b64({ alg, typ: 'JWT' })}.${b64(payload)}`;
  if (alg === 'none') return `${head}.`;
  const hash = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' }[alg];
  return `${head}.${createHmac(hash, secret).update(head).digest('base64url')}`;
}

/** Forged bearer tokens for `sub` (a real clinician id); `secret` is the service's, for the "right key, wrong claims" kinds. */
export function forgedTokens(sub: string, secret: string, nowMs: number): Record<string, string> {
  const now = Math.floor(nowMs / 1000);
  const app = { sub, aud: 'consultbridge.app', iat: now, exp: now + 600 };
  const admin = { sub, aud: 'consultbridge.admin', iat: now, exp: now + 600 };
  return {
    wrongSecret: signJwt(admin, randomBytes(16).toString('hex')),
    algNone: signJwt(admin, '', 'none'),
    noExp: signJwt({ sub, aud: 'consultbridge.admin', iat: now }, secret),
    noAud: signJwt({ sub, iat: now, exp: now + 600 }, secret),
    hs512: signJwt(admin, secret, 'HS512'),
    expired: signJwt({ ...admin, iat: now - 7200, exp: now - 3600 }, secret),
    appWrongSecret: signJwt(app, 'not-the-secret'),
    garbage: 'eyJhbGciOiJIUzI1NiJ9.e30.AAAA',
    empty: '',
  };
}
