import type { Message } from '../i18n.js';

/**
 * 1:1 notices of a roster change to the clinicians it moves (issue 14 item 1). `roster` is
 * "Cardiology · QMH" in the reader's language, names carry role and institution, times are HKT.
 * Never patient data.
 */
export const ROSTER_NOTICE_TEXTS = {
  coverTitle: { en: (roster: string) => `🗓 On-call cover · ${roster}`, zh: (roster: string) => `🗓 當值代班 · ${roster}` },
  youCover: {
    en: (level: string, roster: string, from: string, to: string, replaced: string) => `You now cover ${level} on ${roster} from ${from} to ${to}, in place of ${replaced}.`,
    zh: (level: string, roster: string, from: string, to: string, replaced: string) => `你由 ${from} 至 ${to} 代替 ${replaced} 擔任 ${roster} 的${level}。`,
  },
  youAreCovered: {
    en: (who: string, level: string, roster: string, from: string, to: string) => `${who} covers your ${level} on ${roster} from ${from} to ${to}; you are off call for that time.`,
    zh: (who: string, level: string, roster: string, from: string, to: string) => `${who} 由 ${from} 至 ${to} 代替你擔任 ${roster} 的${level}；該段時間你毋須當值。`,
  },
  swapTitle: { en: (roster: string) => `🗓 On-call swap · ${roster}`, zh: (roster: string) => `🗓 當值互換 · ${roster}` },
  youSwapped: {
    en: (roster: string, nowLevel: string, nowTime: string, other: string, wasLevel: string, wasTime: string) =>
      `Your shift on ${roster} was swapped with ${other}: you now take ${nowLevel} ${nowTime}; ${other} takes your ${wasLevel} ${wasTime}.`,
    zh: (roster: string, nowLevel: string, nowTime: string, other: string, wasLevel: string, wasTime: string) =>
      `你在 ${roster} 的班次已與 ${other} 互換：你改為擔任${nowLevel} ${nowTime}；${other} 接替你的${wasLevel} ${wasTime}。`,
  },
  arrangedBy: { en: (who: string) => `\n\nArranged by ${who}. \`@ConsultBridge oncall\` shows who is on call now.`, zh: (who: string) => `\n\n由 ${who} 安排。可用 @ConsultBridge oncall 查看目前當值人員。` },
} satisfies Record<string, Message<any[]>>;
