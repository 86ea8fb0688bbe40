import type { InboxCipher } from './inbox-cipher.js';
import type { InboxRepository } from './inbox-repository.js';

export interface InboxRewrapResult {
  /** Sealed payloads looked at (unfinished claims; a finished claim keeps none). */
  total: number;
  rewrapped: number;
  /** Message ids whose key could not be unwrapped (its KEK version is missing or the row is damaged). */
  failed: string[];
}

const BATCH = 200;

/**
 * Key rotation for the sealed inbound messages (processed_messages payloads, inbox-claims.ts): every
 * payload whose data key is not under the keyring's current KEK gets it re-wrapped; the sealed text is
 * never opened. A row is replaced only if its payload did not change meanwhile (a takeover in between
 * sealed it under the current key, a finished claim blanked it), so the run is safe beside a running
 * service and can simply be run again.
 */
export async function rewrapInbox(deps: { repo: Pick<InboxRepository, 'sealedAfter' | 'replacePayload'>; cipher: Pick<InboxCipher, 'rewrap'> }): Promise<InboxRewrapResult> {
  const result: InboxRewrapResult = { total: 0, rewrapped: 0, failed: [] };
  for (let after = ''; ; ) {
    const rows = await deps.repo.sealedAfter(after, BATCH);
    if (rows.length === 0) break;
    for (const row of rows) {
      result.total++;
      try {
        const next = await deps.cipher.rewrap(row.msgId, row.topic, row.payload);
        if (next !== null && (await deps.repo.replacePayload(row.msgId, next, row.payload))) result.rewrapped++;
      } catch {
        result.failed.push(`inbound:${row.msgId}`);
      }
    }
    after = rows[rows.length - 1]!.msgId;
  }
  return result;
}
