import type { EscalationNotifier, StepNotice } from '../../domain/escalation/escalation-port.js';
import type { DingRemindType } from '../../dingtalk/openapi/index.js';
import type { CommandDeps } from '../commands/deps.js';
import { hkDateTime } from '../format.js';
import type { Lang } from '../i18n.js';
import { langOf, personLine } from '../people.js';
import { appLink } from './app-link.js';

type Deps = Pick<CommandDeps, 'directoryRepo' | 'secure' | 'outbox' | 'notify' | 'viewTokens' | 'publicUrl' | 'clock'>;

const ITEM: Record<StepNotice['itemType'], { en: string; zh: string }> = {
  document: { en: 'an urgent report', zh: '一份緊急報告' },
  alert: { en: 'an urgent allergy alert', zh: '一則緊急過敏警示' },
};

/**
 * The chat side of unread escalation: content-free 1:1 texts (case code, names, times, a mini-app link
 * that opens only for a signed-in reader) and the DING. Everything goes through the outbox under the step's idemKey, inside
 * the step's transaction. A recipient missing from the directory throws, so the step is retried.
 */
export function createEscalationNotices(deps: Deps, opts: { remindType: DingRemindType }): EscalationNotifier {
  const person = (id: string) => {
    const c = deps.directoryRepo.findById(id);
    if (!c) throw new Error('escalation: clinician not in directory');
    return c;
  };
  const caseCode = (caseId: string) => deps.secure.casesRepo.caseById(caseId)?.code ?? '';
  const what = (n: StepNotice, lang: Lang) => ITEM[n.itemType][lang];
  const from = (n: StepNotice, lang: Lang) => (n.initiatorId ? personLine(deps.directoryRepo, n.initiatorId, lang) : '');

  /** The document in the mini-app (which signs the reader in and decides access then); alerts are opened from their card. */
  function openLink(n: StepNotice, lang: Lang): string {
    if (n.itemType !== 'document') return lang === 'zh' ? '請從警示卡片開啟。' : 'Open it from the alert card.';
    return `[${lang === 'zh' ? '開啟' : 'Open'}](${appLink(deps.publicUrl, 'doc', n.itemId)})`;
  }

  return {
    remind(n) {
      const r = person(n.recipientId);
      const lang = langOf(r);
      const code = caseCode(n.caseId);
      const at = hkDateTime(n.since).slice(11);
      const text = lang === 'zh'
        ? `個案 ${code} 有${what(n, lang)}尚待你開啟（${from(n, lang)}，${at}）。${openLink(n, lang)}`
        : `${what(n, lang)[0]!.toUpperCase()}${what(n, lang).slice(1)} on case ${code} is waiting for you (${from(n, lang)}, ${at}). ${openLink(n, lang)}`;
      deps.notify.toUser(n.idemKey, r.dingtalkUserId, lang === 'zh' ? `⏰ 提醒 · ${code}` : `⏰ Reminder · ${code}`, text);
    },

    ding(n) {
      const r = person(n.recipientId);
      const lang = langOf(r);
      const code = caseCode(n.caseId);
      const content = lang === 'zh' ? `ConsultBridge：個案 ${code} 有${what(n, lang)}尚待你開啟。` : `ConsultBridge: ${what(n, lang)} on case ${code} is waiting for you.`;
      deps.outbox.enqueue({ idemKey: n.idemKey, kind: 'ding.send', payload: { userIds: [r.dingtalkUserId], content, remindType: opts.remindType } });
    },

    escalate(n) {
      const c = person(n.colleagueId);
      const lang = langOf(c);
      const code = caseCode(n.caseId);
      const at = hkDateTime(n.since).slice(11);
      const who = personLine(deps.directoryRepo, n.recipientId, lang);
      const text = lang === 'zh'
        ? `${who} 尚未開啟個案 ${code} 的${what(n, lang).replace(/^一(份|則)/, '')}（${at} 發出）。你是升級名單上的下一位：請聯絡對方，或輸入 \`@ConsultBridge request ${code} continuing_care\` 申請存取。`
        : `${who} has not opened ${what(n, lang)} on case ${code} (sent ${at}). You are next on the escalation list: please reach them, or ask for access with \`@ConsultBridge request ${code} continuing_care\`.`;
      deps.notify.toUser(n.idemKey, c.dingtalkUserId, lang === 'zh' ? `🔺 升級 · ${code}` : `🔺 Escalation · ${code}`, text);
    },
  };
}
