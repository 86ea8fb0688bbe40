import { Button, Checkbox, Popconfirm, Space, Table, Tag } from 'antd';
import { CALL_LEVELS, type RosterLevel, type RosterShiftDto } from '../../../../src/contract/rosters.js';
import { DAY_MS, hkCsvTime } from '../../../../src/shared/hk-wall-clock.js';
import { useRosterI18n } from './roster-messages.js';

const LEVEL_COLOR: Record<RosterLevel, string> = { first: 'red', second: 'orange', shift: 'blue' };

interface Props {
  weekStart: number;
  shifts: RosterShiftDto[];
  picked: string[];
  onPick(id: string, on: boolean): void;
  onCover(shift: RosterShiftDto): void;
  onRemove(shift: RosterShiftDto): void;
}

/** `08:00 → 08:00 (+1)`: a shift's HK wall-clock span as seen from one day. */
function span(s: RosterShiftDto): string {
  const a = hkCsvTime(Date.parse(s.startsAt));
  const b = hkCsvTime(Date.parse(s.endsAt));
  return `${a.slice(5)} → ${a.slice(0, 10) === b.slice(0, 10) ? b.slice(11) : b.slice(5)}`;
}

/** A week of one roster: a row per call level, a column per HK day; each shift shows in every day it touches. */
export function RosterCalendar({ weekStart, shifts, picked, onPick, onCover, onRemove }: Props) {
  const { t } = useRosterI18n();
  const days = Array.from({ length: 7 }, (_, i) => weekStart + i * DAY_MS);
  const cell = (level: RosterLevel, day: number) => {
    const here = shifts.filter((s) => s.level === level && Date.parse(s.startsAt) < day + DAY_MS && Date.parse(s.endsAt) > day);
    if (here.length === 0) return t('empty');
    return (
      <Space direction="vertical" size={4}>
        {here.map((s) => (
          <div key={s.id} className="roster-shift" data-testid="roster-shift" data-level={level}>
            <Checkbox checked={picked.includes(s.id)} onChange={(e) => onPick(s.id, e.target.checked)} data-testid="roster-pick">
              <strong>{s.clinician?.name ?? '—'}</strong>
            </Checkbox>
            <div style={{ fontSize: 12 }}>{span(s)} HKT</div>
            <Space size={4}>
              <Button size="small" onClick={() => onCover(s)} data-testid="roster-cover">{t('cover')}</Button>
              <Popconfirm title={t('removeQ')} onConfirm={() => onRemove(s)}>
                <Button size="small" danger data-testid="roster-remove">{t('remove')}</Button>
              </Popconfirm>
            </Space>
          </div>
        ))}
      </Space>
    );
  };
  const dayTitle = (day: number) => hkCsvTime(day).slice(5, 10);
  return (
    <Table<{ level: RosterLevel }>
      data-testid="roster-calendar"
      rowKey="level"
      size="small"
      bordered
      pagination={false}
      scroll={{ x: 900 }}
      dataSource={CALL_LEVELS.map((level) => ({ level }))}
      columns={[
        { title: '', key: 'level', fixed: 'left', width: 96, render: (_, r) => <Tag color={LEVEL_COLOR[r.level]}>{t(`level.${r.level}`)}</Tag> },
        ...days.map((day) => ({ title: dayTitle(day), key: String(day), width: 130, render: (_: unknown, r: { level: RosterLevel }) => cell(r.level, day) })),
      ]}
    />
  );
}
