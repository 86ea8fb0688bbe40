import { Button, DotLoading, List, Tag, Toast } from 'antd-mobile';
import { useState } from 'react';
import { ApiError } from '../../api/api-error.js';
import { errorCode, useApi, useEndpoints } from '../../api/use-api.js';
import { hkDate } from '../../../../src/shared/hk-time.js';
import { DoctorPage } from '../DoctorPage.js';
import { useMdtI18n } from './mdt-messages.js';

/** /doctor/mdt-actions — "My MDT actions": open first, soonest due first, overdue marked; mark one done. */
export function MdtActionsScreen() {
  const { t, errorText } = useMdtI18n();
  const ep = useEndpoints();
  const load = useApi('myMdtActions', []);
  const [busy, setBusy] = useState(false);
  const done = async (id: string) => {
    setBusy(true);
    try {
      await ep.mdtActionDone(id);
      load.reload();
    } catch (e) {
      Toast.show({ content: errorText(e instanceof ApiError ? e.code : 'other') });
    } finally {
      setBusy(false);
    }
  };
  let body;
  if (!load.data && load.error !== null) body = <div className="padded hint" role="alert">{errorText(errorCode(load.error))}</div>;
  else if (!load.data) body = <div className="centered"><DotLoading color="primary" /></div>;
  else
    body = (
      <List data-testid="mdt-actions">
        {load.data.actions.length === 0 && <List.Item>{t('mdt.noActions')}</List.Item>}
        {load.data.actions.map((a) => (
          <List.Item key={a.id} data-testid="mdt-my-action"
            description={`${t('mdt.case')} ${a.caseCode}${a.dueAt !== null ? ` · ${t('mdt.due')} ${hkDate(a.dueAt)}` : ''}`}
            extra={a.status === 'done' ? <Tag color="success">{t('mdt.done')}</Tag> : a.overdue ? <Tag color="danger" data-testid="mdt-overdue">{t('mdt.overdue')}</Tag> : undefined}>
            {a.text}
            {a.status === 'open' && <div><Button size="small" color="primary" fill="outline" disabled={busy} data-testid={`mdt-done-${a.id}`} onClick={() => void done(a.id)}>{t('mdt.markDone')}</Button></div>}
          </List.Item>
        ))}
      </List>
    );
  return <DoctorPage title={t('mdt.myActions')}>{body}</DoctorPage>;
}
