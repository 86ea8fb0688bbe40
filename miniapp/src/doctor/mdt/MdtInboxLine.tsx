import { List, Tag } from 'antd-mobile';
import { useNavigate } from 'react-router';
import type { MdtActionCountsDto } from '../../../../src/contract/mdt-lists.js';
import { useMdtI18n } from './mdt-messages.js';

/** The inbox's line for my open MDT actions (overdue ones in red); opens "My MDT actions". Nothing when none is open. */
export function MdtInboxLine({ counts }: { counts: MdtActionCountsDto }) {
  const { t } = useMdtI18n();
  const navigate = useNavigate();
  if (counts.open === 0) return null;
  return (
    <List header={t('mdt.myActions')}>
      <List.Item arrow data-testid="inbox-mdt-actions" onClick={() => navigate('/doctor/mdt-actions')}
        extra={counts.overdue > 0 ? <Tag color="danger" data-testid="inbox-mdt-overdue">{t('mdt.inboxOverdue').replace('{n}', String(counts.overdue))}</Tag> : undefined}>
        {t('mdt.inboxActions').replace('{n}', String(counts.open))}
      </List.Item>
    </List>
  );
}
