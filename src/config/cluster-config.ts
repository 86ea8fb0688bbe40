import { z } from 'zod';

/**
 * The settings that differ between the instances of a cluster, or tune how they hand work over
 * (README "Run a cluster"). One process on SQLite needs neither.
 */
const optional = z
  .string()
  .trim()
  .transform((s) => (s === '' ? undefined : s))
  .optional();

/** The cluster settings of the env schema (spread into config.ts's envSchema). */
export const clusterEnvShape = {
  /** Names this instance's claims on inbound messages and outbox sends; unset: the host name. */
  INSTANCE_ID: optional.pipe(z.string().max(64).regex(/^[A-Za-z0-9._:-]+$/, 'letters, digits and . _ : - only').optional()),
  /** Lease of an inbound claim, a card press and an outbox send (heartbeat-extended while handled): a dead instance's are taken over after it. */
  INBOUND_LEASE_SECONDS: z.coerce.number().int().min(3).max(3600).default(300),
};

/**
 * `instanceId` names this instance's claims on inbound messages and outbox sends (unset: the host
 * name); `inboundLeaseMs` is how long a dead instance's inbound claims, card presses and leased outbox
 * sends wait before another instance takes them over.
 */
export interface ClusterConfig {
  instanceId?: string;
  inboundLeaseMs: number;
}

type ClusterEnv = z.output<z.ZodObject<typeof clusterEnvShape>>;

export function clusterConfig(e: ClusterEnv): ClusterConfig {
  return { instanceId: e.INSTANCE_ID, inboundLeaseMs: e.INBOUND_LEASE_SECONDS * 1000 };
}
