import type { AllergyInput } from '../ehr/ehr-port.js';
import type { Clock } from '../../shared/clock.js';
import type { Transaction } from '../../shared/transactions.js';
import { DomainError } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import { parseOrInvalid } from '../../shared/validate.js';
import { checkUpload, DEFAULT_MAX_BYTES } from '../vault/upload-check.js';
import { AUDIT_ACTIONS, type AuditSink } from '../../shared/audit-sink.js';
import type { ClinicianRow, DirectoryRepository } from '../directory/directory-repository.js';
import { alertFormSchema, alertText, type AlertForm } from './alert-form.js';
import type { AlertCaseView, AlertChatCopy, AlertEhrQueue, AlertGrants, AlertNotices } from './alert-ports.js';
import { alertAudience } from './alert-recipients.js';
import type { AlertRepository } from './alert-repository.js';

/** How long a recipient may read an alert after first opening it, unless configured (ALERT_READ_WINDOW_MINUTES). */
export const DEFAULT_ALERT_BURN_MS = 10 * 60_000;
const RAISERS = new Set(['doctor', 'nurse']);

/** `alr_` + 32 hex digits: one unbroken hex run, so the outbound PHI guard never mistakes it for an HKID. */
export const newAlertId = (): string => `alr_${newId().replace(/-/g, '')}`;

export interface AlertDeps {
  transaction: Transaction;
  repo: AlertRepository;
  directory: Pick<DirectoryRepository, 'findById' | 'inDepartment'>;
  cases: AlertCaseView;
  ehr: AlertEhrQueue;
  chat: AlertChatCopy;
  grants: AlertGrants;
  notices: AlertNotices;
  audit: AuditSink;
  clock: Clock;
  archiveAfterMs: number;
  burnAfterMs?: number;
  /** Wakes the dispatcher after a raise, so the group is looked at soon rather than at the next tick. */
  wake?: () => void;
}

export interface RaiseInput {
  raiserId: string;
  caseId: string;
  form: AlertForm;
  /** Stable per submission (e.g. derived from the app's submission id), so a retried submit is the same alert. */
  alertId: string;
  /** An optional scan (PDF, JPEG or PNG by content, ≤ 20 MB): a burn-after-reading document, never sent to the EHR. */
  scan?: Buffer;
}

export interface RaisedAlert {
  alertId: string;
  caseCode: string;
  ehrPendingId: string;
  itemId: string;
  scanItemId: string | null;
  recipients: number;
}

/** Which rule let the raiser in: the care team's `share` rule, or their own live break-glass on the case. */
export type RaiseBasis = 'share' | 'break_glass';

export interface RaiseRule {
  mayShare: (c: ClinicianRow, caseId: string) => Promise<boolean>;
  hasBreakGlass: (clinicianId: string, caseId: string) => Promise<boolean>;
}

/**
 * Raise rule: a verified, active doctor or nurse who either may share into the case now (the policy's
 * `share` rule: attending or consulting on the care team) or holds live break-glass on it — the A&E
 * doctor or nurse facing an unconscious patient is usually not on the team, and break-glass is the
 * audited, reviewed way in. Also used by the chat command, so the clinician hears "no" (and how to
 * break glass) before filling in the form.
 */
export async function assertRaiser(raiser: ClinicianRow, caseId: string, rule: RaiseRule): Promise<RaiseBasis> {
  if (raiser.suspended) throw new DomainError('actor.suspended');
  if (!raiser.verified) throw new DomainError('actor.unverified');
  if (!RAISERS.has(raiser.role ?? '')) throw new DomainError('access.denied');
  if (await rule.mayShare(raiser, caseId)) return 'share';
  if (await rule.hasBreakGlass(raiser.id, caseId)) return 'break_glass';
  throw new DomainError('access.denied');
}

/** Turns a throwing permission check (e.g. the burn service's assertMayCreate) into a yes/no for assertRaiser. */
export function shareCheck(assertMay: (c: ClinicianRow, caseId: string) => Promise<void>): (c: ClinicianRow, caseId: string) => Promise<boolean> {
  return async (c, caseId) => {
    try {
      await assertMay(c, caseId);
      return true;
    } catch (e) {
      if (e instanceof DomainError) return false;
      throw e;
    }
  };
}

function allergyInput(alertId: string, hkid: string, form: AlertForm, raiser: ClinicianRow, now: number): AllergyInput {
  return {
    recordId: alertId,
    patientHkid: hkid,
    substance: { text: form.substance },
    ...(form.reaction ? { reaction: { text: form.reaction } } : {}),
    ...(form.severity ? { severity: form.severity } : {}),
    criticality: form.criticality,
    ...(form.category ? { category: form.category } : {}),
    ...(form.onset ? { onset: form.onset } : {}),
    ...(form.note ? { note: form.note } : {}),
    recorder: { registrationNo: raiser.registrationNo ?? '', display: raiser.nameEn ?? raiser.displayName },
    recordedAt: now,
    verification: 'unconfirmed',
  };
}

