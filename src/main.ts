import { ConfigError, loadConfig, type Config } from './config/config.js';
import { buildApp } from './compose/app.js';
import { createService } from './compose/service.js';
import { serviceProbe } from './compose/health.js';
import { systemClock } from './shared/clock.js';
import { createLogger } from './shared/logger.js';
import { startSandbox, type Sandbox } from './sandbox/sandbox-mode.js';
import { seedYidaDemo } from './sandbox/yida-demo.js';
import { loadPoliciesIsolated } from './domain/access/load-policies-isolated.js';
import { POLICY_DIR } from './domain/access/policy-dir.js';

/**
 * Entry point: validate config, start the DingTalk simulator when no credentials are set, start the
 * service, listen, and shut down gracefully on SIGINT/SIGTERM.
 */
async function main(): Promise<void> {
  const startedAt = performance.now();
  let config: Readonly<Config>;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  const logger = createLogger(config.logLevel);
  // Policies are checked in a child process while the simulator starts; invalid policies stop the start.
  const policies = loadPoliciesIsolated(POLICY_DIR);
  policies.catch(() => undefined);
  let sandbox: Sandbox | undefined;
  if (config.mode === 'sandbox') {
    sandbox = await startSandbox(config, logger);
    config = sandbox.config;
  }
  const service = await createService(config, { logger, clock: systemClock, policies: await policies });
  await sandbox?.seedDirectory(service.directoryRepo);
  await sandbox?.seedRoster(service.repos.rosters, service.directoryRepo);
  if (sandbox) await seedYidaDemo(sandbox.sim, service.secure.sealed.yida, { baseUrl: `http://127.0.0.1:${config.http.port}`, secret: config.yida.callbackSecret! }, Date.now());
  const app = await buildApp({
    logger,
    probe: serviceProbe(service),
    sandbox: sandbox?.sim,
    service,
    auth: { rateLimit: { max: config.http.authRateLimitPerMinute, timeWindowMs: 60_000 } },
  });
  await service.start();
  await app.listen({ port: config.http.port, host: config.http.host });
  await Promise.race([service.receiver.supervisor.whenConnected(), new Promise((r) => setTimeout(r, 5000))]);
  const readyMs = Math.round(performance.now() - startedAt);
  const url = `http://${config.http.host}:${config.http.port}`;
  printBanner(config, url, readyMs, sandbox);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    await app.close();
    await service.stop();
    await sandbox?.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

function printBanner(config: Readonly<Config>, url: string, readyMs: number, sandbox?: Sandbox): void {
  const lines = [
    '',
    `ConsultBridge is running (${config.mode} mode, ready in ${readyMs} ms)`,
    `  HTTP         ${url}  (health: ${url}/healthz, ready: ${url}/readyz)`,
    `  Database     ${config.databaseUrl}`,
    `  Data region  ${config.residency.region} (PHI_HOSTS: ${config.residency.phiHosts.join(', ') || 'none, this machine only'})`,
    `  DingTalk API ${config.dingtalk.apiBase}`,
    `  DingTalk OAPI ${config.dingtalk.oapiBase}`,
  ];
  if (sandbox) lines.push(...sandbox.describe());
  process.stdout.write(`${lines.join('\n')}\n\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`ConsultBridge failed to start: ${(err as Error).message}\n`);
  process.exit(1);
});
