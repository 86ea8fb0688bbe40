import { describe, expect, it } from 'vitest';
import { describeTargets, type AuditTargetDeps } from '../../src/usecases/admin/audit-targets.js';

const DOC = '11111111-1111-4111-8111-111111111111';
const REQ = '22222222-2222-4222-8222-222222222222';
const INST = '33333333-3333-4333-8333-333333333333';
const FAMILY = '44444444-4444-4444-8444-444444444444';
const CASE_ID = '55555555-5555-4555-8555-555555555555';

/** Stores that know one document (a lab result), one request, one case and one institution. */
const deps = {
  documents: { find: async (id: string) => (id === DOC ? { caseId: CASE_ID, docType: 'lab' } : undefined) },
  requests: { find: async (id: string) => (id === REQ ? { caseId: CASE_ID } : undefined) },
  grants: { find: async () => undefined, findReview: async () => undefined },
  cases: { caseById: async (id: string) => (id === CASE_ID ? { code: 'C-7KQ2M' } : undefined) },
  directory: { institution: async (id: string) => (id === INST ? { code: 'QMH' } : undefined) },
  patients: { findById: async () => undefined },
} as unknown as AuditTargetDeps;

describe('audit targets described for the console (issue 12: no UUID on screen)', () => {
  it('When a target is a stored record, then it is named by what it is and its case code (a document by its type, never its title)', async () => {
    const out = await describeTargets(deps, [
      { action: 'document.viewed', target: DOC },
      { action: 'access.requested', target: REQ },
      { action: 'directory.institution_added', target: INST },
      { action: 'case.closed', target: CASE_ID },
    ]);
    expect(out.get(DOC)).toEqual({ kind: 'document', caseCode: 'C-7KQ2M', docType: 'lab', code: null });
    expect(out.get(REQ)).toEqual({ kind: 'request', caseCode: 'C-7KQ2M', docType: null, code: null });
    expect(out.get(INST)).toEqual({ kind: 'institution', caseCode: null, docType: null, code: 'QMH' });
    expect(out.get(CASE_ID)).toMatchObject({ kind: 'case', caseCode: 'C-7KQ2M' });
  });

  it('When an id is in no store, or is part of a longer key, then its action says what it is, else "record"', async () => {
    const out = await describeTargets(deps, [
      { action: 'auth.login', target: FAMILY },
      { action: 'outbound.send', target: `card:${DOC}:approve` },
      { action: 'escalation.stopped', target: '66666666-6666-4666-8666-666666666666' },
    ]);
    expect(out.get(FAMILY)?.kind).toBe('session');
    expect(out.get(`card:${DOC}:approve`)?.kind).toBe('message');
    expect(out.get('66666666-6666-4666-8666-666666666666')?.kind).toBe('record');
  });

  it('When a target is one of our prefixed ids (an alert, a burn item) or a key holding one, then it is named by that or by its action', async () => {
    const out = await describeTargets(deps, [
      { action: 'alert.raised', target: 'alr_ad546546ca4a1b2c3d4e5f60' },
      { action: 'grant.created', target: 'eph_c41e6d6635934d0011223344' },
      { action: 'outbound.send', target: 'alert:alr_ad546546ca4a1b2c3d4e5f60:card' },
    ]);
    expect(out.get('alr_ad546546ca4a1b2c3d4e5f60')?.kind).toBe('alert');
    expect(out.get('eph_c41e6d6635934d0011223344')?.kind).toBe('burn');
    expect(out.get('alert:alr_ad546546ca4a1b2c3d4e5f60:card')?.kind).toBe('message');
  });

  it('When a target holds no id (a case code, a command, nothing), then it is left as it is', async () => {
    const out = await describeTargets(deps, [
      { action: 'case.opened', target: 'C-7KQ2M' },
      { action: 'command.run', target: 'share' },
      { action: 'service.started', target: null },
    ]);
    expect(out.size).toBe(0);
  });
});
