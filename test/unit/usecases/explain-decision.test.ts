import { beforeAll, describe, expect, it } from 'vitest';
import { documentRequest } from '../../../src/domain/access/access-facts.js';
import { loadPolicyEngine, type AccessDecision, type PolicyEngine } from '../../../src/domain/access/policy-engine.js';
import type { ClinicianRow } from '../../../src/domain/directory/directory-repository.js';
import type { ViewDecision } from '../../../src/domain/sharing/document-access.js';
import type { AuditInput } from '../../../src/shared/audit-sink.js';
import { explainForClinician, explainOwnDecision } from '../../../src/usecases/explain/explain-decision.js';
import { clinician, doc, POLICY_DIR } from '../access-fixtures.js';

const chan = { id: 'Clin_Chan', verified: false, suspended: false } as ClinicianRow;
const document = { id: 'd-1', status: 'active' } as ViewDecision['document'];

/** A decision from the real policies: an unverified doctor on a restricted (HIV) report without consent. */
function strangerDecision(engine: PolicyEngine): AccessDecision {
  return engine.decide(documentRequest(clinician({ verified: false }), 'view', doc({ restrictedCategory: 'hiv' }), { patientConsentsToInstitution: false }));
}

describe('explaining a decision (the bot’s why and the admin explain tool)', () => {
  let engine: PolicyEngine;
  beforeAll(() => {
    engine = loadPolicyEngine(POLICY_DIR);
  });

  it('When a clinician asks about their own access, then it is decided as their attempt and a stranger hears nothing about the patient', async () => {
    const decided: string[] = [];
    const access = (insider: boolean) => ({
      decideView: async (c: ClinicianRow, documentId: string) => {
        decided.push(`${c.id} ${documentId}`);
        return { decision: strangerDecision(engine), document, caseCode: 'C-7KQ2M', insider };
      },
    });
    const stranger = await explainOwnDecision({ access: access(false) }, chan, 'd-1', 'en');
    expect(stranger).toMatchObject({ allowed: false, caseCode: 'C-7KQ2M' });
    expect(stranger.reasons[0]).toBe('Not allowed.');
    expect(stranger.reasons.join(' ')).toMatch(/not been verified/);
    expect(stranger.reasons.join(' ')).not.toMatch(/consent|restricted/i);
    const insider = await explainOwnDecision({ access: access(true) }, chan, 'd-1', 'zh');
    expect(insider.reasons[0]).toBe('不獲准。');
    expect(decided).toEqual(['Clin_Chan d-1', 'Clin_Chan d-1']);
  });

  it('When an admin explains a clinician × document, then the answer has both languages and the admin’s look is audited, not the clinician’s', async () => {
    const audit: AuditInput[] = [];
    const previewed: string[] = [];
    const out = await explainForClinician(
      {
        directory: { findById: async (id) => (id === chan.id ? chan : undefined) },
        access: {
          previewView: async (c, documentId) => {
            previewed.push(`${c.id} ${documentId}`);
            return { decision: strangerDecision(engine), document, caseCode: 'C-7KQ2M', insider: false };
          },
        },
        audit: { append: (e) => audit.push(e) },
      },
      'admin-1',
      chan.id,
      'd-1',
    );
    expect(out).toMatchObject({ allowed: false, clinicianId: chan.id, documentId: 'd-1', caseCode: 'C-7KQ2M' });
    expect(out.missing.length).toBeGreaterThan(0);
    expect(out.policies.length).toBeGreaterThan(0);
    // The admin sees the whole reason, patient facts included.
    expect(out.reasons.en.join(' ')).toMatch(/consent/i);
    expect(out.reasons.zh[0]).toBe('不獲准。');
    expect(previewed).toEqual(['Clin_Chan d-1']);
    expect(audit).toEqual([{ actor: 'admin-1', action: 'admin.explained', target: 'd-1', outcome: 'success', reason: 'clinician:clin_chan' }]);
  });

  it('When the clinician is unknown, then clinician.not_found, nothing is decided and nothing audited', async () => {
    const audit: AuditInput[] = [];
    let previewed = 0;
    const deps = {
      directory: { findById: async () => undefined },
      access: { previewView: async () => (previewed++, {} as ViewDecision) },
      audit: { append: (e: AuditInput) => audit.push(e) },
    };
    await expect(explainForClinician(deps, 'admin-1', 'nobody', 'd-1')).rejects.toMatchObject({ code: 'clinician.not_found' });
    expect(previewed).toBe(0);
    expect(audit).toEqual([]);
  });
});
