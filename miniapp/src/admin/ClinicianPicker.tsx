import { Select } from 'antd';
import { useAdminEndpoints } from './admin-endpoints.js';
import { useAdminT } from './admin-messages.js';
import { clinicianName, type ClinicianDto } from './admin-types.js';
import { useKeptPick } from './kept-pick.js';
import { useRemoteSearch } from './remote-search.js';

/** A clinician already chosen before the picker opened (a roster's owner): shown by name until the list has them. */
export interface PickedClinician {
  id: string;
  name: string;
}

/**
 * A clinician picked by name, searched in the directory on the service as the admin types (English
 * word, Chinese name, DingTalk id: GET /api/admin/clinicians?q=…, one call per pause in typing), never
 * the whole directory. The form's value is the clinician's id; the Select itself works on the DingTalk
 * id (useKeptPick says why). Suspended clinicians are never offered; `verifiedOnly` hides the unverified too.
 */
export function ClinicianPicker(props: {
  value?: string;
  onChange?(id: string | undefined): void;
  testId: string;
  allowClear?: boolean;
  verifiedOnly?: boolean;
  initial?: PickedClinician | null;
  width?: number;
  describe?(c: ClinicianDto): string;
}) {
  const api = useAdminEndpoints();
  const { t, lang } = useAdminT();
  const found = useRemoteSearch((q) => api.clinicians({ q: q.trim() || undefined, active: 'true', verified: props.verifiedOnly ? 'true' : undefined, limit: '50' }).then((r) => r.clinicians), { initial: '' });
  const initial = props.initial ? ({ id: props.initial.id, dingtalkUserId: `picked:${props.initial.name}`, nameEn: props.initial.name, nameZh: null, displayName: props.initial.name } as ClinicianDto) : null;
  const { listed, choose, selected } = useKeptPick(found.items, (c) => c.dingtalkUserId, props.value, props.onChange, initial);
  const label = props.describe ?? ((c: ClinicianDto) => clinicianName(c, lang));
  return (
    <Select
      value={selected}
      onChange={(key?: string) => (key ? choose(key) : props.onChange?.(undefined))}
      showSearch={{ filterOption: false, onSearch: found.search }}
      allowClear={props.allowClear}
      loading={found.loading}
      options={listed.map((c) => ({ value: c.dingtalkUserId, label: label(c) }))}
      placeholder={t('common.pickClinician')}
      notFoundContent={found.loading ? t('common.loading') : t('pol.noPeople')}
      style={{ width: props.width ?? 240 }}
      data-testid={props.testId}
    />
  );
}
