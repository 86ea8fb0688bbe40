import { and, asc, count, eq, inArray, isNull, lt, notInArray, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { DirectoryReads } from '../directory/directory-repository.js';
import type { SharingService } from '../sharing/sharing-service.js';
import { documents } from '../sharing/sharing-tables.js';
import type { Vault } from '../vault/vault-service.js';
import type { RetentionTarget } from './retention-target.js';

export interface DocumentRetentionPolicy {
  /** For institutions without their own setting, and documents whose author had no institution. */
  defaultMs: number;
  /** Institution code → retention. */
  byInstitution: Readonly<Record<string, number>>;
}

/**
 * Shared documents by the policy of the author's institution: one target per institution with its
 * own setting (`documents:QMH`) and one for everything else (`documents`). Past it, the data key is
 * shredded and the ciphertext deleted (vault.destroy), then the metadata is marked destroyed (which
 * audits `document.destroyed`); the metadata row stays, so receipts and the audit trail still resolve.
 */
export function documentRetentionTargets(deps: {
  db: Db;
  vault: Pick<Vault, 'destroy'>;
  sharing: Pick<SharingService, 'markDestroyed'>;
  directory: Pick<DirectoryReads, 'institutionByCode'>;
  policy: DocumentRetentionPolicy;
}): RetentionTarget[] {
  const { db, policy } = deps;
  // Institution codes are resolved to ids on every call, so an institution added later is honoured.
  const idsOf = (codes: string[]) => codes.map((code) => deps.directory.institutionByCode(code)?.id ?? code);
  const overridden = Object.keys(policy.byInstitution);

  function target(name: string, retentionMs: number, scope: () => SQL | undefined): RetentionTarget {
    const expired = (cutoff: number) => and(eq(documents.status, 'active'), lt(documents.createdAt, cutoff), scope());
    return {
      name,
      retentionMs,
      countExpired: (cutoff) => db.select({ n: count() }).from(documents).where(expired(cutoff)).get()?.n ?? 0,
      async purge(cutoff) {
        const ids = db.select({ id: documents.id }).from(documents).where(expired(cutoff)).orderBy(asc(documents.createdAt)).all();
        let destroyed = 0;
        for (const { id } of ids) {
          // Key first: once it is gone the ciphertext is noise even if the blob delete or the mark fails.
          await deps.vault.destroy(id);
          if (deps.sharing.markDestroyed(id, 'system')) destroyed++;
        }
        return destroyed;
      },
    };
  }

  return [
    ...overridden.map((code) => target(`documents:${code}`, policy.byInstitution[code]!, () => inArray(documents.authorInstitutionId, idsOf([code])))),
    target('documents', policy.defaultMs, () =>
      overridden.length ? or(isNull(documents.authorInstitutionId), notInArray(documents.authorInstitutionId, idsOf(overridden))) : undefined,
    ),
  ];
}
