/** The admin API's answers as the console reads them: the server's schemas (src/contract/admin-*.ts). */
import type { CaseDocumentDto as CaseDocumentAnswer, PersonRefDto } from '../../../src/contract/admin-console.js';
import type { ClinicianDto } from '../../../src/contract/admin-directory.js';

export type { AuditEntryDto, CheckpointDto, PersonPickDto, RosterRoleDto, VerifyDto } from '../../../src/contract/admin-console.js';
export type { ClinicianDto, InstitutionDto } from '../../../src/contract/admin-directory.js';
export type PersonDto = PersonRefDto;
/** GET /cases/:code/documents: one document; `caseCode` is added by the picker (the case the list was looked up by). */
export type CaseDocumentDto = CaseDocumentAnswer & { caseCode: string };

export const CLINICIAN_ROLES = ['doctor', 'nurse', 'pharmacist', 'admin', 'privacy_officer', 'auditor'] as const;

/** The clinician's name in the console's language, falling back to the other one and the DingTalk name. */
export function clinicianName(c: Pick<ClinicianDto, 'nameEn' | 'nameZh' | 'displayName'>, lang: 'en' | 'zh-HK'): string {
  return (lang === 'zh-HK' ? c.nameZh ?? c.nameEn : c.nameEn ?? c.nameZh) ?? c.displayName;
}
