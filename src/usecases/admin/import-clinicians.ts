import type { DirectoryRepository } from '../../domain/directory/directory-repository.js';
import { AUDIT_ACTIONS, type AuditSink } from '../../shared/audit-sink.js';
import type { Clock } from '../../shared/clock.js';
import type { Transaction } from '../../shared/transactions.js';
import { readClinicianCsv, type CsvClinician, type RowProblem } from './clinician-csv.js';

export interface ImportCliniciansDeps {
  directory: Pick<DirectoryRepository, 'findByDingTalkId' | 'institutionByCode' | 'insert' | 'byRegistrationNos'>;
  transaction: Transaction;
  audit: AuditSink;
  clock: Clock;
}

/** One row's outcome: `ok` (dry run: would be imported), `imported`, or `error` with its problems. */
export interface ImportRow {
  line: number;
  dingtalkUserId: string;
  displayName: string;
  status: 'ok' | 'imported' | 'error';
  problems: RowProblem[];
}

export interface ImportReport {
  dryRun: boolean;
  rows: ImportRow[];
  ok: number;
  errors: number;
}

/**
 * Bulk clinician import from a CSV (columns in clinician-csv.ts). A dry run checks every row —
 * fields and formats, no HKID in any field, a known institution, neither the DingTalk user nor the
 * registration number already in the directory or earlier in the file — and changes nothing; the import adds the rows without problems (unverified:
 * the register check stays a separate, recorded step per clinician) and reports every row. Audited
 * (each clinician added, and the import with its counts).
 */
export async function importClinicians(deps: ImportCliniciansDeps, csv: string, opts: { dryRun: boolean; by: string }): Promise<ImportReport> {
  const parsed = readClinicianCsv(csv);
  const seen = new Set<string>();
  const institutions = new Map<string, string | null>();
  const institutionId = async (code: string) => {
    if (!institutions.has(code)) institutions.set(code, (await deps.directory.institutionByCode(code))?.id ?? null);
    return institutions.get(code)!;
  };
  const inFile = parsed.map((r) => r.registrationNo).filter((n): n is string => !!n);
  const registered = new Set((await deps.directory.byRegistrationNos(inFile)).map((c) => c.registrationNo!.toUpperCase()));
  const seenNos = new Set<string>();
  const checked: CsvClinician[] = [];
  for (const r of parsed) {
    const problems = [...r.problems];
    if (r.registrationNo && registered.has(r.registrationNo.toUpperCase())) problems.push({ code: 'duplicate_in_directory', column: 'registration_no' });
    else if (r.registrationNo && seenNos.has(r.registrationNo)) problems.push({ code: 'duplicate_in_file', column: 'registration_no' });
    if (r.registrationNo) seenNos.add(r.registrationNo);
    if (r.institutionCode && !(await institutionId(r.institutionCode))) problems.push({ code: 'unknown_institution', column: 'institution_code' });
    if (r.dingtalkUserId && seen.has(r.dingtalkUserId)) problems.push({ code: 'duplicate_in_file', column: 'dingtalk_user_id' });
    else if (r.dingtalkUserId && (await deps.directory.findByDingTalkId(r.dingtalkUserId))) problems.push({ code: 'duplicate_in_directory', column: 'dingtalk_user_id' });
    if (r.dingtalkUserId) seen.add(r.dingtalkUserId);
    checked.push({ ...r, problems });
  }
  const rows: ImportRow[] = [];
  await deps.transaction(async () => {
    const now = deps.clock.now();
    for (const r of checked) {
      const ok = r.problems.length === 0;
      if (ok && !opts.dryRun) {
        const row = await deps.directory.insert(
          {
            dingtalkUserId: r.dingtalkUserId, displayName: r.displayName, nameEn: r.nameEn, nameZh: r.nameZh, role: r.role,
            specialty: r.specialty, institutionId: await institutionId(r.institutionCode), registrationNo: r.registrationNo, verified: false, suspended: false,
          },
          now,
        );
        deps.audit.append({ actor: opts.by, action: AUDIT_ACTIONS.directoryUserAdded, target: row.id, outcome: 'success', reason: 'import' });
      }
      rows.push({ line: r.line, dingtalkUserId: r.dingtalkUserId, displayName: r.displayName, status: ok ? (opts.dryRun ? 'ok' : 'imported') : 'error', problems: r.problems });
    }
    const ok = rows.filter((r) => r.status !== 'error').length;
    const reason = `${opts.dryRun ? 'dry_run' : 'imported'}:${ok}:errors:${rows.length - ok}`;
    deps.audit.append({ actor: opts.by, action: AUDIT_ACTIONS.directoryImported, outcome: 'success', reason }, { now: true });
  });
  const ok = rows.filter((r) => r.status !== 'error').length;
  return { dryRun: opts.dryRun, rows, ok, errors: rows.length - ok };
}
