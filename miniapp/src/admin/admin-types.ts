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

/** GET /people: the explain tool's person picker. */
export interface PersonPickDto {
  id: string;
  dingtalkUserId: string;
  nameEn: string;
  nameZh: string | null;
  role: string | null;
  specialty: string | null;
  institution: string | null;
  verified: boolean;
  suspended: boolean;
}

/** GET /cases/:code/documents: one document, described without opening it (no titles are kept). */
export interface CaseDocumentDto {
  id: string;
  seq: number;
  kind: 'report' | 'ephemeral';
  mediaType: string;
  sharedAt: string;
  author: PersonDto;
  status: 'active' | 'destroyed';
  restricted: boolean;
  /** Added by the picker: the case the list was looked up by. */
  caseCode: string;
}

/** GET /cases/:code/roles: one care-team role row and where it stands at `now`. */
export interface RosterRoleDto {
  roleId: string;
  clinicianId: string;
  nameEn: string;
  nameZh: string | null;
  careRole: string;
  specialty: string | null;
  institutionName: string | null;
  verified: boolean;
  suspended: boolean;
  status: 'active' | 'future' | 'ended' | 'cancelled';
  effectiveFrom: string;
  effectiveTo: string | null;
  viaConversationId: string | null;
  removedReason: string | null;
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
