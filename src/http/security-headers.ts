import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

export interface SecurityHeaderOptions {
  /** Served over https (PUBLIC_URL): adds upgrade-insecure-requests. Off for the http sandbox. */
  https: boolean;
  /**
   * Who may frame our pages. DingTalk opens an H5 micro-app as the top-level document of its own
   * webview (mobile and PC client), so no DingTalk origin needs to frame us: 'self' only, which also
   * keeps clickjacking out. A deployment embedding the app in DingTalk's web workbench would add
   * its origin here (e.g. https://*.dingtalk.com).
   */
  frameAncestors?: string[];
}

/**
 * Helmet with a strict CSP for the mini-app and API (there are no server-rendered pages with inline
 * script; a handler that set its own CSP header would replace this default for that response).
 *  - script-src 'self': no inline or eval'd script (pdf.js must run with isEvalSupported: false).
 *  - style-src 'unsafe-inline': antd's CSS-in-JS injects <style> elements at run time.
 *  - img-src data: blob:, worker-src blob:: antd icons and pdf.js canvases/worker.
 */
export async function registerSecurityHeaders(app: FastifyInstance, opts: SecurityHeaderOptions): Promise<void> {
  const frameAncestors = opts.frameAncestors ?? ["'self'"];
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        workerSrc: ["'self'", 'blob:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors,
        ...(opts.https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
    // X-Frame-Options for browsers without frame-ancestors; only meaningful while we frame ourselves at most.
    frameguard: frameAncestors.length === 1 && frameAncestors[0] === "'self'" ? { action: 'sameorigin' } : false,
    hsts: opts.https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  });
}
