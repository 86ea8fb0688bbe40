import { afterAll, describe } from 'vitest';
import { createInboxRepository, type InboxRepository } from '../../src/domain/inbox/inbox-repository.js';
import { inboundLeaseScenarios } from '../helpers/inbound-lease-scenarios.js';
import { tempDb } from '../helpers/temp-db.js';

/** Inbound lease heartbeat, periodic takeover sweep and hand-back at stop, on SQLite (two instances, one file). */
describe('inbound leases: heartbeat, takeover sweep, hand-back [sqlite]', () => {
  const db = tempDb();
  afterAll(() => db.cleanup());
  const repos = (): [InboxRepository, InboxRepository] => [createInboxRepository(db.db, db.store), createInboxRepository(db.db, db.store)];
  inboundLeaseScenarios(repos);
});
