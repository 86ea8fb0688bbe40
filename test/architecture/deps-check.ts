import { checkLayering, describeAllowed, describeViolation } from './layering.js';

/**
 * `npm run deps:check`: prints the layering report (rules in .dependency-cruiser.cjs). Exits 1 on a
 * new violation or a stale allowlist entry, as the architecture test does.
 */
async function main(): Promise<void> {
  const report = await checkLayering();
  console.log(`${report.modules} modules cruised under src/`);
  console.log(`\nNew violations (${report.fresh.length}):`);
  for (const v of report.fresh) console.log(`  ${describeViolation(v)}`);
  console.log(`\nAllowlist entries that no longer occur (${report.stale.length}):`);
  for (const a of report.stale) console.log(`  ${describeAllowed(a)}`);
  console.log(`\nKnown violations still allowed (${report.known.length}, config/architecture-allowlist.json):`);
  for (const v of report.known) console.log(`  ${describeViolation(v)}`);
  process.exitCode = report.fresh.length || report.stale.length ? 1 : 0;
}

void main();
