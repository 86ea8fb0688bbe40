import { join } from 'node:path';
import { extractPdfText } from '../../test/helpers/pdf-text.js';
import { createAppClient, type AppClient } from '../harness/app-client.js';
import { freePort, spawnService } from '../harness/service-process.js';
import { listedDocuments, viewable } from '../r4-checks.js';
import { auditVerifyCli } from './cluster-checks.js';
import type { Cluster } from './cluster-rig.js';

export interface DocumentCheck {
  /** Report ids the case screen lists. */
  listed: string[];
  /** Documents that open (as the attending) and whose text still carries the marker they were shared with. */
  served: number;
  problems: string[];
}

/**
 * What a service serves for case `code`: its list, and each document opened as the attending does,
 * its text checked for the marker it was shared with (the bytes differ per view: each carries its
 * viewer's watermark).
 */
export async function checkDocuments(api: Pick<AppClient, 'api'>, code: string, documents: Map<string, string>): Promise<DocumentCheck> {
  const listed = await listedDocuments(api, code);
  const out: DocumentCheck = { listed: listed.ids.sort(), served: 0, problems: listed.status === 200 ? [] : [`list ${listed.status}`] };
  for (const [id, marker] of documents) {
    const v = await viewable(api, id);
    const text = v.bytes ? (await extractPdfText(v.bytes)).pages.map((p) => p.text).join('\n') : '';
    if (text.includes(marker)) out.served++;
    else out.problems.push(v.ok ? 'opens without its text' : `view ${v.status}`);
  }
  return out;
}

export interface DrillResult {
  sameList: boolean;
  served: number;
  wanted: number;
  audit: { ok: boolean; size: number; out: string };
  note: string;
}

/**
 * The restore drill: the cluster's database copied as an operator backs it up (`pg_dump`, restored
 * with `pg_restore` into a fresh database; SQLite: its online backup and the blob folder), a service
 * started on the copy with the same keys serves the same documents, and `npm run audit -- verify`
 * passes on the copy. Run once the cluster's instances are down; `before` is what the cluster served.
 */
export async function restoreDrill(c: Cluster, code: string, documents: Map<string, string>, before: DocumentCheck): Promise<DrillResult> {
  const t0 = Date.now();
  const copy = await c.db.restoredCopy(join(c.workDir, 'restore'));
  const restoredMs = Date.now() - t0;
  const env = { ...c.sharedEnv, DATABASE_URL: copy.url, PORT: String(await freePort()), INSTANCE_ID: 'rel-restored' };
  try {
    const proc = await spawnService({ env, compiled: true, logFile: join(c.workDir, 'service-restored.log') });
    let after: DocumentCheck;
    try {
      after = await checkDocuments(createAppClient(c.sim, () => proc.baseUrl), code, documents);
    } finally {
      await proc.stop();
    }
    const audit = await auditVerifyCli({ ...c.sharedEnv, DATABASE_URL: copy.url });
    const how = c.db.backend === 'postgres' ? 'pg_dump → pg_restore' : 'SQLite backup';
    const problems = [...new Set(after.problems)];
    return {
      sameList: JSON.stringify(after.listed) === JSON.stringify(before.listed),
      served: after.served,
      wanted: documents.size,
      audit,
      note: `${how} in ${restoredMs} ms; before the drill the cluster served ${before.served}/${documents.size}${problems.length ? `; ${problems.join(', ')}` : ''}`,
    };
  } finally {
    await copy.close();
  }
}
