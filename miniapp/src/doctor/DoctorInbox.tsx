import { errorLine } from '../api/error-words.js';
import { ApiErrorBlock } from '../screens/ApiErrorBlock.js';
import { Button, DotLoading, ErrorBlock, List, Popup, Tag, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useEndpoints, useLoader } from '../api/use-api.js';
import { useI18n } from '../i18n/i18n.js';
import { useNavigate } from 'react-router';
import { personLine, type Inbox } from './doctor-api.js';
import { hkTime, useDoctorI18n } from './doctor-messages.js';
import { DurationPicker } from './grants/Choices.js';
import { NewDocumentsList } from './NewDocumentsList.js';
import { PagedList } from './PagedList.js';
import { MdtInboxLine } from './mdt/MdtInboxLine.js';
import { PendingFormsList } from './yida/PendingFormsList.js';
import type { GrantDuration } from '../../../src/contract/grant-durations.js';

type ToDecide = Inbox['toDecide'][number];

/** Everything waiting for the doctor, grouped; taps go to the case, the document or the decision sheet. */
export function DoctorInbox() {
  const navigate = useNavigate();
  const ep = useEndpoints();
  const { t: appT } = useI18n();
  const { t, lang } = useDoctorI18n();
  // The MDT line and the forms waiting for approval are courtesies: the inbox still opens if they cannot be had.
  const load = useLoader(() => Promise.all([
    ep.inbox(),
    ep.reasons(),
    ep.mdtActionCounts().catch(() => ({ open: 0, overdue: 0 })),
    ep.pendingForms().catch(() => ({ items: [], nextCursor: null })),
  ]), [ep]);
  const [deciding, setDeciding] = useState<ToDecide | null>(null);
  if (load.loading && !load.data) return <div className="centered"><DotLoading color="primary" /></div>;
  if (!load.data) return <div data-testid="inbox"><ApiErrorBlock error={load.error} /></div>;
  const [inbox, reasons, mdtActions, pendingForms] = load.data;
  const reasonLabel = (code: string) => {
    const r = reasons.find((x) => x.code === code);
    return r ? (lang === 'en' ? r.en : r.zh) : code;
  };
  const lists = [inbox.toDecide, inbox.newDocuments, inbox.myRequests, inbox.alerts, inbox.burnItems, inbox.escalations];
  const empty = lists.every((list) => list.length === 0) && mdtActions.open === 0 && pendingForms.items.length === 0;
  if (empty) return <div data-testid="inbox"><ErrorBlock status="empty" title={appT('inbox.empty')} description="" /></div>;
  return (
    <div data-testid="inbox">
      <MdtInboxLine counts={mdtActions} />
      <PendingFormsList first={pendingForms} more={(c) => ep.pendingForms(c)} />
      {inbox.toDecide.length > 0 && (
        <PagedList testId="to-decide" header={t('inbox.toDecide')} first={{ items: inbox.toDecide, nextCursor: inbox.toDecideNext }} more={(c) => ep.inboxPage('to-decide', c)} row={(r) => (
          <List.Item key={r.requestId} data-testid={`to-decide-${r.caseCode}`} onClick={() => setDeciding(r)} description={`${t('inbox.reason')}: ${reasonLabel(r.reasonCode)} · ${hkTime(r.createdAt)}`} extra={<Tag color="warning">{r.caseCode}</Tag>}>
            {personLine(lang, r.requester)} {t('inbox.asks')}
          </List.Item>
        )} />
      )}
      {inbox.newDocuments.length > 0 && <NewDocumentsList inbox={inbox} />}
      {inbox.myRequests.length > 0 && (
        <PagedList testId="my-requests" header={t('inbox.myRequests')} first={{ items: inbox.myRequests, nextCursor: inbox.myRequestsNext }} more={(c) => ep.inboxPage('my-requests', c)} row={(r) => (
          <List.Item key={r.requestId} data-testid={`my-request-${r.caseCode}`} onClick={() => navigate(r.status === 'approved' ? `/doc/${r.documentId}` : `/case/${r.caseCode}`)} description={`${reasonLabel(r.reasonCode)} · ${hkTime(r.createdAt)}`} extra={<Tag color={r.status === 'approved' ? 'success' : r.status === 'pending' ? 'warning' : 'default'} data-testid="request-status">{t(`status.${r.status}`)}</Tag>}>
            {r.caseCode}
          </List.Item>
        )} />
      )}
      {inbox.alerts.length > 0 && (
        <PagedList testId="alerts" header={t('inbox.alerts')} first={{ items: inbox.alerts, nextCursor: inbox.alertsNext }} more={(c) => ep.inboxPage('alerts', c)} row={(a) => (
          <List.Item key={a.alertId} data-testid={`alert-item-${a.caseCode}`} onClick={() => navigate(a.mine ? `/alert/${a.alertId}` : a.itemId ? `/burn/${a.itemId}` : `/case/${a.caseCode}`)} description={`${t('inbox.by')} ${personLine(lang, a.raisedBy)} · ${hkTime(a.createdAt)}`} extra={<Tag color="danger">{a.caseCode}</Tag>}>
            {t(a.mine ? 'inbox.alertMine' : 'inbox.alertFor')}
          </List.Item>
        )} />
      )}
      {inbox.burnItems.length > 0 && (
        <PagedList testId="burn-items" header={t('inbox.burn')} first={{ items: inbox.burnItems, nextCursor: inbox.burnItemsNext }} more={(c) => ep.inboxPage('burn', c)} row={(b) => (
          <List.Item key={b.itemId} data-testid={`burn-item-${b.caseCode}`} onClick={() => navigate(`/burn/${b.itemId}`)} description={`${t('inbox.from')} ${personLine(lang, b.author)} · ${hkTime(b.createdAt)}`} extra={<Tag color="danger">{b.caseCode}</Tag>}>{t(`burnKind.${b.kind}`)}</List.Item>
        )} />
      )}
      {inbox.escalations.length > 0 && (
        <PagedList testId="escalations" header={t('inbox.escalations')} first={{ items: inbox.escalations, nextCursor: inbox.escalationsNext }} more={(c) => ep.inboxPage('escalations', c)} row={(e) => (
          <List.Item key={e.itemId} onClick={() => navigate(e.itemType === 'interaction' ? `/doctor/interactions/${e.itemId}` : e.itemType === 'referral' ? `/referral/${e.itemId}` : `/case/${e.caseCode}`)} description={`${t('inbox.step')} ${e.step} · ${hkTime(e.createdAt)}`} extra={<Tag color="danger">{e.caseCode}</Tag>}>{t(`escalation.${e.itemType}`)}</List.Item>
        )} />
      )}
      <DecideSheet request={deciding} reasonLabel={reasonLabel} onClose={() => setDeciding(null)} onDone={() => { setDeciding(null); load.reload(); }} />
    </div>
  );
}

