import type { Config } from '../config/config.js';
import type { Repositories } from './repositories.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import { createTicker } from '../shared/ticker.js';
import type { AuditSink } from '../shared/audit-sink.js';
import type { DirectoryRepository } from '../domain/directory/directory-repository.js';
import type { SharingService } from '../domain/sharing/sharing-service.js';
import type { Vault } from '../domain/vault/vault-service.js';
import { documentRetentionTargets } from '../domain/retention/document-retention.js';
import { createRetentionJob } from '../domain/retention/retention-job.js';
import { createRetentionRegistry } from '../domain/retention/retention-target.js';
import { escalationsTarget, burnMetadataTarget, outboxSentTarget, processedMessagesTarget, sandboxChatTarget } from '../domain/retention/retention-targets.js';

/**
 * Retention wired with the built-in targets (processed messages, sent outbox rows, finished
 * escalations, the sandbox chat's history, shared documents by institution). Other contexts add theirs through
 * `registry.register` (burn item metadata: `config.retention.ephemeralMs`, env RETENTION_EPHEMERAL_DAYS). The same wiring serves the
 * service's daily timer and the `npm run retention` CLI.
 */
export function createRetention(deps: {
  config: Pick<Readonly<Config>, 'retention' | 'dedupe'>;
  repos: Pick<Repositories, 'retention' | 'escalation' | 'chatHistory'>;
  vault: Pick<Vault, 'destroy'>;
  sharing: Pick<SharingService, 'markDestroyed'>;
  directory: Pick<DirectoryRepository, 'institutionByCode'>;
  audit: AuditSink;
  clock: Clock;
  logger: Logger;
}) {
  const { config, repos } = deps;
  const registry = createRetentionRegistry();
  const repo = repos.retention;
  registry.register(processedMessagesTarget(repo, config.dedupe.retentionMs));
  registry.register(outboxSentTarget(repo, config.retention.outboxSentMs));
  registry.register(escalationsTarget(repos.escalation, config.retention.escalationMs));
  registry.register(burnMetadataTarget(repo, config.retention.ephemeralMs));
  registry.register(sandboxChatTarget(repos.chatHistory, config.retention.sandboxChatMs));
  for (const t of documentRetentionTargets({
    repo,
    vault: deps.vault,
    sharing: deps.sharing,
    directory: deps.directory,
    policy: { defaultMs: config.retention.documentMs, byInstitution: config.retention.documentMsByInstitution },
  })) {
    registry.register(t);
  }
  const job = createRetentionJob({ registry, audit: deps.audit, clock: deps.clock, logger: deps.logger });
  const timer = createTicker(
    'retention',
    () => job.run().catch((err: Error) => deps.logger.error({ code: 'retention.failed', err: err.message }, 'retention run failed')),
    config.retention.intervalMs,
    deps.logger,
  );
  return { registry, job, timer };
}

export type Retention = ReturnType<typeof createRetention>;
