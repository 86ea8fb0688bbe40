import { DomainError } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import { AUDIT_ACTIONS } from '../../shared/audit-sink.js';
import type { ClinicianRow } from '../directory/directory-repository.js';
import { checkBurnMs, MAX_BURN_MS, MIN_BURN_MS } from './burn-duration.js';
import type { BurnDeps } from './burn-deps.js';
import type { BurnCardRow } from './burn-repository.js';
import type { BurnKind } from './burn-tables.js';
import { createBurnReader } from './burn-reader.js';

export type { BurnDeps } from './burn-deps.js';

export const MAX_TEXT_CHARS = 20_000;

/**
 * Item ids travel in card buttons, and the outbound PHI guard scans them: a dashed UUID has 8-character
 * runs like `a1234567` that pass as an HKID about once in 11 tries of that shape. One unbroken hex run
 * can never match, so the ids are `eph_` + 32 hex digits (also a valid vault blob key).
 */
export const newItemId = (): string => `eph_${newId().replace(/-/g, '')}`;
const MAX_LIFETIME_CAP_MS = 7 * 24 * 3_600_000;

export interface CreateBurnInput {
  caseId: string;
  authorId: string;
  kind: BurnKind;
  text?: string;
  bytes?: Buffer;
  /** Each recipient's countdown after their first open: 10 s – 24 h. */
  burnAfterMs: number;
  /** Defaults to the configured maximum lifetime (24 h). */
  maxLifetimeMs?: number;
  /** Clinician ids; default: who may open it now (see defaultRecipients). The policy still decides each open. */
  recipients?: string[];
  /** Groups that get the card; default: every group bound to the case. */
  conversationIds?: string[];
  /** Recipients who get the card 1:1; default: everyone when there is no group, else nobody. */
  directTo?: string[];
  /**
   * The caller applied its own author rule for this case (the allergy alert also admits a raiser with
   * live break-glass): only verified and not suspended is checked here, not the `share` rule.
   */
  authorCleared?: boolean;
}

export interface CreatedBurn {
  itemId: string;
  recipients: string[];
  expiresAt: number;
  cards: string[];
}

/**
 * Burn-after-reading items: create (encrypt, record recipients and cards, announce — one transaction),
 * then each recipient's open through the reader. Destruction is the destroyer's job (see
 * burn-destroyer.ts), driven by the durable `dueAt` deadlines.
 */
export function createBurnService(deps: BurnDeps) {
  const { repo, clock } = deps;

  /** The author must be trusted and allowed to share into the case now. */
  async function assertMayCreate(author: ClinicianRow, caseId: string): Promise<void> {
    if (!author.verified || author.suspended) throw new DomainError(author.suspended ? 'actor.suspended' : 'actor.unverified');
    if (!(await deps.access.mayShare(author, caseId))) throw new DomainError('access.denied');
  }

  async function authorOf(id: string, caseId: string, cleared: boolean): Promise<ClinicianRow> {
    const author = deps.directory.findById(id);
    if (!author) throw new DomainError('clinician.not_found');
    if (!cleared) await assertMayCreate(author, caseId);
    else if (!author.verified || author.suspended) throw new DomainError(author.suspended ? 'actor.suspended' : 'actor.unverified');
    return author;
  }

  function checkContent(input: CreateBurnInput): void {
    if (input.kind === 'text' && (typeof input.text !== 'string' || input.text.trim() === '' || input.text.length > MAX_TEXT_CHARS)) {
      throw new DomainError('request.invalid', 'text is empty or too long', { details: { fields: ['text'] } });
    }
    if (input.kind === 'document' && !input.bytes?.length) throw new DomainError('upload.empty');
  }

  function cardsFor(itemId: string, input: CreateBurnInput, recipients: string[]): BurnCardRow[] {
    const groups = input.conversationIds ?? deps.groupsOfCase(input.caseId);
    const direct = input.directTo ?? (groups.length ? [] : recipients);
    return [
      ...groups.map((conversationId) => ({ outTrackId: `burn:${itemId}:${conversationId}`, itemId, conversationId, userId: null })),
      ...direct.flatMap((id) => {
        const userId = deps.directory.findById(id)?.dingtalkUserId;
        return userId ? [{ outTrackId: `burn:${itemId}:${userId}`, itemId, conversationId: null, userId }] : [];
      }),
    ];
  }

  return {
    ...createBurnReader(deps),
    assertMayCreate,

    async create(input: CreateBurnInput): Promise<CreatedBurn> {
      const burnAfterMs = checkBurnMs(input.burnAfterMs);
      const lifetime = input.maxLifetimeMs ?? deps.maxLifetimeMs;
      if (!Number.isInteger(lifetime) || lifetime < MIN_BURN_MS || lifetime > Math.max(MAX_BURN_MS, MAX_LIFETIME_CAP_MS)) throw new DomainError('request.invalid');
      checkContent(input);
      const author = await authorOf(input.authorId, input.caseId, input.authorCleared === true);
      const itemId = newItemId();
      const now = clock.now();
      const accessItem = { id: itemId, caseId: input.caseId, authorInstitutionId: author.institutionId };
      const recipients = [...new Set(input.recipients ?? (await deps.access.defaultRecipients(accessItem, author.id, now)))]
        .filter((id) => id !== author.id)
        .filter((id) => {
          const c = deps.directory.findById(id);
          return c !== undefined && c.verified && !c.suspended;
        });
      if (recipients.length === 0) throw new DomainError('burn.no_recipients');

      const sealed = input.kind === 'text' ? await deps.cipher.seal(itemId, input.caseId, input.text!) : undefined;
      const stored = input.kind === 'document' ? await deps.vault.store({ documentId: itemId, caseId: input.caseId, bytes: input.bytes! }) : undefined;
      const expiresAt = now + lifetime;
      const item = { id: itemId, caseId: input.caseId, authorId: author.id, kind: input.kind, burnAfterMs };
      const cards = cardsFor(itemId, input, recipients);
      try {
        await deps.transaction(async () => {
          await repo.insert(
            { ...item, createdAt: now, expiresAt, dueAt: expiresAt, ...(sealed ?? {}), mediaType: stored?.mediaType ?? null },
            recipients,
            cards,
          );
          await deps.notices.announce(item, cards);
        });
      } catch (err) {
        if (stored) await deps.vault.destroy(itemId);
        throw err;
      }
      deps.audit.append({ actor: author.id, action: AUDIT_ACTIONS.burnCreated, target: itemId, outcome: 'success', reason: `${input.kind}:recipients_${recipients.length}` });
      return { itemId, recipients, expiresAt, cards: cards.map((c) => c.outTrackId) };
    },

    nextDueAt: () => repo.nextDueAt(),
    pendingCount: () => repo.pendingCount(),
  };
}

export type BurnService = ReturnType<typeof createBurnService>;
