import type { FormMapping, FormMappingBody } from '../../contract/yida.js';
import { formMappingBody, FORM_UUID } from '../../contract/yida.js';
import type { YidaRepository } from '../../domain/forms/yida-repository-port.js';
import { AUDIT_ACTIONS, type AuditSink } from '../../shared/audit-sink.js';
import type { Clock } from '../../shared/clock.js';
import { DomainError } from '../../shared/errors.js';

export interface FormMappingsDeps {
  repo: Pick<YidaRepository, 'listMappings' | 'putMapping' | 'removeMapping'>;
  audit: AuditSink;
  clock: Clock;
}

export const listMappings = (deps: FormMappingsDeps): Promise<FormMapping[]> => deps.repo.listMappings();

/** Saves (creates or replaces) a form's mapping; audited with the form UUID. Submissions waiting on it are retried from the console. */
export async function saveMapping(deps: FormMappingsDeps, actor: string, formUuid: string, body: FormMappingBody): Promise<FormMapping> {
  if (!FORM_UUID.test(formUuid)) throw new DomainError('request.invalid', 'form UUID');
  const parsed = formMappingBody.safeParse(body);
  if (!parsed.success) throw new DomainError('request.invalid', 'mapping');
  const m: FormMapping = { ...parsed.data, formUuid, updatedAt: deps.clock.now(), updatedBy: actor };
  await deps.repo.putMapping(m);
  deps.audit.append({ actor, action: AUDIT_ACTIONS.yidaMappingSaved, target: formUuid, outcome: 'success' });
  return m;
}

export async function removeMapping(deps: FormMappingsDeps, actor: string, formUuid: string): Promise<void> {
  if (!(await deps.repo.removeMapping(formUuid))) throw new DomainError('not_found');
  deps.audit.append({ actor, action: AUDIT_ACTIONS.yidaMappingRemoved, target: formUuid, outcome: 'success' });
}
