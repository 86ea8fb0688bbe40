import { z } from 'zod';
import { wordingDto } from './denial-reasons.js';
import { personDto } from './admin-console.js';

/**
 * The PDPO data access report and the dashboard. The report is the one console response that carries
 * patient identity, on purpose: it is the copy of the data a patient asked for, prepared by the
 * privacy officer only, with a stated reason. It is only ever a POST response.
 */
const time = z.string();
const optTime = z.string().nullable();
/** What a document is (its type, both languages); never its title, which is mini-app only. */
const docTypeDto = z.object({ code: z.string(), en: z.string(), zh: z.string() });

export const dataAccessReportDto = z.object({
  reportId: z.string(),
  kind: z.literal('pdpo_data_access'),
  requestReceivedAt: time,
  dueBy: time,
  preparedBy: personDto,
  /** Null when no patient matched: the report is then empty (never a 404 that would say who is a patient). */
  subject: z
    .object({
      patientId: z.string(),
      hkid: z.string(),
      nameEn: z.string().nullable(),
      nameZh: z.string().nullable(),
      dateOfBirth: z.string(),
      recordCreatedAt: time,
    })
    .nullable(),
  consents: z.array(z.object({ institution: z.string(), status: z.string(), reference: z.string().nullable(), attestedBy: personDto, recordedAt: time })),
  restrictedConsents: z.array(z.object({ category: z.string(), reference: z.string(), attestedBy: personDto, recordedAt: time })),
  cases: z.array(
    z.object({
      caseCode: z.string(),
      status: z.string(),
      openedAt: optTime,
      openedBy: personDto,
      careTeam: z.array(z.object({ clinician: personDto, role: z.string(), from: optTime, to: optTime, removedReason: z.string().nullable() })),
      documents: z.array(
        z.object({
          documentId: z.string(),
          kind: z.string(),
          docType: docTypeDto,
          mediaType: z.string(),
          sizeBytes: z.number(),
          restrictedCategory: z.string().nullable(),
          status: z.string(),
          sharedAt: optTime,
          author: personDto,
          receipts: z.array(z.object({ clinician: personDto, notifiedAt: optTime, firstOpenedAt: optTime, lastViewedAt: optTime, viewCount: z.number() })),
        }),
      ),
      accessRequests: z.array(
        z.object({
          requestId: z.string(),
          documentId: z.string(),
          docType: docTypeDto.nullable(),
          requester: personDto,
          reasonCode: z.string(),
          status: z.string(),
          requestedAt: optTime,
          decidedAt: optTime,
          decisions: z.array(z.object({ by: personDto, step: z.string(), decision: z.string(), at: optTime })),
        }),
      ),
      /** The case's medication list, every entry as recorded (drug, dose, who prescribed and recorded it). */
      medications: z.array(
        z.object({
          source: z.enum(['clinician', 'ehr']), ehrRef: z.string().nullable(), text: z.string(), ingredients: z.array(z.string()), unresolved: z.array(z.string()),
          dose: z.string().nullable(), route: z.string().nullable(), frequency: z.string().nullable(),
          prescriber: personDto.nullable(), prescriberName: z.string().nullable(), institution: z.string().nullable(),
          startOn: z.string().nullable(), stopOn: z.string().nullable(), status: z.enum(['active', 'stopped']), recordedAt: time, recordedBy: personDto,
        }),
      ),
      grants: z.array(
        z.object({ grantId: z.string(), kind: z.string(), clinician: personDto, documentId: z.string().nullable(), docType: docTypeDto.nullable(), from: optTime, until: optTime, revokedAt: optTime }),
      ),
    }),
  ),
  accessLog: z.array(
    z.object({
      index: z.number(),
      at: time,
      actor: personDto.nullable(),
      actorId: z.string(),
      action: z.string(),
      target: z.string().nullable(),
      /** When the target is one of the patient's documents: its type. */
      targetDocType: docTypeDto.nullable(),
      outcome: z.string(),
      reason: z.string().nullable(),
    }),
  ),
});

const figures = z.object({
  shareToFirstView: z.object({ shared: z.number(), viewed: z.number(), medianMinutes: z.number().nullable(), p90Minutes: z.number().nullable() }),
  approvalTurnaround: z.object({ decided: z.number(), medianMinutes: z.number().nullable() }),
  alerts: z.object({ total: z.number(), openedWithin5m: z.number(), ratio: z.number() }),
  denials: z.object({ total: z.number(), byReason: z.record(z.string(), z.number()) }),
  escalations: z.number(),
});

/** Data residency (README "Data residency"): the declared region and where patient data goes, hosts only. */
export const residencyDto = z.object({
  region: z.string(),
  phiHosts: z.array(z.string()),
  destinations: z.array(
    z.object({
      kind: z.enum(['database', 'blob_store', 'fhir']),
      setting: z.string(),
      /** Null: a file or folder on this machine. */
      host: z.string().nullable(),
      /** On this machine (a file, a folder or a loopback address). */
      local: z.boolean(),
    }),
  ),
});

export const dashboardQuery = z.object({ days: z.enum(['7', '30']).default('7') });
export const dashboardDto = z.object({
  days: z.number(),
  from: time,
  to: time,
  timeZone: z.string(),
  series: z.array(figures.extend({ date: z.string() })),
  totals: figures,
  residency: residencyDto,
  /** The short label of every reason code in the figures, both languages (src/contract/denial-reasons.ts). */
  reasonLabels: z.record(z.string(), wordingDto),
});

export type DashboardDto = z.infer<typeof dashboardDto>;
export type ResidencyDto = z.infer<typeof residencyDto>;
export type DataAccessReportDto = z.infer<typeof dataAccessReportDto>;
