import { Button, List, Tag, TextArea } from 'antd-mobile';
import { useState } from 'react';
import type { MdtMeetingDto } from '../../../../src/contract/mdt.js';
import { hkTime } from '../doctor-messages.js';
import { useMdtI18n, type MdtKey } from './mdt-messages.js';

type Decision = { decision: 'approved' } | { decision: 'returned'; comment: string };

/** The sign-off steps of every round (role, approver by name, decision, time, comment), and my decision when the current step is mine. */
export function SignOffPanel({ meeting, busy, decide }: { meeting: MdtMeetingDto; busy: boolean; decide: (d: Decision) => void }) {
  const { t } = useMdtI18n();
  const [comment, setComment] = useState('');
  if (meeting.steps.length === 0) return null;
  return (
    <List header={t('mdt.signoff')} data-testid="mdt-signoff">
      {meeting.steps.map((s) => (
        <List.Item key={s.id} data-testid="mdt-step"
          description={[s.decidedAt !== null ? hkTime(s.decidedAt) : null, s.comment ? `“${s.comment}”` : null].filter(Boolean).join(' · ') || undefined}
          extra={<Tag color={s.decision === 'approved' ? 'success' : s.decision === 'returned' ? 'danger' : 'default'}>{t(`dec.${s.decision ?? 'pending'}` as MdtKey)}</Tag>}>
          {t('mdt.round')} {s.round} · {t(`role.${s.role}` as MdtKey)}: {s.approver.nameZh ? `${s.approver.nameZh} ${s.approver.nameEn}` : s.approver.nameEn}
        </List.Item>
      ))}
      {meeting.myStep && (
        <List.Item description={t('mdt.yourStep')} data-testid="mdt-my-step">
          <div className="stack">
            <Button block color="primary" disabled={busy} data-testid="mdt-approve" onClick={() => decide({ decision: 'approved' })}>{t('mdt.approve')}</Button>
            <TextArea data-testid="mdt-comment" placeholder={t('mdt.comment')} value={comment} onChange={setComment} autoSize={{ minRows: 2 }} />
            <Button block color="danger" fill="outline" disabled={busy || comment.trim() === ''} data-testid="mdt-return" onClick={() => decide({ decision: 'returned', comment })}>{t('mdt.return')}</Button>
          </div>
        </List.Item>
      )}
    </List>
  );
}
