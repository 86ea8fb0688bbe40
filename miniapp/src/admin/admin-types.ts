/** The admin API's answers as the console reads them (mirrors src/http/admin/*-schemas.ts). */
export interface ClinicianDto {
  id: string;
  dingtalkUserId: string;
  displayName: string;
  nameEn: string | null;
  nameZh: string | null;
  role: string | null;
  specialty: string | null;
  registrationNo: string | null;
  institutionCode: string | null;
  verified: boolean;
  suspended: boolean;
}

export interface InstitutionDto {
  id: string;
  code: string;
  nameEn: string;
  nameZh: string | null;
  sector: 'public' | 'private';
}

export interface PersonDto {
  id: string;
  name: string;
  role: string | null;
  institution: string | null;
}

export interface AuditEntryDto {
  idx: number;
  at: string;
  actor: string;
  action: string;
  target: string | null;
  outcome: 'success' | 'denied' | 'failure';
  reason: string | null;
  trace: string | null;
}

export interface VerifyDto {
  ok: boolean;
  size: number;
  root?: string;
  checkpoints?: number;
  problem?: { reason: string; index: number | null; detail: string };
}

export interface CheckpointDto {
  id: number;
  treeSize: number;
  rootHash: string;
  at: string;
  keyId: string;
  signature: string;
}

export const CLINICIAN_ROLES = ['doctor', 'nurse', 'pharmacist', 'admin', 'privacy_officer', 'auditor'] as const;

/** The clinician's name in the console's language, falling back to the other one and the DingTalk name. */
export function clinicianName(c: Pick<ClinicianDto, 'nameEn' | 'nameZh' | 'displayName'>, lang: 'en' | 'zh-HK'): string {
  return (lang === 'zh-HK' ? c.nameZh ?? c.nameEn : c.nameEn ?? c.nameZh) ?? c.displayName;
}
