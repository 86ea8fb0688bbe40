import { z } from 'zod';
import { consoleAction, consoleSection } from './admin-sections.js';

/** The mini-app auth API (src/http/auth/*): an allow-list of fields, never patient data. */
export const meDto = z
  .object({
    id: z.string().describe('Directory id (the `sub` of access tokens)'),
    dingtalkUserId: z.string(),
    displayName: z.string().describe('Name as DingTalk shows it'),
    nameEn: z.string().nullable(),
    nameZh: z.string().nullable(),
    title: z.string().nullable(),
    department: z.string().nullable(),
    institution: z.object({ code: z.string(), nameEn: z.string(), nameZh: z.string().nullable() }).nullable(),
    role: z.string().nullable().describe('doctor, nurse, pharmacist, admin, privacy_officer, auditor; null until verified'),
    specialty: z.string().nullable(),
    registrationNo: z.string().nullable(),
    verified: z.boolean().describe('Checked against the professional register by an admin'),
    verifiedAt: z.number().nullable(),
    /** Verified and not suspended: may use routes that touch patient data (policy still decides each access). */
    trusted: z.boolean(),
    language: z.enum(['en', 'zh']).nullable(),
  })
  .describe('The signed-in clinician, as the directory has them now');

/** The language chosen in Me (`PUT /api/me/language`): the preference every answer then uses. */
export const languageBody = z.object({ language: z.enum(['en', 'zh']) });

export type LanguageBody = z.infer<typeof languageBody>;

export const tokenResponse = z
  .object({
    accessToken: z.string().describe('JWT, audience consultbridge.app; send as `Authorization: Bearer …`; keep in memory only'),
    tokenType: z.literal('Bearer'),
    expiresIn: z.number().int().describe('Seconds until the access token expires; refresh before then'),
    clinician: meDto,
  })
  .describe('The refresh token is set as the HttpOnly cookie cb_refresh (Path=/api/auth), never in the body');

export const authConfigDto = z.object({
  mode: z.enum(['sandbox', 'dingtalk']).describe('sandbox: use the demo-user picker; dingtalk: dd.requestAuthCode'),
  corpId: z.string(),
  clientId: z.string(),
});

export const demoUserDto = z.object({
  userId: z.string(),
  dingtalkName: z.string(),
  nameEn: z.string(),
  nameZh: z.string(),
  title: z.string(),
  role: z.string(),
  institution: z.object({ code: z.string(), nameEn: z.string(), nameZh: z.string() }),
  verified: z.boolean(),
});

/** POST /api/auth/dingtalk */
export const dingtalkLoginBody = z.object({ code: z.string().min(1).max(256).describe('From dd.requestAuthCode; 5 minutes, single use') });

/**
 * POST /api/auth/admin-token: the console's short-lived token, with the sections and actions the
 * role may use (src/contract/admin-sections.ts), so the console offers only those.
 */
export const adminTokenDto = z.object({
  token: z.string(),
  tokenType: z.literal('Bearer'),
  expiresIn: z.number().int(),
  role: z.string(),
  sections: z.array(consoleSection),
  actions: z.array(consoleAction),
});

/** Sandbox only: the demo-user picker and its auth code. */
export const demoUsersDto = z.object({ users: z.array(demoUserDto) });
export const demoAuthCodeBody = z.object({ userId: z.string().min(1).max(64) });
export const demoAuthCodeDto = z.object({ code: z.string() });

export type MeDto = z.infer<typeof meDto>;
export type TokenDto = z.infer<typeof tokenResponse>;
export type AuthConfigDto = z.infer<typeof authConfigDto>;
export type DemoUserDto = z.infer<typeof demoUserDto>;
export type AdminTokenDto = z.infer<typeof adminTokenDto>;
export type DemoAuthCodeDto = z.infer<typeof demoAuthCodeDto>;
