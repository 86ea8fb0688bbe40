import { z } from 'zod';

/** A sign-off step's role: who fills it is read off the case when the summary is submitted. */
export const MDT_STEP_ROLES = ['presenter', 'attending', 'department_head'] as const;
export type MdtStepRoleSetting = (typeof MDT_STEP_ROLES)[number];

/** One configured step: its role, and whether the chain goes on without it when nobody fills it. */
export interface MdtChainStep {
  role: MdtStepRoleSetting;
  optional: boolean;
}

/** The MDT sign-off settings (README "MDT meetings"). */
export interface MdtConfig {
  chain: readonly MdtChainStep[];
  /** How long an invited specialist's consult grant lasts after the meeting starts. */
  inviteGrantMinutes: number;
}

const STEP = /^(presenter|attending|department_head)\??$/;

/** The MDT settings of the env schema (spread into config.ts's envSchema). */
export const mdtEnvShape = {
  /** Comma list of presenter, attending, department_head in order; `?` marks a step that may be skipped. */
  MDT_APPROVAL_CHAIN: z.string().trim().default('presenter,attending,department_head?')
    .refine((s) => s.split(',').every((p) => STEP.test(p.trim())), 'comma list of presenter, attending, department_head (a trailing ? makes a step optional)')
    .refine((s) => new Set(s.split(',').map((p) => p.trim().replace('?', ''))).size === s.split(',').length, 'each role at most once'),
  MDT_INVITE_GRANT_MINUTES: z.coerce.number().int().min(30).max(14 * 24 * 60).default(24 * 60),
};

export function parseMdtChain(raw: string): MdtChainStep[] {
  return raw.split(',').map((p) => p.trim()).map((p) => ({ role: p.replace('?', '') as MdtStepRoleSetting, optional: p.endsWith('?') }));
}

type MdtEnv = z.output<z.ZodObject<typeof mdtEnvShape>>;

export function mdtConfig(e: MdtEnv): MdtConfig {
  return { chain: Object.freeze(parseMdtChain(e.MDT_APPROVAL_CHAIN)), inviteGrantMinutes: e.MDT_INVITE_GRANT_MINUTES };
}
