import { z } from 'zod';
import { clusterConfig, clusterEnvShape, type ClusterConfig } from './cluster-config.js';
import { referralConfig, referralEnvShape, type ReferralConfig } from './referral-config.js';
import { yidaConfig, yidaEnvShape, type YidaConfig } from './yida-config.js';
import { databaseUrlProblem } from './database-url.js';
import { keyEnvShape, keysConfig, sharedKeyEnvProblems, type KeysConfig } from './keys-config.js';
import { DEFAULT_DATA_REGION, parsePhiHosts, REGION_PATTERN, residencyEnvProblems } from './residency.js';

/**
 * Every setting the service reads, validated once at start. `loadConfig` is pure: it takes an
 * env-like object and returns a frozen Config, or throws ConfigError listing every problem at once.
 */
const optionalString = z.string().trim().transform((s) => (s === '' ? undefined : s)).optional();

const url = (fallback: string) =>
  z
    .string()
    .trim()
    .default(fallback)
    .transform((s) => s.replace(/\/+$/, ''))
    .pipe(z.url({ protocol: /^https?$/ }));

export const envSchema = z
  .object({
    DINGTALK_CLIENT_ID: optionalString,
    DINGTALK_CLIENT_SECRET: optionalString,
    DINGTALK_ROBOT_CODE: optionalString,
    DINGTALK_CORP_ID: optionalString,
    DINGTALK_CARD_TEMPLATE_ID: z.string().trim().default('consultbridge-action.schema'),
    DINGTALK_SCENE_GROUP_TEMPLATE_ID: z.string().trim().min(1).default('consultbridge-alert-group'),
    DINGTALK_API_BASE: url('https://api.dingtalk.com'),
    DINGTALK_OAPI_BASE: url('https://oapi.dingtalk.com'),
    DATABASE_URL: z.string().trim().min(1).default('file:./data/consultbridge.db')
      .superRefine((u, ctx) => {
        const problem = databaseUrlProblem(u);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      }),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().trim().default('127.0.0.1'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    PUBLIC_URL: optionalString.pipe(z.url().optional()),
    ...keyEnvShape,
    AUDIT_CHECKPOINT_INTERVAL_MS: z.coerce.number().int().min(1000).default(60_000),
    OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(8),
    DEDUPE_RETENTION_HOURS: z.coerce.number().int().min(1).default(72),
    ESCALATION_AFTER_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(5),
    ESCALATION_DING: z.enum(['true', 'false']).default('false'),
    ESCALATION_DING_REMIND_TYPE: z.enum(['app', 'sms', 'phone']).default('app'),
    ESCALATION_CHAIN: z.string().trim().default('same_specialty')
      .pipe(z.string().regex(/^(same_specialty|case_attending)(,(same_specialty|case_attending))*$/, 'comma list of same_specialty, case_attending')),
    ESCALATION_MAX_COLLEAGUES: z.coerce.number().int().min(0).max(10).default(3),
    RETENTION_OUTBOX_SENT_DAYS: z.coerce.number().int().min(1).default(30),
    RETENTION_EPHEMERAL_DAYS: z.coerce.number().int().min(1).default(30),
    RETENTION_ESCALATION_DAYS: z.coerce.number().int().min(1).default(365),
    RETENTION_SANDBOX_CHAT_DAYS: z.coerce.number().int().min(1).default(30),
    RETENTION_DOCUMENT_YEARS: z.coerce.number().int().min(1).max(100).default(7),
    RETENTION_DOCUMENT_YEARS_BY_INSTITUTION: z.string().trim().default('')
      .pipe(z.string().regex(/^([A-Za-z0-9_-]+=\d{1,3}(,[A-Za-z0-9_-]+=\d{1,3})*)?$/, 'comma list of CODE=YEARS')),
    RETENTION_INTERVAL_HOURS: z.coerce.number().int().min(1).default(24),
    SANDBOX_PORT: z.coerce.number().int().min(0).max(65535).default(3100),
    ...clusterEnvShape, ...referralEnvShape, ...yidaEnvShape,
    AUTH_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(20),
    METRICS_TOKEN: optionalString.pipe(z.string().min(16, 'must be at least 16 characters').optional()),
    BURN_MAX_LIFETIME_HOURS: z.coerce.number().positive().max(168).default(24),
    ALERT_ARCHIVE_HOURS: z.coerce.number().positive().max(24 * 30).default(72),
    ALERT_READ_WINDOW_MINUTES: z.coerce.number().positive().min(1).max(24 * 60).default(10),
    WATERMARK_MODE: z.enum(['incremental', 'rewrite']).default('incremental'),
    UPLOAD_MAX_PAGES: z.coerce.number().int().min(1).max(100_000).default(1000),
    UPLOAD_MAX_OBJECTS: z.coerce.number().int().min(100).max(10_000_000).default(200_000),
    UPLOAD_MAX_NESTING: z.coerce.number().int().min(8).max(1000).default(64),
    UPLOAD_MAX_DECOMPRESSED_MB: z.coerce.number().positive().max(4096).default(256),
    UPLOAD_MAX_IMAGE_MEGAPIXELS: z.coerce.number().positive().max(1000).default(40),
    UPLOAD_CHECK_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
    RENDER_TIMEOUT_MS: z.coerce.number().int().min(1).max(600_000).default(10_000),
    RENDER_MEMORY_MB: z.coerce.number().int().min(32).max(16_384).default(256),
    RENDER_THREADS: z.coerce.number().int().min(0).max(64).default(0),
    RENDER_IDLE_SECONDS: z.coerce.number().min(0).max(86_400).default(60),
    /** A professional register lookup (README "Register check"); unset: register checks are the admin's own, recorded as manual. */
    REGISTER_LOOKUP_URL: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
    EHR_FHIR_BASE: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
    EHR_TOKEN_URL: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
    EHR_CLIENT_ID: optionalString,
    EHR_CLIENT_SECRET: optionalString,
    EHR_SCOPE: optionalString,
    EHR_IDENTIFIER_SYSTEM: z.string().trim().default('http://ehealth.gov.hk/fhir/hkid').pipe(z.url()),
    EHR_ID_SYSTEM_BASE: url('https://consultbridge.hk/fhir/sid'),
    EHR_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
    DATA_REGION: z.string().trim().default(DEFAULT_DATA_REGION).pipe(z.string().regex(REGION_PATTERN, 'one code such as HK (letters, digits, - or _)')),
    PHI_HOSTS: z.string().trim().default(''),
  });

/** Cross-field rules, checked on the raw env so they are reported together with field errors. */
function crossFieldProblems(env: Record<string, string | undefined>): string[] {
  const creds = ['DINGTALK_CLIENT_ID', 'DINGTALK_CLIENT_SECRET'] as const;
  const given = creds.filter((k) => (env[k] ?? '').trim() !== '');
  if (given.length !== 1) return [];
  const missing = creds.find((k) => !given.includes(k))!;
  return [`${missing}: required when ${given[0]} is set`];
}

/** A FHIR base without the OAuth2 client credentials would fail on the first write; say so at start. */
function ehrProblems(env: Record<string, string | undefined>): string[] {
  if ((env.EHR_FHIR_BASE ?? '').trim() === '') return [];
  return (['EHR_TOKEN_URL', 'EHR_CLIENT_ID', 'EHR_CLIENT_SECRET'] as const)
    .filter((k) => (env[k] ?? '').trim() === '')
    .map((k) => `${k}: required when EHR_FHIR_BASE is set`);
}

export type Env = z.infer<typeof envSchema>;

const DAY_MS = 86_400_000;
/** Retention years count 365.25 days: a "7 years" policy must never purge a day early. */
const YEAR_MS = Math.round(365.25 * DAY_MS);

export interface Config {
  mode: 'dingtalk' | 'sandbox';
  dingtalk: {
    clientId: string;
    clientSecret: string;
    robotCode: string;
    corpId: string;
    /** Interactive card template with variables title, text, buttons (see README). */
    cardTemplateId: string;
    apiBase: string;
    oapiBase: string;
  };
  databaseUrl: string;
  /** `metricsToken`: GET /metrics wants it as a Bearer token; without it, /metrics answers loopback only. */
  http: { port: number; host: string; publicUrl?: string; authRateLimitPerMinute: number; metricsToken?: string };
  logLevel: Env['LOG_LEVEL'];
  keys: KeysConfig;
  /** BLOB_DIR: a (shared) folder for ciphertext blobs; unset: beside the SQLite file, or in PostgreSQL. */
  blobs: { dir?: string };
  audit: { checkpointIntervalMs: number };
  outbox: { maxAttempts: number };
  dedupe: { retentionMs: number };
  escalation: {
    afterMs: number;
    ding: boolean;
    /** DING channel: in-app, SMS or phone call. */
    dingRemindType: 'app' | 'sms' | 'phone';
    chain: ReadonlyArray<'same_specialty' | 'case_attending'>;
    /** Colleagues tried, one per step, before the escalation gives up. */
    maxColleagues: number;
  };
  /**
   * incremental: the stamp is appended to the original PDF as an incremental update (~1 ms a view);
   * rewrite: the whole PDF is re-written with the stamp in every page (~9 ms), so cutting the file back
   * to the original length cannot recover an unstamped copy. See README "Watermarks".
   */
  viewing: {
    watermarkMode: 'incremental' | 'rewrite';
    /** What an untrusted file may cost to open (checked at upload, and at a stored file's first view). */
    limits: { maxPages: number; maxObjects: number; maxNesting: number; maxDecompressedBytes: number; maxImagePixels: number };
    /** Upload checks and stamps run in worker threads: per-job time limits, heap cap, threads (0 = one per CPU). */
    workers: { uploadCheckTimeoutMs: number; renderTimeoutMs: number; memoryMb: number; threads: number; idleMs: number };
  };
  /** Per data type; the audit log has no entry here: it is append-only and never purged. */
  retention: {
    /** `sandboxChatMs`: the sandbox chat's stored messages and groups (sandbox mode). */
    outboxSentMs: number; ephemeralMs: number; escalationMs: number; sandboxChatMs: number;
    documentMs: number;
    /** Institution code → document retention, overriding `documentMs`. */
    documentMsByInstitution: Readonly<Record<string, number>>;
    intervalMs: number;
  };
  sandbox: { port: number };
  cluster: ClusterConfig;
  /** Referral routing (referral-config.ts) and the Yida form archive (yida-config.ts). */
  referrals: ReferralConfig; yida: YidaConfig;
  /** Burn-after-reading: an item is destroyed at the latest this long after it was created. */
  burn: { maxLifetimeMs: number };
  /**
   * Emergency allergy alerts: scene-group template, when the temporary group is archived, and how
   * long each recipient may read the alert after their first open (then it burns and is recalled).
   */
  alerts: { sceneGroupTemplateId: string; archiveAfterMs: number; readWindowMs: number };
  /**
   * The EHR (eHRSS-like FHIR R4 server). No `fhirBase` = not configured, except in sandbox mode,
   * where the sandbox points it at the simulated FHIR endpoint.
   */
  ehr: {
    fhirBase?: string;
    tokenUrl?: string;
    clientId?: string;
    clientSecret?: string;
    scope?: string;
    /** Patient.identifier system under which the EHR files the HKID. */
    hkidSystem: string;
    /** Base of our own identifier systems (allergy record ids, shared report ids, registrations). */
    idSystemBase: string;
    timeoutMs: number;
  };
  /** `registerLookupUrl`: the register lookup endpoint; absent = manual register checks (in sandbox mode, the simulator's). */
  directory: { registerLookupUrl?: string };
  /** Where patient data may live: the declared region and the hosts that may receive it (README "Data residency"). */
  residency: { region: string; phiHosts: readonly string[] };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: Record<string, string | undefined>): Readonly<Config> {
  const parsed = envSchema.safeParse(env);
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`)),
    ...crossFieldProblems(env),
    ...ehrProblems(env),
    ...residencyEnvProblems(env),
    ...sharedKeyEnvProblems(env),
  ];
  if (!parsed.success || problems.length) throw new ConfigError(problems);
  const e = parsed.data;
  const sandbox = e.DINGTALK_CLIENT_ID === undefined;
  const clientId = e.DINGTALK_CLIENT_ID ?? 'sandbox-client';
  return Object.freeze({
    mode: sandbox ? 'sandbox' : 'dingtalk',
    dingtalk: {
      clientId,
      clientSecret: e.DINGTALK_CLIENT_SECRET ?? 'sandbox-secret',
      robotCode: e.DINGTALK_ROBOT_CODE ?? clientId,
      corpId: e.DINGTALK_CORP_ID ?? 'dingsandboxcorp',
      cardTemplateId: e.DINGTALK_CARD_TEMPLATE_ID,
      apiBase: e.DINGTALK_API_BASE,
      oapiBase: e.DINGTALK_OAPI_BASE,
    },
    databaseUrl: e.DATABASE_URL,
    http: { port: e.PORT, host: e.HOST, publicUrl: e.PUBLIC_URL, authRateLimitPerMinute: e.AUTH_RATE_LIMIT_PER_MINUTE, metricsToken: e.METRICS_TOKEN },
    logLevel: e.LOG_LEVEL,
    keys: keysConfig(e),
    blobs: { dir: e.BLOB_DIR },
    audit: { checkpointIntervalMs: e.AUDIT_CHECKPOINT_INTERVAL_MS },
    outbox: { maxAttempts: e.OUTBOX_MAX_ATTEMPTS },
    dedupe: { retentionMs: e.DEDUPE_RETENTION_HOURS * 3_600_000 },
    escalation: {
      afterMs: e.ESCALATION_AFTER_MINUTES * 60_000,
      ding: e.ESCALATION_DING === 'true',
      dingRemindType: e.ESCALATION_DING_REMIND_TYPE,
      chain: e.ESCALATION_CHAIN.split(',') as Array<'same_specialty' | 'case_attending'>,
      maxColleagues: e.ESCALATION_MAX_COLLEAGUES,
    },
    retention: {
      outboxSentMs: e.RETENTION_OUTBOX_SENT_DAYS * DAY_MS,
      ephemeralMs: e.RETENTION_EPHEMERAL_DAYS * DAY_MS,
      escalationMs: e.RETENTION_ESCALATION_DAYS * DAY_MS,
      sandboxChatMs: e.RETENTION_SANDBOX_CHAT_DAYS * DAY_MS,
      documentMs: e.RETENTION_DOCUMENT_YEARS * YEAR_MS,
      documentMsByInstitution: Object.fromEntries(
        e.RETENTION_DOCUMENT_YEARS_BY_INSTITUTION.split(',').filter(Boolean).map((kv) => {
          const [code, years] = kv.split('=') as [string, string];
          return [code, Number(years) * YEAR_MS];
        }),
      ),
      intervalMs: e.RETENTION_INTERVAL_HOURS * 3_600_000,
    },
    sandbox: { port: e.SANDBOX_PORT },
    cluster: clusterConfig(e), referrals: referralConfig(e), yida: yidaConfig(e),
    burn: { maxLifetimeMs: Math.round(e.BURN_MAX_LIFETIME_HOURS * 3_600_000) },
    viewing: {
      watermarkMode: e.WATERMARK_MODE,
      limits: {
        maxPages: e.UPLOAD_MAX_PAGES,
        maxObjects: e.UPLOAD_MAX_OBJECTS,
        maxNesting: e.UPLOAD_MAX_NESTING,
        maxDecompressedBytes: Math.round(e.UPLOAD_MAX_DECOMPRESSED_MB * 1024 * 1024),
        maxImagePixels: Math.round(e.UPLOAD_MAX_IMAGE_MEGAPIXELS * 1_000_000),
      },
      workers: {
        uploadCheckTimeoutMs: e.UPLOAD_CHECK_TIMEOUT_MS,
        renderTimeoutMs: e.RENDER_TIMEOUT_MS,
        memoryMb: e.RENDER_MEMORY_MB,
        threads: e.RENDER_THREADS,
        idleMs: Math.round(e.RENDER_IDLE_SECONDS * 1000),
      },
    },
    alerts: { sceneGroupTemplateId: e.DINGTALK_SCENE_GROUP_TEMPLATE_ID, archiveAfterMs: Math.round(e.ALERT_ARCHIVE_HOURS * 3_600_000), readWindowMs: Math.round(e.ALERT_READ_WINDOW_MINUTES * 60_000) },
    directory: { registerLookupUrl: e.REGISTER_LOOKUP_URL },
    ehr: {
      fhirBase: e.EHR_FHIR_BASE?.replace(/\/+$/, ''),
      tokenUrl: e.EHR_TOKEN_URL,
      clientId: e.EHR_CLIENT_ID,
      clientSecret: e.EHR_CLIENT_SECRET,
      scope: e.EHR_SCOPE,
      hkidSystem: e.EHR_IDENTIFIER_SYSTEM,
      idSystemBase: e.EHR_ID_SYSTEM_BASE,
      timeoutMs: e.EHR_TIMEOUT_MS,
    },
    residency: { region: e.DATA_REGION, phiHosts: Object.freeze(parsePhiHosts(e.PHI_HOSTS)) },
  } satisfies Config);
}
