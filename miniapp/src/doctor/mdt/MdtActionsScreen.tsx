import { Button, DotLoading, List, Tag, Toast } from 'antd-mobile';
import { useState } from 'react';
import { ApiError } from '../../api/api-error.js';
import { errorCode, useApi, useEndpoints } from '../../api/use-api.js';
import { hkDate } from '../../../../src/shared/hk-time.js';
import { DoctorPage } from '../DoctorPage.js';
import { PagedList } from '../PagedList.js';
import { useMdtI18n } from './mdt-messages.js';

/**
 * /doctor/mdt-actions — "My MDT actions": open first, soonest due first, overdue marked, then done ones;
 * a page at a time, more on scroll. Marking one done shows it done in place (the order settles next visit).
 */
export function MdtActionsScreen() {
  const { t, errorText } = useMdtI18n();
  const ep = useEndpoints();
  const load = useApi('myMdtActions', []);
  const [busy, setBusy] = useState(false);
  const [doneNow, setDoneNow] = useState<ReadonlySet<string>>(new Set());
  const done = async (id: string) => {
    setBusy(true);
    try {
      await ep.mdtActionDone(id);
      setDoneNow((s) => new Set([...s, id]));
    } catch (e) {
      Toast.show({ content: errorText(e instanceof ApiError ? e.code : 'other') });
    } finally {
      setBusy(false);
    }
  };
  let body;
  if (!load.data && load.error !== null) body = <div className="padded hint" role="alert">{errorText(errorCode(load.error))}</div>;
  else if (!load.data) body = <div className="centered"><DotLoading color="primary" /></div>;
  else if (load.data.items.length === 0) body = <List data-testid="mdt-actions"><List.Item>{t('mdt.noActions')}</List.Item></List>;
  else
    body = (
      <PagedList testId="mdt-actions" header={null} first={load.data} more={(c) => ep.myMdtActions(c)} row={(a) => {
        const isDone = a.status === 'done' || doneNow.has(a.id);
        return (
          <List.Item key={a.id} data-testid="mdt-my-action"
            description={`${t('mdt.case')} ${a.caseCode}${a.dueAt !== null ? ` · ${t('mdt.due')} ${hkDate(a.dueAt)}` : ''}`}
            extra={isDone ? <Tag color="success">{t('mdt.done')}</Tag> : a.overdue ? <Tag color="danger" data-testid="mdt-overdue">{t('mdt.overdue')}</Tag> : undefined}>
            {a.text}
            {!isDone && <div><Button size="small" color="primary" fill="outline" disabled={busy} data-testid={`mdt-done-${a.id}`} onClick={() => void done(a.id)}>{t('mdt.markDone')}</Button></div>}
          </List.Item>
        );
      }} />
    );
  return <DoctorPage title={t('mdt.myActions')}>{body}</DoctorPage>;
}
