import { List, Tag } from 'antd-mobile';
import { useNavigate } from 'react-router';
import type { PendingFormDto } from '../../../../src/contract/yida-approval.js';
import { hkTime } from '../doctor-messages.js';
import { useYidaI18n } from './yida-messages.js';

/** The inbox's section of Yida forms waiting for my approval (none: nothing shown). Names and codes only. */
export function PendingFormsList({ items }: { items: readonly PendingFormDto[] }) {
  const navigate = useNavigate();
  const { t } = useYidaI18n();
  if (items.length === 0) return null;
  return (
    <List header={t('inbox')} data-testid="pending-forms">
      {items.map((f) => (
        <List.Item key={f.id} arrow data-testid={`pending-form-${f.caseCode}`} onClick={() => navigate(`/doctor/forms/${f.id}`)} description={`${t('received')} ${hkTime(f.receivedAt)}`} extra={<Tag color="warning">{f.caseCode}</Tag>}>
          {f.formName}
        </List.Item>
      ))}
    </List>
  );
}
