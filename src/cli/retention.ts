import { loadConfig } from '../config/config.js';
import { openBlobs } from '../compose/blobs.js';
import { openKeys } from '../compose/keys.js';
import { createRetention } from '../compose/retention-module.js';
import { openRepositories } from '../compose/storage.js';
import { formatRetentionTable } from '../domain/retention/retention-report.js';
import { createSharingService } from '../domain/sharing/sharing-service.js';
import { createVault } from '../domain/vault/vault-service.js';
import { systemClock } from '../shared/clock.js';
import { silentLogger } from '../shared/logger.js';
import { exitWith } from './cli-exit.js';

const HELP = `Usage: npm run retention -- <command>

  dry-run   Show, per data type, its retention and how much is past it now. Changes nothing.
  run       Purge it: delete expired rows, shred expired documents (key erased, ciphertext deleted),
            and write one retention.purged audit entry per data type with the count.
  help      Show this text.

Reads DATABASE_URL, KEY_DIR, MASTER_KEY and the RETENTION_* settings like the service (which runs
the same purge every RETENTION_INTERVAL_HOURS). The audit log is never purged.
`;

async function main(argv: string[]): Promise<number> {
  const command = argv[0] ?? 'help';
  if (command !== 'dry-run' && command !== 'run') {
    (command === 'help' || command === '--help' ? process.stdout : process.stderr).write(HELP);
    return command === 'help' || command === '--help' ? 0 : 2;
  }
  const config = loadConfig(process.env);
  const { storage, repos } = await openRepositories(config.databaseUrl);
  const clock = systemClock;
  // The service's keys (files on SQLite, shared settings and the database's keyring on PostgreSQL).
  const keys = await openKeys(config, storage, clock);
  // The dry run writes nothing, so it never opens the audit log for writing.
  const log = command === 'run'
    ? await repos.openAuditLog({ clock, signer: keys.signer, logger: silentLogger, region: config.residency.region })
    : undefined;
  const audit = log ?? { append: () => -1 };
  try {
    const vault = createVault({
      repo: repos.vault,
      blobs: openBlobs(config, storage, clock),
      keyring: keys.keyring,
      clock,
    });
    const { job } = createRetention({
      config,
      repos,
      vault,
      sharing: createSharingService({ repo: repos.documents, transaction: repos.transaction, audit, clock }),
      directory: repos.directory,
      audit,
      clock,
      logger: silentLogger,
    });
    if (command === 'dry-run') {
      console.log('Dry run: nothing is deleted.');
      console.log(formatRetentionTable(await job.plan(), 'would purge'));
      return 0;
    }
    const rows = await job.run();
    console.log(formatRetentionTable(rows, 'purged'));
    return rows.some((r) => r.failed) ? 1 : 0;
  } finally {
    await log?.close();
    await repos.close();
  }
}

exitWith('retention', main(process.argv.slice(2)));
