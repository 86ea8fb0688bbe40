import type { Clock } from '../../shared/clock.js';
import { DomainError } from '../../shared/errors.js';
import { normaliseHkid } from '../../shared/hkid.js';
import { newId } from '../../shared/ids.js';
import type { ApprovalRepository } from '../approvals/approval-repository.js';
import type { AuditReadRepository } from '../audit/audit-reader.js';
import { AUDIT_ACTIONS, type AuditSink } from '../../shared/audit-sink.js';
import { parseCaseCode } from '../cases/case-code.js';
import type { CaseRow, CasesRepository } from '../cases/cases-repository.js';
import type { DirectoryRepository } from '../directory/directory-repository.js';
import type { GrantRepository, GrantRow } from '../grants/grant-repository.js';
import type { PatientRecords } from '../patients/patient-records.js';
import type { PatientsRepository } from '../patients/patients-repository.js';
import type { DocumentRepository } from '../sharing/document-repository.js';
import type { MedicationRepository } from '../medications/medication-repository.js';
import { describePeople, type PersonRef } from './people.js';
import { documentTypeWords } from '../../contract/document-types.js';
import { yieldToLoop } from '../../shared/batches.js';
import { readAccessLog } from './data-access-log.js';

/** PDPO s19(1): a data access request must be complied with within 40 days of receipt. */
export const DATA_ACCESS_DUE_DAYS = 40;
const DAY_MS = 86_400_000;

