import { listCaseReceipts } from '../../usecases/receipts/list-receipts.js';
import { hkClock, hkDate } from '../format.js';
import { personLine } from '../people.js';
import { caseFromArgs } from './case-arg.js';
import type { Command } from './command.js';
import type { CommandDeps } from './deps.js';
import type { EscalationStepRow } from '../../domain/escalation/escalation-repository.js';
import { CASE_TEXTS as T } from '../texts/case-texts.js';
import { COMMON_TEXTS } from '../texts/common-texts.js';
import { say, type Lang } from '../i18n.js';

/** `receipts C-7KQ2M`: who has opened which document, and who has not yet (names and roles only). */
export function receiptsCommand(deps: Pick<CommandDeps, 'cases' | 'receipts' | 'escalation' | 'directoryRepo'>): Command {
  return {
    name: 'receipts',
    usage: 'C-XXXXX',
    aliases: ['read', '已讀', '已读', '回條', '回条'],
    summary: { en: 'who has opened the case’s documents', zh: '查看誰已開啟個案文件' },
    needsTrust: true,
    async run(ctx) {
      const { caseRow } = await caseFromArgs(deps, ctx);
      const docs = await listCaseReceipts({ queries: deps.cases.queries, receipts: deps.receipts, escalation: deps.escalation }, ctx.actor!.clinician.id, caseRow);
      const { lang } = ctx;
      if (docs.length === 0) return ctx.reply(say(lang, T.noDocuments, caseRow.code));
      // Everyone the lines name, looked up once.
      const named = new Set([
        ...docs.flatMap((d) => [...d.openedBy.map((o) => o.clinicianId), ...d.notOpened.map((n) => n.clinicianId)]),
        ...docs.flatMap((d) => d.steps.flatMap((st) => (st.targetId ? [st.recipientId, st.targetId] : [st.recipientId]))),
      ]);
      const names = new Map(await Promise.all([...named].map(async (id) => [id, await personLine(deps.directoryRepo, id, lang)] as const)));
      const name = (id: string) => names.get(id)!;
      const lines = docs.map((d) => {
        const opened = d.openedBy.map((o) => `${name(o.clinicianId)} ${hkClock(o.firstOpenedAt)}`).join('; ');
        const waiting = d.notOpened.map((n) => name(n.clinicianId)).join('; ');
        const head = `**${say(lang, T.report)} ${hkDate(d.createdAt)}**${d.status !== 'active' ? say(lang, COMMON_TEXTS.destroyedSuffix) : ''}`;
        return [
          head,
          `${say(lang, T.openedBy)}: ${opened || '—'}`,
          `${say(lang, T.notYetOpened)}: ${waiting || '—'}`,
          ...escalationLines(d.steps, name, lang),
        ].join('\n');
      });
      await ctx.reply({ title: say(lang, T.receiptsTitle), text: [`${caseRow.code}`, ...lines].join('\n\n') });
    },
  };
}

const STEP_LABEL = {
  reminded: { en: '⏰ reminded', zh: '⏰ 已提醒' },
  ding: { en: '📳 DING to', zh: '📳 DING' },
  escalated: { en: '🔺 escalated to', zh: '🔺 已升級至' },
  stopped: { en: '✔ stopped', zh: '✔ 已停止' },
} as const;

const STOP_REASON: Record<string, { en: string; zh: string }> = {
  opened: { en: 'opened', zh: '已開啟' },
  opened_by_colleague: { en: 'opened by the colleague', zh: '同事已開啟' },
  item_closed: { en: 'document closed', zh: '文件已關閉' },
  chain_exhausted: { en: 'no one left to ask', zh: '已無可升級人選' },
};

/** One line per escalation step of a document, oldest first: what happened, for whom, when. */
export function escalationLines(steps: readonly EscalationStepRow[], name: (id: string) => string, lang: Lang): string[] {
  return steps.map((st) => {
    const time = hkClock(st.at);
    const label = STEP_LABEL[st.action][lang];
    const about = st.action === 'escalated' && st.targetId
      ? `${name(st.targetId)} (${say(lang, T.escalatedFor)} ${name(st.recipientId)})`
      : st.action === 'stopped'
        ? `${name(st.recipientId)} · ${STOP_REASON[st.reason ?? '']?.[lang] ?? st.reason ?? ''}`
        : name(st.recipientId);
    return `${say(lang, T.escalation)}: ${label} ${about} ${time}`;
  });
}
