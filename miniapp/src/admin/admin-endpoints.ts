/**
 * The admin console API as typed functions (paths under /api/admin). Answer types are the server's
 * schemas (src/contract/admin-*.ts), imported as types only.
 */
import type { ReferralAttentionDto, ReferralStatsDto } from '../../../src/contract/referral-dto.js';
import { useMemo } from 'react';
import type {
  ApprovalDto,
  AuditEntryDto,
  BreakGlassDto,
  CaseDocumentDto,
  CaseGroupDto,
  CheckpointDto,
  ExplainDto,
  InboundItemDto,
  OutboxItemDto,
  PersonPickDto,
  PoliciesDto,
  RosterRoleDto,
  VerifyDto,
} from '../../../src/contract/admin-console.js';
import type { RuleReviewSummaryDto } from '../../../src/contract/rule-review.js';
import type { ClinicianDto, InstitutionDto } from '../../../src/contract/admin-directory.js';
import type { LiveGrantsResponse } from '../../../src/contract/admin-grants.js';
import type { RevokeReason } from '../../../src/contract/grant-revoke-reasons.js';
import type { DashboardDto, DataAccessReportDto } from '../../../src/contract/admin-reports.js';
import type { ImportReportDto, MergedDto, MergePreviewDto, RegisterCheckDto } from '../../../src/contract/correction.js';
import { useAdminApi, type AdminApi } from './admin-api.js';
import { rosterEndpoints } from './rosters/roster-endpoints.js';
import { consultRuleEndpoints } from './consult-rules/consult-rule-endpoints.js';
import { mdtConsoleEndpoints } from './mdt/mdt-console-endpoints.js';

type Query = Record<string, string | undefined>;
const enc = encodeURIComponent;

