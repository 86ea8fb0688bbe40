import { DomainError } from '../../shared/errors.js';
import { parseOrInvalid } from '../../shared/validate.js';
import { AUDIT_ACTIONS } from '../../shared/audit-sink.js';
import type { Actor } from '../directory/directory-service.js';
import type { ClinicianRow } from '../directory/directory-repository.js';
import type { PatientRecordNumber } from '../patients/patient-records.js';
import { newId } from '../../shared/ids.js';
import { assertVerifiedDoctor, clinicianById, type CaseDeps } from './case-deps.js';
import { newCaseCode } from './case-code.js';
import type { LinkRef } from './link-tokens.js';
import { caseFormSchema, requireDateOfBirth, requireHkid, resolveConsents, writeConsents, type CaseForm } from './case-form.js';

export type CaseFormResult = { created: true; caseCode: string } | { created: false; existing: string };

/** How long after submitting a case-open form a doctor may bind the existing case it found. */
const EXISTING_BIND_WINDOW_MS = 30 * 60_000;
const CODE_ATTEMPTS = 8;

/**
 * Opening a case: `@bot open` in a group → a one-time form link 1:1 → the form posts the patient's
 * identity here. The patient is found by keyed HKID hash, so a second doctor opening the same
 * patient is offered the existing case instead of creating a duplicate.
 */
