import type { CasesRepository } from '../../domain/cases/cases-repository.js';
import type { LinkPurpose } from '../../domain/cases/cases-tables.js';
import type { LinkTokenRow, LinkTokens } from '../../domain/cases/link-tokens.js';
import type { DirectoryRepository } from '../../domain/directory/directory-repository.js';
import { AUDIT_ACTIONS, type AuditSink } from '../../shared/audit-sink.js';
import { DomainError } from '../../shared/errors.js';

export interface FormIntentDeps {
  tokens: Pick<LinkTokens, 'intentFor'>;
  audit: Pick<AuditSink, 'append'>;
}

/**
 * The live link intent `intentId` of `clinicianId` (of `purpose`, when given: another purpose looks
 * like no intent at all). Anyone else's link, or an unknown one, is `not_found` and recorded: a
 * forwarded form link being tried is worth a reviewer's eye. Expired or spent links throw the link
 * service's codes.
 */
export async function myFormIntent(deps: FormIntentDeps, intentId: string, clinicianId: string, purpose?: LinkPurpose): Promise<LinkTokenRow> {
  try {
    const row = await deps.tokens.intentFor(intentId, clinicianId);
    if (purpose && row.purpose !== purpose) throw new DomainError('not_found');
    return row;
  } catch (e) {
    if (e instanceof DomainError && e.code === 'not_found') {
      deps.audit.append({ actor: clinicianId, action: AUDIT_ACTIONS.caseFormLinkRefused, target: intentId, outcome: 'denied', reason: 'not_found' });
    }
    throw e;
  }
}

export interface FormToFill {
  link: LinkTokenRow;
  /** The case the form is about (consent forms); null for a case-open form. */
  caseCode: string | null;
  institutions: { code: string; nameEn: string; nameZh: string | null }[];
}

/** A form link sent to me, with what filling it in needs: the case it is about and the institutions to pick from. */
export async function formToFill(
  deps: FormIntentDeps & { casesRepo: Pick<CasesRepository, 'caseById'>; directory: Pick<DirectoryRepository, 'listInstitutions'> },
  intentId: string,
  clinicianId: string,
): Promise<FormToFill> {
  const link = await myFormIntent(deps, intentId, clinicianId);
  const caseCode = link.caseId ? ((await deps.casesRepo.caseById(link.caseId))?.code ?? null) : null;
  const institutions = (await deps.directory.listInstitutions()).map((i) => ({ code: i.code, nameEn: i.nameEn, nameZh: i.nameZh }));
  return { link, caseCode, institutions };
}
