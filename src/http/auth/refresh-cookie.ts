import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * The refresh token travels only in this cookie: HttpOnly (no script can read it), SameSite=Strict
 * (no cross-site request carries it, which is the CSRF defence for /refresh and /logout), and scoped
 * to /api/auth so no other route ever receives it. The access token goes in JSON bodies instead.
 */
export const REFRESH_COOKIE = 'cb_refresh';
export const REFRESH_COOKIE_PATH = '/api/auth';

/**
 * Secure everywhere except a sandbox served over plain http on the loopback address, where the
 * browser would otherwise drop the cookie and the demo login could never refresh.
 */
export function refreshCookieSecure(publicUrl: string, sandbox: boolean): boolean {
  const loopbackHttp = /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/|$)/i.test(publicUrl);
  return !(sandbox && loopbackHttp);
}

function cookie(value: string, maxAgeS: number, secure: boolean): string {
  const parts = [`${REFRESH_COOKIE}=${value}`, `Path=${REFRESH_COOKIE_PATH}`, `Max-Age=${maxAgeS}`, 'HttpOnly', 'SameSite=Strict'];
  if (secure) parts.push('Secure');
  return parts.join('; ');
}

export function setRefreshCookie(reply: FastifyReply, token: string, expiresAt: number, now: number, secure: boolean): void {
  reply.header('set-cookie', cookie(token, Math.max(0, Math.floor((expiresAt - now) / 1000)), secure));
}

export function clearRefreshCookie(reply: FastifyReply, secure: boolean): void {
  reply.header('set-cookie', cookie('', 0, secure));
}

/** The refresh token from the Cookie header (no cookie plugin: this is the only cookie we read). */
export function readRefreshCookie(req: FastifyRequest): string | undefined {
  const header = req.headers.cookie ?? '';
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === REFRESH_COOKIE) {
      const value = part.slice(eq + 1).trim();
      // Our tokens are base64url; anything else is not ours and is ignored rather than decoded.
      return /^[A-Za-z0-9_-]{20,200}$/.test(value) ? value : undefined;
    }
  }
  return undefined;
}
