import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { projectPath } from '../../src/shared/paths.js';
import { CHROMIUM_PATH, launchBrowser } from './browser.js';
import { ARTIFACTS, makeContext, runTests } from './harness.js';
import { startService } from './service.js';
import { allSpecs } from './specs/all.js';

/**
 * `npm run test:e2e [-- filter]`: builds the mini-app, starts the real service in sandbox mode on free
 * ports with a temporary data folder (a fresh one for each spec file), and drives Debian's chromium through the screens. Screenshots go
 * to test-artifacts/e2e/. Set E2E_SKIP_BUILD=1 to use the existing miniapp/dist.
 */
async function main(): Promise<number> {
  if (!existsSync(CHROMIUM_PATH)) {
    process.stderr.write(`No browser at ${CHROMIUM_PATH}: apt-get install -y chromium fonts-wqy-microhei\n`);
    return 2;
  }
  if (process.env.E2E_SKIP_BUILD !== '1' || !existsSync(projectPath('miniapp', 'dist', 'index.html'))) {
    process.stdout.write('building the mini-app…\n');
    execFileSync('npm', ['run', 'build', '-w', 'miniapp', '--silent'], { cwd: projectPath(), stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const browser = await launchBrowser();
  const only = process.argv[2];
  let passed = 0;
  const failed: string[] = [];
  try {
    process.stdout.write(`e2e (chromium ${browser.version()}); a fresh service per spec file\n`);
    for (const spec of allSpecs) {
      if (only && !spec.some((t) => t.name.includes(only))) continue;
      // Specs were written to start from the sandbox's seeded world: one spec's cases, bound groups and
      // saved language preferences must not change what the next one sees.
      const service = await startService();
      try {
        const run = await runTests(spec, makeContext(browser, service.baseUrl), only);
        passed += run.passed;
        failed.push(...run.failed);
        if (run.failed.length) process.stdout.write(`--- service output ---\n${service.output()}\n`);
      } finally {
        await service.stop();
      }
    }
    process.stdout.write(`\n${passed} passed, ${failed.length} failed; screenshots in ${ARTIFACTS}\n`);
    return failed.length ? 1 : 0;
  } finally {
    await browser.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`e2e run failed: ${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  },
);