/**
 * Raising an emergency allergy alert, in the order that keeps the record safe:
 * 1. the structured allergy goes into the EHR pending-writes queue (encrypted, retried until the EHR
 *    has it), together with the alert row — before any copy exists that could burn;
 * 2. the chat copy is sealed as a burn-after-reading item;
 * 3. per-item view grants for the recipients and the scene-group intent commit together.
 * Cards go out once the group exists (alert-dispatch.ts): the outbox is asynchronous.
 */
export function createAlertService(deps: AlertDeps) {
  const { repo, clock } = deps;

  const assertMayRaise = (raiser: ClinicianRow, caseId: string) => assertRaiser(raiser, caseId, deps.cases);

  async function raiserOf(id: string, caseId: string): Promise<{ raiser: ClinicianRow; basis: RaiseBasis }> {
    const raiser = await deps.directory.findById(id);
    if (!raiser) throw new DomainError('clinician.not_found');
    return { raiser, basis: await assertMayRaise(raiser, caseId) };
  }

  return {
    assertMayRaise,

    async raise(input: RaiseInput): Promise<RaisedAlert> {
      const form = parseOrInvalid(alertFormSchema, input.form);
      const { raiser, basis } = await raiserOf(input.raiserId, input.caseId);
      const caseCode = await deps.cases.caseCode(input.caseId);
      if (!caseCode) throw new DomainError('case.not_found');
      const alreadyRaised = async () => {
        const row = await repo.find(input.alertId);
        if (row && row.status !== 'new') throw new DomainError('conflict', 'alert already raised');
        return row;
      };
      await alreadyRaised();
      const { group, direct } = await alertAudience(deps, raiser, input.caseId);
      const recipients = [...group, ...direct].map((c) => c.id);
      if (recipients.length === 0) throw new DomainError('burn.no_recipients');
      // A wrong, oversized or hostile scan is refused before anything is stored (record, alert or items).
      if (input.scan) {
        checkUpload(input.scan, DEFAULT_MAX_BYTES);
        await deps.chat.checkScan?.(input.scan);
      }
      // Looked up again after the (asynchronous) scan check, so a raise that raced it is seen.
      const existing = await alreadyRaised();
      const now = clock.now();

      if (!existing) {
        const hkid = await deps.cases.patientHkid(input.caseId, raiser.id);
        await deps.transaction(async () => {
          const ehrPendingId = await deps.ehr.enqueueAllergy(allergyInput(input.alertId, hkid, form, raiser, now), `alert:${input.alertId}`);
          await repo.insert({ id: input.alertId, caseId: input.caseId, raisedBy: raiser.id, status: 'new', ehrPendingId, createdAt: now, archiveAt: now + deps.archiveAfterMs });
        });
      }
      const alert = (await repo.find(input.alertId))!;

      const burnAfterMs = deps.burnAfterMs ?? DEFAULT_ALERT_BURN_MS;
      // The scan is sealed first, and discarded if the chat copy then fails: no alert goes out half-sealed.
      const scan = input.scan ? await deps.chat.createScan({ caseId: input.caseId, authorId: raiser.id, bytes: input.scan, burnAfterMs, recipients }) : undefined;
      let item: Awaited<ReturnType<AlertChatCopy['create']>>;
      try {
        item = await deps.chat.create({ caseId: input.caseId, authorId: raiser.id, text: alertText(form, caseCode), burnAfterMs, recipients });
      } catch (err) {
        if (scan) await deps.chat.discard(scan.itemId);
        throw err;
      }
      const members = [raiser, ...group].map((c) => c.dingtalkUserId);
      const inGroup = new Set(group.map((c) => c.id));
      await deps.transaction(async () => {
        const set = {
          status: 'group_pending' as const,
          ephemeralItemId: item.itemId,
          scanItemId: scan?.itemId ?? null,
          recipientIds: JSON.stringify(item.recipients),
          directIds: JSON.stringify(item.recipients.filter((id) => !inGroup.has(id))),
          memberUserIds: JSON.stringify(members),
        };
        if (!(await repo.advance(alert.id, 'new', set))) throw new DomainError('conflict', 'alert already raised');
        for (const itemId of [item.itemId, ...(scan ? [scan.itemId] : [])]) {
          await deps.grants.grantItem({ itemId, caseId: input.caseId, clinicianIds: item.recipients, expiresAt: item.expiresAt, grantedBy: raiser.id });
        }
        await deps.notices.createGroup({ ...alert, ...set }, { title: `Allergy alert · ${caseCode}`, ownerUserId: members[0]!, userIds: members.slice(1) });
      });
      deps.audit.append({ actor: raiser.id, action: AUDIT_ACTIONS.alertRaised, target: alert.id, outcome: 'success', reason: `${basis}:recipients_${item.recipients.length}` });
      deps.wake?.();
      return { alertId: alert.id, caseCode, ehrPendingId: alert.ehrPendingId, itemId: item.itemId, scanItemId: scan?.itemId ?? null, recipients: item.recipients.length };
    },

    find: (id: string) => repo.find(id),
    forCase: (caseId: string) => repo.forCase(caseId),
  };
}

export type AlertService = ReturnType<typeof createAlertService>;