export function createCaseOpenService(deps: CaseDeps) {
  const { transaction, cases, patients, records, directory, tokens, queries, audit, clock, authorize } = deps;

  async function assertGroupFree(conversationId: string, exceptCaseId?: string): Promise<void> {
    const bound = await cases.groupBinding(conversationId);
    if (bound && bound.caseId !== exceptCaseId) throw new DomainError('conflict', 'group already bound to a case');
  }

  /** A record number belongs to the opener's institution (the number is theirs to know). */
  async function recordOf(opener: ClinicianRow, recordNumber: string | undefined): Promise<PatientRecordNumber | undefined> {
    const institution = recordNumber && opener.institutionId ? await directory.institution(opener.institutionId) : undefined;
    return institution && recordNumber ? { institution: institution.code, number: recordNumber } : undefined;
  }

  async function uniqueCode(): Promise<string> {
    for (let i = 0; i < CODE_ATTEMPTS; i++) {
      const code = newCaseCode();
      if (!(await cases.caseByCode(code))) return code;
    }
    throw new DomainError('internal', 'could not allocate a case code');
  }

  return {
    /**
     * Verified doctors only; the group must not already belong to a case. Returns the link intent id
     * for the mini-app form (see link-tokens.ts).
     */
    async startCaseOpen(actor: Actor, conversationId: string): Promise<{ intentId: string; expiresAt: number }> {
      try {
        assertVerifiedDoctor(actor.clinician);
        await assertGroupFree(conversationId);
      } catch (e) {
        const reason = e instanceof DomainError ? e.code : 'internal';
        audit.append({ actor: actor.clinician.id, action: AUDIT_ACTIONS.caseOpenStarted, target: conversationId, outcome: 'denied', reason });
        throw e;
      }
      const issued = await tokens.issue('case_open', { clinicianId: actor.clinician.id, conversationId });
      audit.append({ actor: actor.clinician.id, action: AUDIT_ACTIONS.caseOpenStarted, target: conversationId, outcome: 'success' });
      return issued;
    },

    /**
     * The form post. Validates before spending the link (so a typo can be corrected), then writes
     * patient, case, group binding, attending role and consents in one transaction.
     */
    async submitCaseForm(link: LinkRef, actorClinicianId: string, input: CaseForm): Promise<CaseFormResult> {
      await tokens.peek(link, 'case_open', actorClinicianId);
      const opener = await clinicianById(directory, actorClinicianId);
      assertVerifiedDoctor(opener);
      const form = parseOrInvalid(caseFormSchema, input);
      const hkid = requireHkid(form.hkid);
      const dateOfBirth = requireDateOfBirth(form.dateOfBirth, clock.now());
      const resolved = await resolveConsents(directory, form);
      const details = { sex: form.sex, record: await recordOf(opener, form.recordNumber) };

      return transaction(async (): Promise<CaseFormResult> => {
        const used = await tokens.consume(link, 'case_open', actorClinicianId);
        const conversationId = used.conversationId!;
        const now = clock.now();
        const known = await records.findByHkid(hkid);
        const open = known ? await cases.openCaseOfPatient(known.id) : undefined;
        if (open) {
          await tokens.attachCase(used.tokenHash, open.id);
          audit.append({ actor: opener.id, action: AUDIT_ACTIONS.caseExistingOffered, target: open.code, outcome: 'success' });
          return { created: false, existing: open.code };
        }
        await assertGroupFree(conversationId);
        const patient = known ?? (await records.create({ hkid, nameEn: form.nameEn, nameZh: form.nameZh, dateOfBirth, ...details }, now));
        if (known) await records.updateDetails(known.id, details);
        const code = await uniqueCode();
        const caseId = newId();
        await cases.insertCase({ id: caseId, code, patientId: patient.id, openedBy: opener.id, openedAt: now, status: 'open' });
        await cases.bindGroup(caseId, conversationId, opener.id, now);
        // The opener's role comes from opening the case, not from the group: leaving it keeps the role.
        await cases.addMember({ caseId, clinicianId: opener.id, role: 'attending', addedBy: opener.id }, now);
        const written = await writeConsents(patients, patient.id, resolved, opener.id, now);
        audit.append({ actor: opener.id, action: AUDIT_ACTIONS.caseOpened, target: code, outcome: 'success' });
        audit.append({ actor: opener.id, action: AUDIT_ACTIONS.caseGroupBound, target: code, outcome: 'success' });
        audit.append({ actor: opener.id, action: AUDIT_ACTIONS.caseTeamAdded, target: code, outcome: 'success', reason: 'attending' });
        if (written > 0) audit.append({ actor: opener.id, action: AUDIT_ACTIONS.caseConsentRecorded, target: code, outcome: 'success' });
        return { created: true, caseCode: code };
      });
    },

    /**
     * Binds an existing case to a group. Allowed to whoever may manage the case (the attending), or
     * to a verified doctor who just submitted a case-open form in this group that found this case:
     * they proved they hold the patient's identity. Binding grants no one any access.
     */
    async bindExistingCase(actor: Actor, caseCode: string, conversationId: string): Promise<{ caseCode: string; bound: boolean }> {
      const c = await queries.findCase(caseCode);
      if (c.status !== 'open') throw new DomainError('conflict', 'case is closed');
      await assertGroupFree(conversationId, c.id);
      if (await cases.groupBinding(conversationId)) return { caseCode: c.code, bound: false };
      const decision = await authorize(actor, 'manageCase', await queries.caseFacts(c.id, actor.clinician.id));
      const proved =
        actor.trusted &&
        actor.clinician.role === 'doctor' &&
        (await tokens.usedCaseOpenFor(actor.clinician.id, c.id, conversationId, clock.now() - EXISTING_BIND_WINDOW_MS));
      if (!decision.allowed && !proved) {
        audit.append({ actor: actor.clinician.id, action: AUDIT_ACTIONS.caseGroupBound, target: c.code, outcome: 'denied', reason: 'not_permitted' });
        throw new DomainError('access.denied');
      }
      await transaction(async () => {
        await assertGroupFree(conversationId);
        await cases.bindGroup(c.id, conversationId, actor.clinician.id, clock.now());
        audit.append({ actor: actor.clinician.id, action: AUDIT_ACTIONS.caseGroupBound, target: c.code, outcome: 'success' });
      });
      return { caseCode: c.code, bound: true };
    },
  };
}

export type CaseOpenService = ReturnType<typeof createCaseOpenService>;
