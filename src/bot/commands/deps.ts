import type { AuditSink } from '../../shared/audit-sink.js';
import type { DirectoryRepository } from '../../domain/directory/directory-repository.js';
import type { OutboxService } from '../../domain/outbox/outbox-service.js';
import type { OutboxIntent } from '../../dingtalk/outbox-handlers.js';
import type { SecureSharing } from '../../secure-sharing.js';
import type { Clock } from '../../shared/clock.js';
import type { ViewTokens } from '../../domain/sharing/view-token.js';
import type { Notifier } from '../outbound.js';
import type { EscalationService } from '../../domain/escalation/escalation-service.js';
import type { BurnAfterReading } from '../../burn-after-reading.js';

/** What the chat commands are built from (all of it: the bot has no reduced mode). */
export interface CommandDeps {
  directoryRepo: DirectoryRepository;
  secure: SecureSharing;
  outbox: OutboxService<OutboxIntent>;
  /** Base URL of this service, for the links the bot sends (forms, uploads, viewer). */
  publicUrl: string;
  clock: Clock;
  audit: AuditSink;
  notify: Notifier;
  viewTokens: ViewTokens;
  burn: BurnAfterReading;
  /** Unread escalation of urgent items; its steps show in `receipts`. */
  escalation: Pick<EscalationService, 'stepsFor'>;
}
