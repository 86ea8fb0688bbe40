/** The console's Forms API (Yida form archive; paths under /api/admin/forms). Types from the server's schemas. */
import { useMemo } from 'react';
import type { FilingDto, FormMappingBody, MappingDto, SubmissionState, SubmissionsPage } from '../../../src/contract/yida.js';
import { useAdminApi, type AdminApi } from './admin-api.js';

const enc = encodeURIComponent;

export function createFormsApi(api: AdminApi) {
  return {
    mappings: () => api.call<{ mappings: MappingDto[] }>('/forms/mappings'),
    saveMapping: (formUuid: string, body: FormMappingBody) => api.call<MappingDto>(`/forms/mappings/${enc(formUuid)}`, { method: 'PUT', body }),
    removeMapping: (formUuid: string) => api.call<{ removed: boolean }>(`/forms/mappings/${enc(formUuid)}`, { method: 'DELETE' }),
    submissions: (state: SubmissionState, cursor?: string) => api.call<SubmissionsPage>('/forms/submissions', { query: { state, limit: '50', cursor } }),
    act: (id: string, what: 'retry' | 'discard') => api.call<FilingDto | { discarded: boolean }>(`/forms/submissions/${enc(id)}/${what}`, { method: 'POST' }),
  };
}

export function useFormsApi() {
  const api = useAdminApi();
  return useMemo(() => createFormsApi(api), [api]);
}
