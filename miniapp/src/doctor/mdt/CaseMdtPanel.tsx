import { Button, List, Tag } from 'antd-mobile';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { CaseMdtItemDto } from '../../../../src/contract/mdt-lists.js';
import { useApi, useEndpoints } from '../../api/use-api.js';
import { personName } from '../doctor-api.js';
import { hkTime } from '../doctor-messages.js';
import { useMdtI18n, type MdtKey } from './mdt-messages.js';

/** In sign-off: "step 2 of 3 · waiting on Dr Chan"; null otherwise. */
function useStepLine() {
  const { t, lang } = useMdtI18n();
  return (m: Pick<CaseMdtItemDto, 'step'>): string | null =>
    m.step && `${t('mdt.stepOf').replace('{n}', String(m.step.position)).replace('{m}', String(m.step.of))} · ${t('mdt.waitingOn').replace('{who}', personName(lang, m.step.approver))}`;
}

/**
 * The case screen's MDT meetings, newest first: scheduled time (HKT), stage, and a link to the meeting
 * for its participants. Pages by the server's cursor ("Show older meetings"). Hidden for those the
 * server does not show them to (a colleague holding only a document grant).
 */
export function CaseMdtPanel({ code }: { code: string }) {
  const { t } = useMdtI18n();
  const stepLine = useStepLine();
  const navigate = useNavigate();
  const ep = useEndpoints();
  const first = useApi('caseMdt', [code]);
  const [older, setOlder] = useState<{ items: CaseMdtItemDto[]; nextCursor: string | null } | null>(null);
  if (!first.data) return null;
  const items = [...first.data.items, ...(older?.items ?? [])];
  const next = older ? older.nextCursor : first.data.nextCursor;
  const more = async () => {
    const page = await ep.caseMdt(code, next!);
    setOlder({ items: [...(older?.items ?? []), ...page.items], nextCursor: page.nextCursor });
  };
  return (
    <List header={t('mdt.caseMeetings')} data-testid="case-mdt">
      {items.length === 0 && <List.Item description={t('mdt.noMeetings')}>—</List.Item>}
      {items.map((m) => (
        <List.Item key={m.id} data-testid="case-mdt-meeting" arrow={m.canOpen} onClick={m.canOpen ? () => navigate(`/doctor/mdt/${m.id}`) : undefined}
          description={[stepLine(m), m.canOpen ? null : t('mdt.notParticipant')].filter(Boolean).join(' · ') || undefined}>
          <div>{hkTime(m.scheduledAt)}</div>
          <Tag data-testid="case-mdt-status" color={m.status === 'approved' ? 'success' : m.status === 'returned' ? 'warning' : 'primary'} fill="outline">{t(`st.${m.status}` as MdtKey)}</Tag>
        </List.Item>
      ))}
      {next !== null && <List.Item><Button size="small" fill="outline" data-testid="case-mdt-more" onClick={() => void more()}>{t('mdt.more')}</Button></List.Item>}
    </List>
  );
}
