import { makeContext, type E2eContext } from './harness.js';
import { startService } from './service.js';

/**
 * Runs `steps` against a service of the spec's own, started with `env` (settings the shared service
 * must not have, e.g. a one-minute referral window), in fresh browser profiles on the runner's browser.
 * On a failure the open pages are captured (FAILED-<label>-<n>.png) and the service's output is
 * printed; the profiles are closed and the service stopped in any case.
 */
export async function withOwnService(ctx: E2eContext, env: Readonly<Record<string, string>>, label: string, steps: (own: E2eContext) => Promise<void>): Promise<void> {
  const service = await startService({ env });
  const own = makeContext(ctx.browser, service.baseUrl);
  try {
    await steps(own);
  } catch (err) {
    await own.captureOpenPages(label);
    process.stdout.write(`--- ${label}: its own service's output ---\n${service.output()}\n`);
    throw err;
  } finally {
    await own.closeAll();
    await service.stop();
  }
}