/** Approve or deny one request, with an optional note that stays with the decision. */
function DecideSheet({ request, reasonLabel, onClose, onDone }: { request: ToDecide | null; reasonLabel: (c: string) => string; onClose: () => void; onDone: () => void }) {
  const ep = useEndpoints();
  const { t, lang } = useDoctorI18n();
  const { t: appWords } = useI18n();
  const [note, setNote] = useState('');
  const [duration, setDuration] = useState<GrantDuration | null>(null);
  const [busy, setBusy] = useState(false);
  const decide = async (decision: 'approve' | 'deny') => {
    if (!request) return;
    setBusy(true);
    try {
      await ep.decide(request.requestId, { decision, reason: note.trim() || undefined, duration: duration ?? undefined }, lang);
      Toast.show({ content: t('decide.done') });
      setNote('');
      onDone();
    } catch (err) {
      Toast.show({ content: errorLine(err, appWords) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Popup visible={request !== null} onMaskClick={onClose} bodyStyle={{ borderTopLeftRadius: 12, borderTopRightRadius: 12 }}>
      {request && (
        <div className="padded stack decide-sheet" data-testid="decide-sheet">
          <div style={{ fontWeight: 600, fontSize: 17 }}>{t('decide.title')} · {request.caseCode}</div>
          <div>{personLine(lang, request.requester)} {t('inbox.asks')}</div>
          <div className="muted">{t('inbox.reason')}: {reasonLabel(request.reasonCode)}</div>
          <DurationPicker value={duration} onChange={setDuration} />
          <TextArea data-testid="decide-note" placeholder={t('decide.note')} value={note} onChange={setNote} maxLength={200} rows={2} />
          <div style={{ display: 'flex', gap: 12 }}>
            <Button block color="danger" fill="outline" disabled={busy} data-testid="decide-deny" onClick={() => void decide('deny')}>{t('decide.deny')}</Button>
            <Button block color="primary" disabled={busy} data-testid="decide-approve" onClick={() => void decide('approve')}>{t('decide.approve')}</Button>
          </div>
        </div>
      )}
    </Popup>
  );
}
