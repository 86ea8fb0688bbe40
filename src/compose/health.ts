import { checkStorage, type StorageHealthOptions } from '../db/storage-health.js';
import type { HealthProbe } from '../http/health-routes.js';
import type { Service } from './service.js';

/**
 * /readyz's probe over a running service: its store reachable and migrated (one query per check,
 * both stores; see storage-health.ts) and its DingTalk Stream connection registered.
 */
export function serviceProbe(service: Pick<Service, 'storage' | 'receiver'>, opts?: StorageHealthOptions): HealthProbe {
  const storage = () => checkStorage(service.storage, opts);
  return {
    dbOpen: async () => (await storage()).reachable,
    migrationsApplied: async () => (await storage()).migrated,
    streamRegistered: () => service.receiver.registered,
  };
}
