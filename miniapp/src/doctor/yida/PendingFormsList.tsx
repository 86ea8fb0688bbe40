import { List, Tag } from 'antd-mobile';
import { useNavigate } from 'react-router';
import type { PendingFormDto } from '../../../../src/contract/yida-approval.js';
import { hkTime } from '../doctor-messages.js';
import { PagedList, type Paged } from '../PagedList.js';
import { useYidaI18n } from './yida-messages.js';

/**
 * The inbox's section of Yida forms waiting for my approval (none: nothing shown), newest first;
 * scrolling to its end loads the next page. Names and codes only.
 */
export function PendingFormsList({ first, more }: { first: Paged<PendingFormDto>; more: (cursor: string) => Promise<Paged<PendingFormDto>> }) {
  const navigate = useNavigate();
  const { t } = useYidaI18n();
  if (first.items.length === 0) return null;
  return (
    <PagedList testId="pending-forms" header={t('inbox')} first={first} more={more} row={(f) => (
      <List.Item key={f.id} arrow data-testid={`pending-form-${f.caseCode}`} onClick={() => navigate(`/doctor/forms/${f.id}`)} description={`${t('received')} ${hkTime(f.receivedAt)}`} extra={<Tag color="warning">{f.caseCode}</Tag>}>
        {f.formName}
      </List.Item>
    )} />
  );
}
