import { ConfigError, loadConfig } from '../config/config.js';
import { openDatabase } from '../db/client.js';
import { runAuditCommand } from '../domain/audit/audit-commands.js';
import { createAuditReader } from '../domain/audit/audit-reader.js';
import { createAuditRepository } from '../domain/audit/audit-repository.js';
import { loadAuditVerifier } from '../domain/audit/audit-signer.js';
import { isDomainError } from '../shared/errors.js';
import { hkDateTimeSeconds } from '../shared/hk-time.js';
import { createDirectoryRepository } from '../domain/directory/directory-repository.js';
import { createDocumentRepository } from '../domain/sharing/document-repository.js';
import { createCasesRepository } from '../domain/cases/cases-repository.js';
import type { DbHandle } from '../db/client.js';
import type { AuditEntry } from '../domain/audit/audit-entry.js';

/** Names the viewer (with registration and institution) and the document's case for `trace`. */
function describeEntry(handle: DbHandle) {
  const directory = createDirectoryRepository(handle.db, handle.store);
  const documents = createDocumentRepository(handle.db, handle.store);
  const cases = createCasesRepository(handle.db, handle.store);
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

/** `npm run audit -- <verify|proof|consistency|checkpoint|trace>`: wiring only; see audit-commands.ts. */
async function main(argv: string[]): Promise<number> {
  const config = loadConfig(process.env);
  const handle = openDatabase(config.databaseUrl);
  try {
    const result = await runAuditCommand(argv, {
      reader: createAuditReader(createAuditRepository(handle.sqlite), handle.store),
      verifier: loadAuditVerifier(config.keys),
      describe: describeEntry(handle),
    });
    (result.code === 0 ? process.stdout : process.stderr).write(result.out);
    return result.code;
  } finally {
    handle.close();
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
