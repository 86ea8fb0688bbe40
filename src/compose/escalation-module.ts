import type { Repositories } from './repositories.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import type { Metrics } from '../shared/metrics.js';
import { createTicker } from '../shared/ticker.js';
import type { AuditSink } from '../shared/audit-sink.js';
import type { DirectoryRepository } from '../domain/directory/directory-repository.js';
import type { DocumentRepository } from '../domain/sharing/document-repository.js';
import { documentEscalationKind } from '../domain/sharing/document-escalation.js';
import type { GrantService } from '../domain/grants/grant-service.js';
import { grantTtlMs, type SharingSettings } from '../domain/sharing/sharing-settings.js';
import { createEscalationChain, type ChainLink } from '../domain/escalation/escalation-chain.js';
import type { EscalationNotifier } from '../domain/escalation/escalation-port.js';
import { createEscalationService, type EscalationSettings } from '../domain/escalation/escalation-service.js';

export const DEFAULT_ESCALATION_TICK_MS = 15_000;

/**
 * The escalation context wired: repository, colleague chain, service and its scheduler. The
 * scheduler only notices due rows sooner or later; deadlines are in the database, so `start()`
 * after a restart takes whatever fell due while the service was down.
 */
export function createEscalation(deps: {
  repos: Pick<Repositories, 'transaction' | 'escalation'>;
  notifier: EscalationNotifier;
  directory: Pick<DirectoryRepository, 'findById' | 'inSpecialty'>;
  attendingsOf: (caseId: string) => Promise<string[]>;
  documents: Pick<DocumentRepository, 'find' | 'receiptsForCase'>;
  /** Lets the colleague an urgent document's escalation asks open that document. */
  grants: Pick<GrantService, 'createItemGrant'>;
  /** That colleague's grant runs as long as an emergency approval would (`grantTtlMs(…, 'emergency')`). */
  sharingSettings: Pick<SharingSettings, 'approvalGrantTtlMs' | 'grantDurationByPurpose'>;
  audit: AuditSink;
  clock: Clock;
  logger: Logger;
  settings: EscalationSettings & { chain: readonly ChainLink[] };
  tickMs?: number;
  metrics?: Metrics;
}) {
  const repo = deps.repos.escalation;
  /** A colleague chain over these links, for item types that choose their own (see EscalationKind). */
  const chain = (links: readonly ChainLink[]) => createEscalationChain({ directory: deps.directory, attendingsOf: deps.attendingsOf, links });
  const service = createEscalationService({
    transaction: deps.repos.transaction,
    repo,
    notifier: deps.notifier,
    colleagues: chain(deps.settings.chain),
    audit: deps.audit,
    clock: deps.clock,
    logger: deps.logger,
    settings: deps.settings,
    // Urgent documents are chased like allergy alerts: same-specialty colleagues at the recipient's
    // institution, let in to act, the sharer told (domain/sharing/document-escalation.ts).
    kinds: {
      document: documentEscalationKind({ documents: deps.documents, grants: deps.grants, sameSpecialty: chain(['same_specialty']), grantTtlMs: grantTtlMs(deps.sharingSettings, 'emergency'), clock: deps.clock }),
    },
    metrics: deps.metrics,
  });
  const scheduler = createTicker('escalation', () => service.runDue(), deps.tickMs ?? DEFAULT_ESCALATION_TICK_MS, deps.logger);
  return { repo, service, scheduler, chain };
}
