import { describe } from 'vitest';
import { createPgInboxRepository } from '../../src/domain/inbox/inbox-repository-pg.js';
import type { InboxRepository } from '../../src/domain/inbox/inbox-repository.js';
import { inboundLeaseScenarios } from '../helpers/inbound-lease-scenarios.js';
import { usePgInstances } from '../helpers/pg-instances.js';
import { pgAvailable } from '../helpers/pg-test-db.js';

/** Two instances (two pools) on one PostgreSQL: a slow handler's lease is kept, a dead instance's claims are swept once. */
describe.skipIf(!pgAvailable())('inbound leases across two instances [postgres]', () => {
  const instances = usePgInstances(2, 'inbox_lease');
  const repos = (): [InboxRepository, InboxRepository] => {
    const [a, b] = instances.stores();
    return [createPgInboxRepository(a!), createPgInboxRepository(b!)];
  };
  inboundLeaseScenarios(repos);
});
