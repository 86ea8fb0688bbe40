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
