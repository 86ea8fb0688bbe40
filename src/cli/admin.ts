import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { hkDate } from '../shared/hk-time.js';
import { exitWith } from './cli-exit.js';
import { loadConfig } from '../config/config.js';
import type { AuditLogPort } from '../domain/audit/audit-log-port.js';
import { AUDIT_ACTIONS } from '../shared/audit-sink.js';
import { loadAuditSigner } from '../domain/audit/audit-signer.js';
import { createCaseQueries } from '../domain/cases/case-queries.js';
import { createDirectoryAdmin } from '../domain/directory/directory-admin.js';
import type { DirectoryRepository } from '../domain/directory/directory-repository.js';
import { createConsentQueries } from '../domain/patients/consent-queries.js';
import { createFieldCipher } from '../domain/patients/field-cipher.js';
import { createRefreshSessions } from '../domain/sessions/refresh-sessions.js';
import { mintAdminToken } from '../http/admin/admin-token.js';
import { importClinicians } from '../usecases/admin/import-clinicians.js';
import { createOrganisationExit } from '../compose/organisation-exit.js';
import type { Repositories } from '../compose/repositories.js';
import { openRepositories } from '../compose/storage.js';
import { patientFieldKey } from '../compose/keys.js';
import { systemClock } from '../shared/clock.js';
import { DomainError } from '../shared/errors.js';
import { silentLogger } from '../shared/logger.js';
import { sessionSecret } from '../shared/key-file.js';

const HELP = `Usage: npm run admin -- <command>

  clinicians [--unverified]                 List the directory.
  verify <dingtalkUserId> --reg M12345 --role doctor --institution QMH --by <admin>
         [--specialty Cardiology] [--name-en "Dr CHAN Tai-man"] [--name-zh 陳大文]
  suspend <dingtalkUserId> [--undo] [--by <admin>]   (never yourself, never the last active admin)
  remove-from-org <dingtalkUserId> [--by <admin>]   Unverify; end every care-team role, grant and login.
  import-clinicians <file.csv> [--dry-run] [--by <admin>]
                                            Bulk import (columns in README "Bulk clinician import"); a
                                            per-row report; --dry-run changes nothing.
  institutions                              List institutions.
  add-institution <code> --name-en ... [--name-zh ...] --sector public|private [--by <admin>]
  case <C-XXXXX>                            The care team of a case (no patient data).
  token <dingtalkUserId>                    A 15-minute admin bearer token for /api/admin, bound to a
                                            new login (suspending the admin ends it).

Reads DATABASE_URL and KEY_DIR like the service; \`token\` needs ADMIN_JWT_SECRET (the service's).
Changes are written to the audit log. Run changing commands while the service is stopped, or use
the HTTP routes: two processes appending to one audit log would race.
`;

const OPTIONS = {
  unverified: { type: 'boolean' },
  undo: { type: 'boolean' },
  reg: { type: 'string' },
  role: { type: 'string' },
  specialty: { type: 'string' },
  institution: { type: 'string' },
  'name-en': { type: 'string' },
  'name-zh': { type: 'string' },
  sector: { type: 'string' },
  by: { type: 'string' },
  'dry-run': { type: 'boolean' },
} as const;

type Flags = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

/** Prints rows as an aligned text table (CJK characters count as two columns). */
function printTable(rows: Record<string, string>[], empty = '(none)'): void {
  if (rows.length === 0) return void console.log(empty);
  const width = (s: string) => [...s].reduce((n, ch) => n + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);
  const cols = Object.keys(rows[0]!);
  const w = cols.map((c) => Math.max(width(c), ...rows.map((r) => width(r[c] ?? ''))));
  const line = (cells: string[]) => cells.map((v, i) => v + ' '.repeat(w[i]! - width(v))).join('  ').trimEnd();
  console.log(line(cols));
  console.log(line(w.map((n) => '-'.repeat(n))));
  for (const r of rows) console.log(line(cols.map((c) => r[c] ?? '')));
}

function need(value: string | undefined, what: string): string {
  if (!value) throw new DomainError('request.invalid', `missing ${what}`);
  return value;
}

const day = (ms: number | null) => (ms ? hkDate(ms) : '');

async function clinicianTable(repo: DirectoryRepository, unverifiedOnly: boolean): Promise<void> {
  const institutions = new Map((await repo.listInstitutions()).map((i) => [i.id, i]));
  const institution = (id: string | null) => (id ? institutions.get(id) : undefined);
  printTable(
    (await repo.list()).filter((c) => !unverifiedOnly || !c.verified).map((c) => ({
      dingtalkUserId: c.dingtalkUserId,
      name: c.nameEn ?? c.displayName,
      role: c.role ?? '',
      specialty: c.specialty ?? '',
      institution: institution(c.institutionId)?.code ?? '',
      registration: c.registrationNo ?? '',
      status: c.suspended ? 'suspended' : c.verified ? `verified ${day(c.verifiedAt)}` : 'unverified',
    })),
  );
}

