import type { Config } from '../config/config.js';
import type { Repositories } from './repositories.js';
import { createBurnNotices } from '../bot/burn-notices.js';
import type { Notifier } from '../bot/outbound.js';
import type { OutboxIntent } from '../dingtalk/outbox-handlers.js';
import type { AuditSink } from '../shared/audit-sink.js';
import type { DirectoryRepository } from '../domain/directory/directory-repository.js';
import { createBurnScheduler } from '../domain/burn/burn-scheduler.js';
import { createBurnAccess } from '../domain/burn/burn-access.js';
import { createBurnDestroyer } from '../domain/burn/burn-destroyer.js';
import { createBurnService } from '../domain/burn/burn-service.js';
import { createTextCipher } from '../domain/burn/text-cipher.js';
import type { OutboxService } from '../domain/outbox/outbox-service.js';
import { createViewTokens } from '../domain/sharing/view-token.js';
import type { SecureSharing } from './secure-sharing.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import type { Metrics } from '../shared/metrics.js';

/**
 * Burn-after-reading wired together: the burn service (create/peek/open), the destroyer and its
 * durable scheduler, the cards, and view tokens of their own (signed under another key than document
 * view tokens, so neither kind opens the other). Text keys are wrapped by the same keyring as the vault.
 */
export function createBurnAfterReading(deps: {
  config: Readonly<Config>;
  repos: Pick<Repositories, 'transaction' | 'burn'>;
  secure: SecureSharing;
  directoryRepo: DirectoryRepository;
  audit: AuditSink;
  clock: Clock;
  logger: Logger;
  notify: Notifier;
  outbox: OutboxService<OutboxIntent>;
  sessionSecret: string;
  pollMs?: number;
  metrics?: Metrics;
}) {
  const { config, repos, secure, directoryRepo, audit, clock, logger } = deps;
  const repo = repos.burn;
  const access = createBurnAccess({ repo, engine: secure.engine, cases: secure.casesRepo, queries: secure.cases.queries, grants: secure.grants, directory: directoryRepo });
  const notices = createBurnNotices({ notify: deps.notify, directoryRepo, casesRepo: secure.casesRepo });
  const service = createBurnService({
    transaction: repos.transaction,
    repo,
    access,
    vault: secure.vault,
    cipher: createTextCipher(secure.keyring),
    directory: directoryRepo,
    groupsOfCase: async (caseId) => (await secure.casesRepo.groupsOfCase(caseId)).map((g) => g.conversationId),
    notices,
    audit,
    clock,
    maxLifetimeMs: config.burn.maxLifetimeMs,
  });
  const destroyer = createBurnDestroyer({ transaction: repos.transaction, repo, vault: secure.vault, notices, audit, clock, logger, metrics: deps.metrics });
  return {
    service,
    destroyer,
    scheduler: createBurnScheduler({ destroyDue: destroyer.destroyDue, logger, pollMs: deps.pollMs }),
    viewTokens: createViewTokens(`burn:${deps.sessionSecret}`, 'consultbridge.burn'),
    repo,
  };
}

export type BurnAfterReading = ReturnType<typeof createBurnAfterReading>;
