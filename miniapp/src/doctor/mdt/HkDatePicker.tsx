import { Button, DatePicker } from 'antd-mobile';
import { useState } from 'react';
import { hkDate } from '../../../../src/shared/hk-time.js';
import { hkIsoOfPicked } from '../../admin/hk-picker.js';
import { useI18n } from '../../i18n/i18n.js';

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const YEAR_MS = 365 * 86_400_000;

/** The HK calendar day of an instant, as a Date whose (device-local) wall clock shows that day: what the wheel shows. */
function wheelDate(ms: number): Date {
  const [y, m, d] = hkDate(ms).split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d);
}

/**
 * An HK due date picked on the wheel, as the console's pickers do it (hk-picker.ts): the picked day is
 * read as a Hong Kong wall clock whatever the device's time zone, and means the end of that HK day
 * (23:59 HKT). Shown the HK way (`2026-12-09`), wheel labels in the screen's language.
 */
export function HkDatePicker({ value, onChange, disabled, testId, placeholder, title }: {
  value: number | null; onChange: (ms: number | null) => void; disabled: boolean; testId: string; placeholder: string; title: string;
}) {
  const { lang } = useI18n();
  const [open, setOpen] = useState(false);
  const now = Date.now();
  const min = wheelDate(value !== null ? Math.min(value, now) : now);
  const label = (type: string, n: number) => {
    if (type === 'month') return lang === 'en' ? MONTHS_EN[n - 1]! : `${n}月`;
    if (type === 'year') return lang === 'en' ? String(n) : `${n}年`;
    return lang === 'en' ? String(n) : `${n}日`;
  };
  return (
    <>
      <Button size="mini" fill="outline" disabled={disabled} data-testid={testId} onClick={() => setOpen(true)}>{value !== null ? hkDate(value) : placeholder}</Button>
      <DatePicker
        visible={open} precision="day" title={title} min={min} max={wheelDate(now + 2 * YEAR_MS)} value={value !== null ? wheelDate(value) : wheelDate(now)}
        renderLabel={label} onClose={() => setOpen(false)}
        onConfirm={(d) => onChange(Date.parse(hkIsoOfPicked({ year: () => d.getFullYear(), month: () => d.getMonth(), date: () => d.getDate(), hour: () => 23, minute: () => 59, second: () => 0 })!))}
      />
    </>
  );
}
