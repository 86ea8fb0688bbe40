import { ConfigError, loadConfig } from '../config/config.js';
import type { Repositories } from '../compose/repositories.js';
import { openRepositories } from '../compose/storage.js';
import { runAuditCommand } from '../domain/audit/audit-commands.js';
import { verifyProgress } from './verify-progress.js';
import { loadAuditVerifier } from '../domain/audit/audit-signer.js';
import { isDomainError } from '../shared/errors.js';
import { hkDateTimeSeconds } from '../shared/hk-time.js';
import type { AuditEntry } from '../domain/audit/audit-entry.js';

/** Names the viewer (with registration and institution) and the document's case for `trace`. */
function describeEntry(repos: Pick<Repositories, 'directory' | 'documents' | 'cases'>) {
  const { directory, documents, cases } = repos;
  return async (e: AuditEntry) => {
    const who = await directory.findById(e.actor);
    const doc = e.target ? await documents.find(e.target) : undefined;
    return {
      viewer: who ? [who.nameZh, who.nameEn ?? who.displayName].filter(Boolean).join(' ') : undefined,
      viewerRegistration: who?.registrationNo ?? undefined,
      viewerInstitution: who?.institutionId ?? undefined,
      documentCase: doc ? (await cases.caseById(doc.caseId))?.code : undefined,
      viewedAt: hkDateTimeSeconds(e.at),
    };
  };
}

/** `npm run audit -- <verify|proof|consistency|checkpoint|trace>`: wiring only; see audit-commands.ts. Works on SQLite and PostgreSQL. */
async function main(argv: string[]): Promise<number> {
  const config = loadConfig(process.env);
  const { repos } = await openRepositories(config.databaseUrl);
  try {
    const progress = verifyProgress(process.stderr);
    const result = await runAuditCommand(argv, {
      reader: repos.auditReader(),
      verifier: loadAuditVerifier(config.keys),
      describe: describeEntry(repos),
      progress: (done, total) => progress.tick(done, total),
    });
    progress.done();
    (result.code === 0 ? process.stdout : process.stderr).write(result.out);
    return result.code;
  } finally {
    await repos.close();
  }
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (e) {
  // Domain and config errors carry safe messages; anything else is shown by name only.
  const safe = isDomainError(e) || e instanceof ConfigError;
  process.stderr.write(`audit: ${safe ? e.message : e instanceof Error ? e.name : 'failed'}\n`);
  process.exitCode = isDomainError(e) && e.code === 'request.invalid' ? 2 : 1;
}
