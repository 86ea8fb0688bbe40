import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { peek } from './harness/db-peek.js';
import { USERS, type Rig } from './harness/rig.js';

/**
 * What R4 looks at after each `kill -9` and restart: what a clinician can see (the case's document
 * list, the cards in chat) must be whole documents, and what a burn destroyed must be gone from the
 * database and the blob folder.
 */

/** Opens a document as `userId` (the attending unless said), as the mini-app does: view token, then the PDF (its bytes when it opens). */
export async function viewable(rig: Pick<Rig, 'api'>, documentId: string, userId: string = USERS.CHAN): Promise<{ ok: boolean; status: number; bytes?: Buffer }> {
  const t = await rig.api(userId, 'POST', `/api/app/documents/${documentId}/view-token`);
  if (t.status !== 200) return { ok: false, status: t.status };
  const { token } = (await t.json()) as { token: string };
  const v = await rig.api(userId, 'POST', '/api/app/documents/view', { token });
  const bytes = Buffer.from(await v.arrayBuffer());
  const ok = v.status === 200 && bytes.subarray(0, 5).toString('latin1') === '%PDF-';
  return { ok, status: v.status, ...(ok ? { bytes } : {}) };
}

/** Document ids the case screen lists (`GET /api/app/cases/:code`) as the attending. */
export async function listedDocuments(rig: Pick<Rig, 'api'>, code: string): Promise<{ ids: string[]; status: number }> {
  const res = await rig.api(USERS.CHAN, 'GET', `/api/app/cases/${code}`);
  if (res.status !== 200) return { ids: [], status: res.status };
  const body = (await res.json()) as { documents: Array<{ documentId: string; kind: string; status: string }> };
  return { ids: body.documents.filter((d) => d.kind === 'report' && d.status === 'active').map((d) => d.documentId), status: 200 };
}

export const blobDir = (rig: Rig) => join(rig.workDir, 'blobs');

/** Active report rows whose key or ciphertext is missing: a document that could be listed but never opened. */
export function brokenReportRows(rig: Rig): string[] {
  const rows = peek(rig.dbFile, (db) =>
    db.prepare(`select d.id, v.wrapped_key is not null as live from documents d left join vault_keys v on v.document_id = d.id where d.kind = 'report' and d.status = 'active'`).all(),
  ) as Array<{ id: string; live: number | null }>;
  return rows.filter((r) => !r.live || !existsSync(join(blobDir(rig), r.id))).map((r) => r.id);
}

/** Blob files no live key belongs to (ciphertext only, unreadable), and temp files a crash left. */
export function strayBlobs(rig: Rig): { orphans: number; temps: number } {
  if (!existsSync(blobDir(rig))) return { orphans: 0, temps: 0 };
  const live = new Set(peek(rig.dbFile, (db) => (db.prepare('select document_id as id from vault_keys where wrapped_key is not null').all() as Array<{ id: string }>).map((r) => r.id)));
  const names = readdirSync(blobDir(rig));
  return { orphans: names.filter((n) => !n.startsWith('.') && !live.has(n)).length, temps: names.filter((n) => n.startsWith('.')).length };
}

export interface BurnState {
  id: string;
  kind: string;
  status: string;
  expiresAt: number;
  /** Any content or key column still set. */
  material: boolean;
  /** Document items: the vault key still wrapped, or the blob still on disk. */
  vaultLeft: boolean;
}

export function burnStates(rig: Rig, ids: string[]): BurnState[] {
  return peek(rig.dbFile, (db) => {
    const item = db.prepare(`select id, kind, status, expires_at as expiresAt,
      (wrapped_key is not null or ciphertext is not null or iv is not null or tag is not null) as material from ephemeral_items where id = ?`);
    const key = db.prepare('select wrapped_key is not null as live from vault_keys where document_id = ?');
    return ids.map((id) => {
      const r = item.get(id) as Omit<BurnState, 'vaultLeft' | 'material'> & { material: number };
      const vaultKey = key.get(id) as { live: number } | undefined;
      const vaultLeft = r.kind === 'document' && (Boolean(vaultKey?.live) || existsSync(join(blobDir(rig), id)));
      return { ...r, material: Boolean(r.material), vaultLeft };
    });
  });
}

/** Targets of audit entries with this action (e.g. which items have their `ephemeral.destroyed` receipt). */
export function auditedTargets(rig: Rig, action: string): Set<string> {
  return new Set(peek(rig.dbFile, (db) => (db.prepare('select target from audit_entries where action = ?').all(action) as Array<{ target: string }>).map((r) => r.target)));
}
