import type { ConsultRulesDto, DryRunBody, DryRunDto } from '../../../../src/contract/consult-rules.js';
import type { AdminApi } from '../admin-api.js';

/** The Consult rules page's calls (src/http/admin/admin-consult-rule-routes.ts). */
export function consultRuleEndpoints(api: AdminApi) {
  return {
    consultRules: () => api.call<ConsultRulesDto>('/consult-rules'),
    saveConsultRules: (text: string, expectedVersion: number) => api.call<ConsultRulesDto>('/consult-rules', { method: 'PUT', body: { text, expectedVersion } }),
    dryRunConsultRules: (body: DryRunBody) => api.call<DryRunDto>('/consult-rules/dry-run', { body }),
  };
}
