import { BlockList, isIP } from 'node:net';
import { z } from 'zod';

/**
 * The Yida form archive's settings (README "Yida form archive"). The callback is the one endpoint
 * DingTalk calls in: without YIDA_CALLBACK_SECRET it is off (404 `yida.disabled`). No Yida signature
 * is documented, so the secret travels in a header the form's integration sets, and
 * YIDA_CALLBACK_SOURCES may narrow where calls may come from.
 */
const optional = z
  .string()
  .trim()
  .transform((s) => (s === '' ? undefined : s))
  .optional();

const CIDR = /^([0-9.]+|[0-9a-fA-F:]+)(\/\d{1,3})?$/;

/** The Yida settings of the env schema (spread into config.ts's envSchema). */
export const yidaEnvShape = {
  YIDA_CALLBACK_SECRET: optional.pipe(z.string().min(24, 'must be at least 24 characters').optional()),
  YIDA_CALLBACK_SOURCES: z.string().trim().default('')
    .refine((s) => s === '' || s.split(',').every((c) => CIDR.test(c.trim()) && isIP(c.trim().split('/')[0]!) !== 0), 'comma list of IP addresses or CIDR ranges'),
  /** The Yida app's systemToken (Yida app settings → 应用设置 → 部署运维), sent with each form-data read. */
  YIDA_SYSTEM_TOKEN: optional,
  /** The DingTalk userId the form-data reads run as (a user who may read the forms). */
  YIDA_USER_ID: optional,
  YIDA_CALLBACK_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(120),
};

export interface YidaConfig {
  /** undefined: the callback is switched off. */
  callbackSecret?: string;
  /** CIDR ranges allowed to call; empty: any source (the secret still applies). */
  callbackSources: readonly string[];
  systemToken?: string;
  userId?: string;
  ratePerMinute: number;
}

type YidaEnv = z.output<z.ZodObject<typeof yidaEnvShape>>;

export function yidaConfig(e: YidaEnv): YidaConfig {
  return {
    callbackSecret: e.YIDA_CALLBACK_SECRET,
    callbackSources: Object.freeze(e.YIDA_CALLBACK_SOURCES.split(',').map((s) => s.trim()).filter(Boolean)),
    systemToken: e.YIDA_SYSTEM_TOKEN,
    userId: e.YIDA_USER_ID,
    ratePerMinute: e.YIDA_CALLBACK_RATE_PER_MINUTE,
  };
}

/** Whether an address is in one of the ranges (IPv4-mapped IPv6 addresses count as IPv4). */
export function sourceAllowed(sources: readonly string[], address: string): boolean {
  if (sources.length === 0) return true;
  const plain = address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
  const family = isIP(plain);
  if (family === 0) return false;
  const list = new BlockList();
  for (const s of sources) {
    const [ip, bits] = s.split('/') as [string, string | undefined];
    const f = isIP(ip) === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) list.addAddress(ip, f);
    else list.addSubnet(ip, Number(bits), f);
  }
  return list.check(plain, family === 6 ? 'ipv6' : 'ipv4');
}
