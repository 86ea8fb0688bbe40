import type { DirectoryRepository } from '../directory/directory-repository.js';
import type { SharingService } from '../sharing/sharing-service.js';
import type { Vault } from '../vault/vault-service.js';
import type { DocumentScope, RetentionRepository } from './retention-repository.js';
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
  repo: Pick<RetentionRepository, 'countExpiredDocuments' | 'expiredDocumentIds'>;
  vault: Pick<Vault, 'destroy'>;
  sharing: Pick<SharingService, 'markDestroyed'>;
  directory: Pick<DirectoryRepository, 'institutionByCode'>;
  policy: DocumentRetentionPolicy;
}): RetentionTarget[] {
  const { repo, policy } = deps;
  // Institution codes are resolved to ids on every call, so an institution added later is honoured.
  const idsOf = (codes: string[]) => codes.map((code) => deps.directory.institutionByCode(code)?.id ?? code);
  const overridden = Object.keys(policy.byInstitution);

  function target(name: string, retentionMs: number, scope: () => DocumentScope): RetentionTarget {
    return {
      name,
      retentionMs,
      countExpired: (cutoff) => repo.countExpiredDocuments(cutoff, scope()),
      async purge(cutoff) {
        const ids = await repo.expiredDocumentIds(cutoff, scope());
        let destroyed = 0;
        for (const id of ids) {
          // Key first: once it is gone the ciphertext is noise even if the blob delete or the mark fails.
          await deps.vault.destroy(id);
          if (await deps.sharing.markDestroyed(id, 'system')) destroyed++;
        }
        return destroyed;
      },
    };
  }

  return [
    ...overridden.map((code) => target(`documents:${code}`, policy.byInstitution[code]!, () => ({ institutionIds: idsOf([code]) }))),
    target('documents', policy.defaultMs, () => (overridden.length ? { otherThan: idsOf(overridden) } : 'all')),
  ];
}
