import type { z } from 'zod';
import { authConfigDto, demoUserDto, meDto, tokenResponse } from '../../contract/auth.js';
import { errorBody } from '../../contract/errors.js';
import type { ClinicianRow, InstitutionRow } from '../../domain/directory/directory-repository.js';

/** The auth API's shapes live in the contract (shared with the mini-app); re-exported for the routes. */
export { authConfigDto, demoUserDto, meDto, tokenResponse };

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
