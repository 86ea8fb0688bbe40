import { List, Tag } from 'antd-mobile';
import type { MdtMeetingDto } from '../../../../src/contract/mdt.js';
import { hkDate } from '../../../../src/shared/hk-time.js';
import { personName } from '../doctor-api.js';
import { useMdtI18n } from './mdt-messages.js';

/** The archived meeting's actions as every participant sees them tracked: owner, due (HK date), open / overdue / done. */
export function TrackedActions({ actions }: { actions: MdtMeetingDto['actions'] }) {
  const { t, lang } = useMdtI18n();
  if (actions.length === 0) return null;
  return (
    <List header={t('mdt.tracked')} data-testid="mdt-tracked">
      {actions.map((a) => (
        <List.Item key={a.id} data-testid="mdt-tracked-action"
          description={`${t('mdt.owner')}: ${personName(lang, a.owner)}${a.dueAt !== null ? ` · ${t('mdt.due')} ${hkDate(a.dueAt)}` : ''}`}
          extra={a.status === 'done' ? <Tag color="success">{t('mdt.done')}</Tag> : a.overdue ? <Tag color="danger">{t('mdt.overdue')}</Tag> : <Tag color="primary" fill="outline">{t('mdt.open')}</Tag>}>
          {a.text}
        </List.Item>
      ))}
    </List>
  );
}