/** Why identity is being decrypted: the report is prepared only for one of these, and the audit says which. */
export const REPORT_REASONS = ['data_access_request', 'data_correction_request', 'complaint_investigation', 'legal_requirement'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

export type DataAccessQuery = ({ caseCode: string } | { hkid: string }) & { reason: ReportReason };

export interface DataAccessReportDeps {
  records: Pick<PatientRecords, 'findByHkid' | 'reveal'>;
  patients: Pick<PatientsRepository, 'findById' | 'consentHistory' | 'restrictedConsentHistory'>;
  cases: Pick<CasesRepository, 'caseByCode' | 'casesOfPatient' | 'teamHistory'>;
  documents: Pick<DocumentRepository, 'listByCase' | 'receiptsForCase'>;
  approvals: Pick<ApprovalRepository, 'forDocuments' | 'stepsOf'>;
  grants: Pick<GrantRepository, 'forCases'>;
  auditEntries: Pick<AuditReadRepository, 'byTargets'>;
  medications: Pick<MedicationRepository, 'forCase'>;
  directory: Pick<DirectoryRepository, 'findById' | 'institution'>;
  audit: AuditSink;
  clock: Clock;
}

/** Maps in order, awaiting each result (person lookups are memoised and cheap). */
const each = <T, U>(xs: readonly T[], f: (x: T) => Promise<U>): Promise<U[]> => Promise.all(xs.map(f));

const iso = (ms: number | null | undefined): string | null => (ms === null || ms === undefined ? null : new Date(ms).toISOString());

/** Rows grouped by a key, in their order: one pass instead of a filter per parent row. */
function groupBy<T>(rows: readonly T[], key: (row: T) => string | null): Map<string | null, T[]> {
  const out = new Map<string | null, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

/**
 * A PDPO data access report: the personal data held about one patient (identity decrypted, consents,
 * cases, care teams, medication lists, document metadata — never document contents) and every recorded access to it,
 * with the request date and the 40-day due date. Building it is itself audited (ids only), so the
 * next report lists this one as an access too.
 */
export function createDataAccessReports(deps: DataAccessReportDeps) {
  const { records, patients, cases, documents, approvals, grants, auditEntries, medications, directory, audit, clock } = deps;

  /** The patient behind the query, or undefined when there is none (answered with an empty report, never a 404). */
  async function findPatientId(q: DataAccessQuery): Promise<string | undefined> {
    if ('caseCode' in q) return (await cases.caseByCode(parseCaseCode(q.caseCode)))?.patientId;
    const hkid = normaliseHkid(q.hkid);
    if (!hkid) throw new DomainError('hkid.invalid');
    return (await records.findByHkid(hkid))?.id;
  }

  /** Institution codes by id, looked up once per report (medications and consents repeat a few institutions). */
  function institutionCodes(): (id: string) => Promise<string | null> {
    const seen = new Map<string, Promise<string | null>>();
    return (id) => {
      let p = seen.get(id);
      if (!p) seen.set(id, (p = directory.institution(id).then((i) => i?.code ?? null)));
      return p;
    };
  }

  async function caseSection(c: CaseRow, caseGrants: GrantRow[], person: (id: string) => Promise<PersonRef>, institution: (id: string) => Promise<string | null>) {
    const team = await cases.teamHistory(c.id);
    const docs = await documents.listByCase(c.id);
    const receipts = await documents.receiptsForCase(c.id);
    const requests = await approvals.forDocuments(docs.map((d) => d.id));
    const steps = await approvals.stepsOf(requests.map((r) => r.id));
    const meds = await medications.forCase(c.id);
    const typeOf = new Map(docs.map((d) => [d.id, documentTypeWords(d.docType)]));
    const receiptsOf = groupBy(receipts, (r) => r.documentId);
    const stepsOf = groupBy(steps, (s) => s.requestId);
    const docType = (id: string | null) => (id === null ? null : (typeOf.get(id) ?? null));
    return {
      caseCode: c.code,
      status: c.status,
      openedAt: iso(c.openedAt),
      openedBy: await person(c.openedBy),
      careTeam: await each(team, async (m) => ({
        clinician: await person(m.clinicianId),
        role: m.role,
        from: iso(m.effectiveFrom),
        to: iso(m.effectiveTo),
        removedReason: m.removedReason,
      })),
      documents: await each(docs, async (d) => ({
        documentId: d.id,
        kind: d.kind,
        docType: documentTypeWords(d.docType),
        mediaType: d.mediaType,
        sizeBytes: d.size,
        restrictedCategory: d.restrictedCategory,
        status: d.status,
        sharedAt: iso(d.createdAt),
        author: await person(d.authorId),
        receipts: await each(
          receiptsOf.get(d.id) ?? [],
          async (r) => ({ clinician: await person(r.clinicianId), notifiedAt: iso(r.notifiedAt), firstOpenedAt: iso(r.firstOpenedAt), lastViewedAt: iso(r.lastViewedAt), viewCount: r.viewCount }),
        ),
      })),
      accessRequests: await each(requests, async (r) => ({
        requestId: r.id,
        documentId: r.documentId,
        docType: docType(r.documentId),
        requester: await person(r.requesterId),
        reasonCode: r.reasonCode,
        status: r.status,
        requestedAt: iso(r.createdAt),
        decidedAt: iso(r.decidedAt),
        decisions: await each(
          stepsOf.get(r.id) ?? [],
          async (s) => ({ by: await person(s.deciderId), step: s.step, decision: s.decision, at: iso(s.decidedAt) }),
        ),
      })),
      // The medication list is personal data held about the patient: every entry, as recorded.
      medications: await each(meds, async (m) => ({
        source: m.source,
        ehrRef: m.ehrRef,
        text: m.text,
        ingredients: m.ingredients,
        unresolved: m.unresolved,
        dose: m.dose,
        route: m.route,
        frequency: m.frequency,
        prescriber: m.prescriberId ? await person(m.prescriberId) : null,
        prescriberName: m.prescriberName,
        institution: m.institutionId ? await institution(m.institutionId) : null,
        startOn: m.startOn,
        stopOn: m.stopOn,
        status: m.status,
        recordedAt: iso(m.createdAt)!,
        recordedBy: await person(m.createdBy),
      })),
      grants: await each(caseGrants, async (g) => ({
        grantId: g.id,
        kind: g.kind,
        clinician: await person(g.clinicianId),
        documentId: g.documentId,
        docType: docType(g.documentId),
        from: iso(g.createdAt),
        until: iso(g.expiresAt),
        revokedAt: iso(g.revokedAt),
      })),
    };
  }

  return {
    /**
     * Builds the report for the patient behind a case code or an HKID; audits `report.data_access`
     * with the reason. When nobody matches, the report is empty (subject null): the same kind of
     * answer either way, so the status never says whether someone is a patient.
     */
    async build(q: DataAccessQuery, requestedBy: string) {
      const now = clock.now();
      const person = describePeople(directory);
      const by = 'caseCode' in q ? 'by_case_code' : 'by_hkid';
      const patientId = await findPatientId(q);
      const identity = patientId ? await records.reveal(patientId) : undefined;
      const patient = patientId ? await patients.findById(patientId) : undefined;
      if (!patientId || !identity || !patient) {
        audit.append({ actor: requestedBy, action: AUDIT_ACTIONS.reportDataAccess, outcome: 'success', reason: `${q.reason}:${by}:no_match`, at: now });
        return emptyReport(now, await person(requestedBy));
      }
      const caseRows = await cases.casesOfPatient(patientId);
      const grantsOf = groupBy(await grants.forCases(caseRows.map((c) => c.id)), (g) => g.caseId);
      const institution = institutionCodes();
      // One case at a time, with a turn of the event loop after each (the storage steps are synchronous on SQLite).
      const sections = [];
      for (const c of caseRows) {
        sections.push(await caseSection(c, grantsOf.get(c.id) ?? [], person, institution));
        await yieldToLoop();
      }
      // Entries name cases by code or id, documents, requests and grants by id, and earlier reports by patient id.
      const targets = [
        patientId,
        ...caseRows.flatMap((c) => [c.id, c.code]),
        ...sections.flatMap((s) => [...s.documents.map((d) => d.documentId), ...s.accessRequests.map((r) => r.requestId), ...s.grants.map((g) => g.grantId)]),
      ];
      const docTypes = new Map(sections.flatMap((s) => s.documents.map((d) => [d.documentId, d.docType] as const)));
      const accessLog = await readAccessLog(auditEntries, [...new Set(targets)], docTypes, person);
      const consents = await patients.consentHistory(patientId);
      const restricted = await patients.restrictedConsentHistory(patientId);
      const reportId = newId();
      audit.append({ actor: requestedBy, action: AUDIT_ACTIONS.reportDataAccess, target: patientId, outcome: 'success', reason: `${q.reason}:${by}`, at: now });
      return {
        reportId,
        kind: 'pdpo_data_access' as const,
        requestReceivedAt: iso(now)!,
        dueBy: iso(now + DATA_ACCESS_DUE_DAYS * DAY_MS)!,
        preparedBy: await person(requestedBy),
        subject: {
          patientId,
          hkid: identity.hkid,
          nameEn: identity.nameEn ?? null,
          nameZh: identity.nameZh ?? null,
          dateOfBirth: identity.dateOfBirth,
          recordCreatedAt: iso(patient.createdAt)!,
        },
        consents: await each(consents, async (c) => ({
          institution: (await institution(c.institutionId)) ?? c.institutionId,
          status: c.status,
          reference: c.reference,
          attestedBy: await person(c.attestedBy),
          recordedAt: iso(c.recordedAt)!,
        })),
        restrictedConsents: await each(restricted, async (c) => ({
          category: c.category,
          reference: c.reference,
          attestedBy: await person(c.attestedBy),
          recordedAt: iso(c.recordedAt)!,
        })),
        cases: sections,
        accessLog,
      };
    },
  };
}

/** The report when nobody matched: the same shape, nothing held. */
function emptyReport(now: number, preparedBy: PersonRef) {
  return {
    reportId: newId(),
    kind: 'pdpo_data_access' as const,
    requestReceivedAt: iso(now)!,
    dueBy: iso(now + DATA_ACCESS_DUE_DAYS * DAY_MS)!,
    preparedBy,
    subject: null,
    consents: [],
    restrictedConsents: [],
    cases: [],
    accessLog: [],
  };
}

export type DataAccessReports = ReturnType<typeof createDataAccessReports>;
export type DataAccessReport = Awaited<ReturnType<DataAccessReports['build']>>;