async function run(command: string, args: string[], flags: Flags, repos: Repositories): Promise<void> {
  const config = loadConfig(process.env);
  const repo = repos.directory;
  // Read-only commands never open the audit log; changing ones close it (flush + checkpoint) at the end.
  let audit: AuditLogPort | undefined;
  const auditLog = async () =>
    (audit ??= await repos.openAuditLog({ clock: systemClock, signer: loadAuditSigner(config.keys).signer, logger: silentLogger, region: config.residency.region }));
  const texts = () => createFieldCipher(patientFieldKey(config)).freeText;
  /** What the changing commands use, over the opened audit log. */
  const writing = async () => {
    const log = await auditLog();
    const sessions = createRefreshSessions({ transaction: repos.transaction, repo: repos.sessions, clock: systemClock, audit: log });
    const dir = createDirectoryAdmin({
      repo,
      audit: log,
      clock: systemClock,
      endLogins: (id, reason) => sessions.revokeAllFor(id, reason),
      offboard: (id, by) => createOrganisationExit({ repos, grantRepo: repos.sealed(texts()).grants, directoryRepo: repo, audit: log, clock: systemClock }).leave(id, by, 'admin_removed'),
    });
    return { log, sessions, dir };
  };
  const by = async () => {
    const ref = flags.by ?? `cli:${process.env.USER ?? 'operator'}`;
    return (await repo.findByDingTalkId(ref))?.id ?? (await repo.findById(ref))?.id ?? ref;
  };
  try {
    switch (command) {
      case 'clinicians':
        return clinicianTable(repo, flags.unverified ?? false);
      case 'institutions':
        return printTable((await repo.listInstitutions()).map((i) => ({ code: i.code, name: i.nameEn, nameZh: i.nameZh ?? '', sector: i.sector })));
      case 'verify': {
        const c = await (await writing()).dir.verify(
          need(args[0], 'dingtalkUserId'),
          {
            registrationNo: need(flags.reg, '--reg'),
            role: need(flags.role, '--role') as never,
            specialty: flags.specialty,
            institutionCode: need(flags.institution, '--institution'),
            nameEn: flags['name-en'],
            nameZh: flags['name-zh'],
          },
          await by(),
        );
        return console.log(`Verified ${c.dingtalkUserId} as ${c.role} (${c.registrationNo}).`);
      }
      case 'suspend': {
        const c = await (await writing()).dir.suspend(need(args[0], 'dingtalkUserId'), { undo: flags.undo }, await by());
        return console.log(`${c.dingtalkUserId} is ${c.suspended ? 'suspended' : 'active again'}.`);
      }
      case 'remove-from-org': {
        const out = await (await writing()).dir.removeFromOrganisation(need(args[0], 'dingtalkUserId'), await by());
        return console.log(`Removed from the organisation: ${out.rolesEnded} care-team roles, ${out.grantsRevoked} grants and ${out.loginsEnded} logins ended; no longer verified.`);
      }
      case 'add-institution': {
        const sector = need(flags.sector, '--sector') as 'public' | 'private';
        const i = await (await writing()).dir.addInstitution({ code: need(args[0], 'code'), nameEn: need(flags['name-en'], '--name-en'), nameZh: flags['name-zh'], sector }, await by());
        return console.log(`Added institution ${i.code} (${i.sector}).`);
      }
      case 'case': {
        const { patients } = repos.sealed(texts());
        const directory = repos.directory;
        const queries = createCaseQueries({ cases: repos.cases, directory, consents: createConsentQueries({ patients, directory }) });
        const c = await queries.findCase(need(args[0], 'case code'));
        console.log(`Case ${c.code} · ${c.status} · opened ${day(c.openedAt)}`);
        return printTable(
          (await queries.teamOf(c.id)).map((m) => ({
            careRole: m.careRole,
            name: m.nameEn,
            role: m.clinicianRole ?? '',
            specialty: m.specialty ?? '',
            institution: m.institutionCode ?? '',
            verified: m.suspended ? 'suspended' : m.verified ? 'yes' : 'no',
            since: day(m.since),
          })),
        );
      }
      case 'import-clinicians': {
        const csv = readFileSync(need(args[0], 'file.csv'), 'utf8');
        const report = await importClinicians({ directory: repo, transaction: repos.transaction, audit: await auditLog(), clock: systemClock }, csv, { dryRun: flags['dry-run'] === true, by: await by() });
        printTable(report.rows.map((r) => ({ line: String(r.line), dingtalkUserId: r.dingtalkUserId, result: r.status, why: r.problems.map((p) => (p.column ? `${p.column}: ${p.code}` : p.code)).join('; ') })));
        return console.log(`${report.dryRun ? 'Dry run: ' : ''}${report.ok} ok, ${report.errors} with errors.`);
      }
      case 'token': {
        const secret = sessionSecret(config.keys);
        const { dir, sessions, log } = await writing();
        const c = await dir.findClinician(need(args[0], 'dingtalkUserId'));
        if (c.role !== 'admin' || !c.verified || c.suspended) throw new DomainError('access.denied', 'not a verified, active admin');
        const login = await sessions.start(c.id);
        log.append({ actor: await by(), action: AUDIT_ACTIONS.adminTokenIssued, target: c.id, outcome: 'success', reason: 'cli' });
        return console.log(await mintAdminToken(secret, c.id, login.familyId));
      }
      default:
        throw new DomainError('request.invalid', `unknown command ${command}`);
    }
  } finally {
    await audit?.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  const [command, ...args] = positionals;
  if (!command || command === 'help') {
    process.stdout.write(HELP);
    return command ? 0 : 2;
  }
  const { repos } = await openRepositories(loadConfig(process.env).databaseUrl);
  try {
    await run(command, args, values, repos);
    return 0;
  } finally {
    await repos.close();
  }
}

exitWith('admin', main(process.argv.slice(2)));
