import { z } from 'zod';
import type { ClinicianRow, InstitutionRow } from '../../domain/directory/directory-repository.js';
import { errorBody } from '../admin/admin-schemas.js';

/** Response DTOs of the mini-app auth API: an allow-list of fields, never patient data. */
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

export const authErrors = { 400: errorBody, 401: errorBody, 403: errorBody, 429: errorBody, 502: errorBody, 503: errorBody };

export function toMeDto(c: ClinicianRow, institution: InstitutionRow | undefined): z.infer<typeof meDto> {
  return {
    id: c.id,
    dingtalkUserId: c.dingtalkUserId,
    displayName: c.displayName,
    nameEn: c.nameEn,
    nameZh: c.nameZh,
    title: c.title,
    department: c.department,
    institution: institution ? { code: institution.code, nameEn: institution.nameEn, nameZh: institution.nameZh } : null,
    role: c.role,
    specialty: c.specialty,
    registrationNo: c.registrationNo,
    verified: c.verified,
    verifiedAt: c.verifiedAt,
    trusted: c.verified && !c.suspended,
    language: c.language,
  };
}
