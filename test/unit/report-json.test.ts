import { describe, expect, it } from 'vitest';
import { dataAccessReportDto } from '../../src/contract/admin-reports.js';
import type { DataAccessReport } from '../../src/domain/reports/data-access-report.js';
import { dataAccessReportJson } from '../../src/http/admin/report-json.js';

const person = { id: 'c1', name: 'Dr CHAN Tai-man', role: 'attending' as const, institution: 'QMH' };
const at = '2026-12-07T06:00:00.000Z';
const lab = { code: 'lab' as const, en: 'Lab result', zh: '化驗結果' };
const caseOf = (code: string) => ({
  caseCode: code, status: 'open', openedAt: at, openedBy: person, careTeam: [{ clinician: person, role: 'attending', from: at, to: null, removedReason: null }],
  documents: [], accessRequests: [], medications: [], grants: [],
});
const entry = (i: number) => ({ index: i, at, actor: i % 2 ? person : null, actorId: i % 2 ? 'c1' : 'system', action: 'document.viewed', target: 'doc-1', targetDocType: i % 3 ? lab : null, outcome: 'success', reason: null });

/** The report's body is written in turns (report-json.ts), and must be exactly what the schema serializer wrote. */
describe('data access report JSON', () => {
  it('When the report has several cases and more entries than one slice, then the body equals the schema-checked report stringified at once, unknown keys dropped', async () => {
    const report = {
      reportId: 'r-1', kind: 'pdpo_data_access', requestReceivedAt: at, dueBy: at, preparedBy: person,
      subject: { patientId: 'p-1', hkid: 'A123456(3)', nameEn: 'TEST Patient', nameZh: null, dateOfBirth: '1950-01-02', recordCreatedAt: at, internalNote: 'dropped' },
      consents: [], restrictedConsents: [],
      cases: [caseOf('C-22222'), { ...caseOf('C-33333'), secret: 'dropped' }],
      accessLog: Array.from({ length: 1_234 }, (_, i) => entry(i)),
    } as unknown as DataAccessReport;
    const json = await dataAccessReportJson(report);
    expect(json).toBe(JSON.stringify(dataAccessReportDto.parse(report)));
    expect(json).not.toContain('dropped');
    expect(JSON.parse(json).accessLog).toHaveLength(1_234);
  });

  it('When nobody matched, then the empty report is written as before', async () => {
    const empty = { reportId: 'r-2', kind: 'pdpo_data_access', requestReceivedAt: at, dueBy: at, preparedBy: person, subject: null, consents: [], restrictedConsents: [], cases: [], accessLog: [] } as unknown as DataAccessReport;
    expect(await dataAccessReportJson(empty)).toBe(JSON.stringify(empty));
  });

  it('When an entry does not match the schema, then writing fails instead of sending it', async () => {
    const bad = { reportId: 'r-3', kind: 'pdpo_data_access', requestReceivedAt: at, dueBy: at, preparedBy: person, subject: null, consents: [], restrictedConsents: [], cases: [], accessLog: [{ ...entry(1), index: 'one' }] } as unknown as DataAccessReport;
    await expect(dataAccessReportJson(bad)).rejects.toThrow();
  });
});
