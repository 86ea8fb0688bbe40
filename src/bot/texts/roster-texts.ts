import type { Message } from '../i18n.js';

/**
 * Replies of `oncall …`. Names and roles only, never patient data. `roster` is "Cardiology · QMH" in
 * the reader's language; times are HKT (shared formatter).
 */
export const ROSTER_TEXTS = {
  title: { en: (roster: string) => `On call · ${roster}`, zh: (roster: string) => `當值 · ${roster}` },
  level: {
    en: (level: string) => ({ first: 'First call', second: 'Second call', shift: 'On shift' })[level] ?? level,
    zh: (level: string) => ({ first: '第一當值', second: '第二當值', shift: '當班' })[level] ?? level,
  },
  person: {
    en: (name: string, role: string, until: string) => `${name}${role ? ` (${role})` : ''} — until ${until}`,
    zh: (name: string, role: string, until: string) => `${name}${role ? `（${role}）` : ''} — 至 ${until}`,
  },
  nobody: { en: 'no one rostered', zh: '未有編排' },
  escalation: { en: (name: string) => `Escalation contact: ${name}`, zh: (name: string) => `升級聯絡人：${name}` },
  asOf: { en: (at: string) => `As of ${at}.`, zh: (at: string) => `截至 ${at}。` },
  usage: {
    en: 'Which roster? e.g. `@ConsultBridge oncall cardiology QMH` (specialty, then hospital code). Roster owners: `oncall cover cardiology QMH @name until 20:00`, `oncall swap cardiology QMH @name @name`.',
    zh: '哪一個當值表？例如 @ConsultBridge oncall cardiology QMH（專科，然後醫院代碼）。當值表負責人：oncall cover cardiology QMH @姓名 until 20:00、oncall swap cardiology QMH @姓名 @姓名。',
  },
  coverUsage: {
    en: 'Mention who covers, e.g. `@ConsultBridge oncall cover cardiology QMH @name until 20:00` (add `second` for second call, `from 14:00` to start later).',
    zh: '請 @ 提及代班的同事，例如 @ConsultBridge oncall cover cardiology QMH @姓名 until 20:00（第二當值加 second；稍後開始加 from 14:00）。',
  },
  swapUsage: {
    en: 'Mention the two colleagues, e.g. `@ConsultBridge oncall swap cardiology QMH @name @name`: their next shifts on this roster are exchanged.',
    zh: '請 @ 提及兩位同事，例如 @ConsultBridge oncall swap cardiology QMH @姓名 @姓名：互換二人在此當值表的下一個班次。',
  },
  unknownUser: {
    en: 'I can’t find a colleague you mentioned in the ConsultBridge directory. Ask them to send `@ConsultBridge whoami` once, then try again.',
    zh: 'ConsultBridge 名錄中找不到你提及的同事。請他先傳送一次 @ConsultBridge whoami，然後再試。',
  },
  noShiftNow: {
    en: (level: string, roster: string) => `No ${level} shift on ${roster} at that time to cover.`,
    zh: (level: string, roster: string) => `${roster} 在該時間沒有可代替的${level}班次。`,
  },
  noNextShift: {
    en: (name: string, roster: string) => `${name} has no current or coming shift on ${roster}.`,
    zh: (name: string, roster: string) => `${name} 在 ${roster} 沒有目前或即將的班次。`,
  },
  covered: {
    en: (who: string, level: string, from: string, to: string, roster: string) => `${who} covers ${level} on ${roster} from ${from} to ${to}.`,
    zh: (who: string, level: string, from: string, to: string, roster: string) => `${who} 由 ${from} 至 ${to} 代替 ${roster} 的${level}。`,
  },
  swapped: {
    en: (a: string, aTime: string, b: string, bTime: string) => `Swapped: ${a} now takes ${bTime}; ${b} now takes ${aTime}.`,
    zh: (a: string, aTime: string, b: string, bTime: string) => `已互換：${a} 改為當值 ${bTime}；${b} 改為當值 ${aTime}。`,
  },
} satisfies Record<string, Message<any[]>>;
