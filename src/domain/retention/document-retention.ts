import type { DirectoryRepository } from '../directory/directory-repository.js';
import type { SharingService } from '../sharing/sharing-service.js';
import type { Vault } from '../vault/vault-service.js';
import type { DocumentScope, RetentionRepository } from './retention-repository.js';
import { RETENTION_BATCH, type RetentionTarget } from './retention-target.js';
import { yieldToLoop } from '../../shared/batches.js';

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
  repo: Pick<RetentionRepository, 'countExpiredDocuments' | 'expiredDocuments'>;
  vault: Pick<Vault, 'destroy'>;
  sharing: Pick<SharingService, 'markDestroyed'>;
  directory: Pick<DirectoryRepository, 'institutionByCode'>;
  policy: DocumentRetentionPolicy;
}): RetentionTarget[] {
  const { repo, policy } = deps;
  // Institution codes are resolved to ids on every call, so an institution added later is honoured.
  const idsOf = async (codes: string[]): Promise<string[]> => {
    const out: string[] = [];
    for (const code of codes) out.push((await deps.directory.institutionByCode(code))?.id ?? code);
    return out;
  };
  const overridden = Object.keys(policy.byInstitution);

  function target(name: string, retentionMs: number, scope: () => Promise<DocumentScope>): RetentionTarget {
    return {
      name,
      retentionMs,
      countExpired: async (cutoff) => repo.countExpiredDocuments(cutoff, await scope()),
      /** In batches by (createdAt, id), the event loop getting a turn between them; never all ids at once. */
      async purge(cutoff) {
        const where = await scope();
        let destroyed = 0;
        let after: { createdAt: number; id: string } | undefined;
        for (;;) {
          const page = await repo.expiredDocuments(cutoff, where, { limit: RETENTION_BATCH, after });
          for (const { id } of page) {
            // Key first: once it is gone the ciphertext is noise even if the blob delete or the mark fails.
            await deps.vault.destroy(id);
            if (await deps.sharing.markDestroyed(id, 'system')) destroyed++;
          }
          if (page.length < RETENTION_BATCH) return destroyed;
          after = page[page.length - 1];
          await yieldToLoop();
        }
      },
    };
  }

  return [
    ...overridden.map((code) => target(`documents:${code}`, policy.byInstitution[code]!, async () => ({ institutionIds: await idsOf([code]) }))),
    target('documents', policy.defaultMs, async () => (overridden.length ? { otherThan: await idsOf(overridden) } : 'all')),
  ];
}
