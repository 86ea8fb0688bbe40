import { z } from 'zod';

/** The directory admin API (src/http/admin-routes.ts): an allow-list of what admin views show. Never patient data. */
export const clinicianDto = z.object({
  id: z.string(),
  dingtalkUserId: z.string(),
  displayName: z.string(),
  nameEn: z.string().nullable(),
  nameZh: z.string().nullable(),
  role: z.string().nullable(),
  specialty: z.string().nullable(),
  registrationNo: z.string().nullable(),
  institutionCode: z.string().nullable(),
  verified: z.boolean(),
  verifiedBy: z.string().nullable(),
  verifiedAt: z.number().nullable(),
  suspended: z.boolean(),
});

/**
 * A page of the directory (issue 15): by display name then id, searched by any word of an English
 * name, a run of a Chinese name, a DingTalk id or a registration number (`q`); `cursor` is the
 * previous page's `nextCursor`.
 */
export const cliniciansQuery = z.object({
  unverified: z.enum(['true', 'false']).optional(),
  /** Only the verified (the case-team picker). */
  verified: z.enum(['true', 'false']).optional(),
  /** Leave out the suspended (the pickers). */
  active: z.enum(['true', 'false']).optional(),
  q: z.string().trim().max(80).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(600).optional(),
});
export const cliniciansPage = z.object({ clinicians: z.array(clinicianDto), nextCursor: z.string().nullable() });

export const institutionDto = z.object({
  id: z.string(),
  code: z.string(),
  nameEn: z.string(),
  nameZh: z.string().nullable(),
  sector: z.enum(['public', 'private']),
});

export const teamMemberDto = z.object({
  clinicianId: z.string(),
  dingtalkUserId: z.string(),
  nameEn: z.string(),
  nameZh: z.string().nullable(),
  careRole: z.string(),
  clinicianRole: z.string().nullable(),
  specialty: z.string().nullable(),
  institutionCode: z.string().nullable(),
  institutionName: z.string().nullable(),
  verified: z.boolean(),
  suspended: z.boolean(),
  since: z.number(),
});


export type ClinicianDto = z.infer<typeof clinicianDto>;
export type InstitutionDto = z.infer<typeof institutionDto>;
export type TeamMemberDto = z.infer<typeof teamMemberDto>;