export function createAdminEndpoints(api: AdminApi) {
  const cases = (code: string) => `/cases/${enc(code)}`;
  return {
    clinicians: (query: Query = {}) => api.call<{ clinicians: ClinicianDto[]; nextCursor: string | null }>('/clinicians', { query }),
    verifyClinician: (id: string, body: unknown) => api.call<ClinicianDto>(`/clinicians/${enc(id)}/verify`, { body }),
    suspendClinician: (id: string, undo: boolean) => api.call<ClinicianDto>(`/clinicians/${enc(id)}/suspend`, { body: { undo } }),
    removeFromOrg: (id: string) => api.call<{ clinician: ClinicianDto; rolesEnded: number; grantsRevoked: number; loginsEnded: number }>(`/clinicians/${enc(id)}/remove-from-org`, { body: {} }),
    institutions: () => api.call<{ institutions: InstitutionDto[] }>('/institutions'),
    importClinicians: (csv: string, dryRun: boolean) => api.call<ImportReportDto>('/clinicians/import', { body: { csv, dryRun } }),
    registerCheck: (no: string) => api.call<RegisterCheckDto>('/register-check', { query: { no } }),
    mergePreview: (survivor: string, duplicate: string) => api.call<MergePreviewDto>('/patients/merge/preview', { body: { survivor, duplicate } }),
    mergePatients: (survivor: string, duplicate: string) => api.call<MergedDto>('/patients/merge', { body: { survivor, duplicate } }),
    addInstitution: (body: unknown) => api.call<InstitutionDto>('/institutions', { body }),

    audit: (query: Query) => api.call<{ entries: AuditEntryDto[]; nextBefore: number | null }>('/audit', { query }),
    auditExport: (fileName: string, query: Query) => api.download('/audit/export', fileName, { query }),
    checkpoint: () => api.call<CheckpointDto>('/audit/checkpoint'),
    verifyAudit: () => api.call<VerifyDto>('/audit/verify', { method: 'POST' }),
    trace: (code: string) => api.call<{ code: string; entries: AuditEntryDto[] }>(`/audit/trace/${enc(code)}`),

    policies: () => api.call<PoliciesDto>('/policies'),
    /** The interaction rule set's version and review counts (read-only; pharmacists review in the mini-app). */
    clinicalRules: () => api.call<RuleReviewSummaryDto>('/clinical/rules'),
    explain: (body: { clinicianId: string; documentId: string }) => api.call<ExplainDto>('/policies/explain', { body }),
    people: (q: string) => api.call<{ people: PersonPickDto[]; more: boolean }>('/people', { query: { q } }),
    caseDocuments: (code: string) => api.call<{ caseCode: string; documents: CaseDocumentDto[] }>(`${cases(code)}/documents`),

    approvals: (status: string, cursor?: string) => api.call<{ status: string; requests: ApprovalDto[]; nextCursor: string | null }>('/approvals', { query: { status, cursor } }),
    breakGlass: (status: string, cursor?: string) => api.call<{ status: string; reviews: BreakGlassDto[]; nextCursor: string | null }>('/breakglass', { query: { status, cursor } }),
    liveGrants: (after?: string) => api.call<LiveGrantsResponse>('/grants', { query: { after, limit: '25' } }),
    revokeGrant: (grantId: string, reason: RevokeReason) => api.call<{ caseCode: string; ended: number }>(`/grants/${enc(grantId)}/revoke`, { body: { reason } }),
    reviewBreakGlass: (reviewId: string, body: { decision: 'approve' | 'flag'; note?: string }) => api.call<BreakGlassDto>(`/breakglass/${enc(reviewId)}/review`, { body }),

    outbox: (query: Query) => api.call<{ items: OutboxItemDto[]; nextCursor: string | null; counts: Record<string, number> }>('/outbox', { query }),
    outboxAct: (id: number, what: 'retry' | 'discard') => api.call<{ id: number; ok: true }>(`/outbox/${id}/${what}`, { method: 'POST' }),
    inbound: (query: Query) => api.call<{ items: InboundItemDto[]; nextCursor: string | null; counts: Record<string, number> }>('/inbound', { query }),

    dashboard: (days: string) => api.call<DashboardDto>('/dashboard', { query: { days } }),
    /** The dashboard's referral figures (time to accept, open load), apart from its totals. */
    referralStats: (days: string) => api.call<ReferralStatsDto>('/referrals/stats', { query: { days } }),
    /** One page of the referrals needing attention, newest first (`cursor`: the previous page's nextCursor). */
    referralAttention: (cursor?: string) => api.call<ReferralAttentionDto>('/referrals/attention', cursor ? { query: { cursor } } : {}),
    dataAccessReport: (fileName: string, body: unknown) => api.download('/reports/data-access', fileName, { body }) as Promise<DataAccessReportDto>,

    roster: (code: string) => api.call<{ caseCode: string; now: string; roles: RosterRoleDto[] }>(`${cases(code)}/roles`),
    /** Ends a role (`/team/<clinicianId>`) or calls off a booking (`/roles/<roleId>`). */
    endOrCancel: (code: string, path: string, query?: Query) => api.call<unknown>(`${cases(code)}${path}`, { method: 'DELETE', query }),
    setTeamRole: (code: string, body: { clinicianId: string; role: string; effectiveFrom?: string; effectiveTo?: string }) => api.call<unknown>(`${cases(code)}/team`, { body }),
    groups: (code: string) => api.call<{ caseCode: string; groups: CaseGroupDto[] }>(`${cases(code)}/groups`),
    bindGroup: (code: string, conversationId: string) => api.call<{ caseCode: string; groups: CaseGroupDto[] }>(`${cases(code)}/groups`, { body: { conversationId } }),
    unbindGroup: (code: string, conversationId: string) => api.call<{ caseCode: string; groups: CaseGroupDto[]; rolesEnded: number }>(`${cases(code)}/groups/${enc(conversationId)}`, { method: 'DELETE' }),
    ...rosterEndpoints(api),
    ...consultRuleEndpoints(api),
    ...mdtConsoleEndpoints(api),
  };
}

export type AdminEndpoints = ReturnType<typeof createAdminEndpoints>;

export function useAdminEndpoints(): AdminEndpoints {
  const api = useAdminApi();
  return useMemo(() => createAdminEndpoints(api), [api]);
}
