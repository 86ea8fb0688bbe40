import { hkDateTime } from '../../shared/hk-time.js';
import { listMyCases, type MyCasesDeps, type MyCasesPage } from '../../usecases/cases/my-cases.js';
import type { BotContext } from '../context.js';
import { say, type Lang } from '../i18n.js';
import { CASES_TEXTS as T } from '../texts/cases-texts.js';
import { careRoleName } from './case-text.js';
import type { Command } from './command.js';
import type { CommandDeps } from './deps.js';

/** How many cases a chat answer lists; the rest are in the mini-app's Cases tab. */
const CHAT_PAGE = 10;

type CasesDeps = Pick<CommandDeps, 'myCases' | 'publicUrl'>;

/** A page of cases as chat text: one line per code, then where the rest are. */
function render(deps: CasesDeps, page: MyCasesPage, lang: Lang, empty: string): string {
  if (page.items.length === 0) return empty;
  const lines = page.items.map((c) => say(lang, T.line, c.code, careRoleName(c.role, lang), c.unread, hkDateTime(c.lastActivityAt), c.status === 'closed'));
  lines.push('', page.nextCursor ? say(lang, T.more, `${deps.publicUrl}/app/cases`) : say(lang, T.showCase));
  return lines.join('\n');
}

async function answer(deps: CasesDeps, ctx: BotContext, q: string | undefined, myCases: MyCasesDeps): Promise<void> {
  const { lang } = ctx;
  const page = await listMyCases(myCases, ctx.actor!.clinician, { q, limit: CHAT_PAGE });
  const title = say(lang, q ? T.searchTitle : T.title);
  await ctx.reply({ title, text: render(deps, page, lang, say(lang, q ? T.noMatch : T.none)) });
}

/**
 * `cases` (`my cases`, `list`): my cases, answered 1:1 (a group hears only the pointer). `search <code
 * or text>`: the same list narrowed — only in a 1:1 chat, since the text may name a patient; in a group
 * the bot does not search and points to the 1:1 chat. Codes only, never patient data.
 */
export function casesCommands(deps: CasesDeps): Command[] {
  return [
    {
      name: 'cases',
      aliases: ['my', 'mycases', 'list', '我的個案', '我的个案', '個案列表', '个案列表'],
      summary: { en: 'list your cases with your role and unread items (answered 1:1)', zh: '列出你的個案、你的角色及未讀項目（私訊回覆）' },
      needsTrust: true,
      personal: true,
      run: (ctx) => answer(deps, ctx, undefined, deps.myCases),
    },
    {
      name: 'search',
      aliases: ['find', '搜尋', '搜寻', '搜索', '查找'],
      usage: 'C-XXXXX | HKID | name',
      summary: { en: 'search your cases by code, HKID or patient name (1:1 chat only)', zh: '以個案編號、身份證號碼或病人姓名搜尋你的個案（只限一對一聊天）' },
      needsTrust: true,
      async run(ctx) {
        if (ctx.msg.conversationType !== 'direct') return ctx.reply(say(ctx.lang, T.searchInPrivate));
        const q = ctx.command?.args.join(' ').trim();
        if (!q) return ctx.reply(say(ctx.lang, T.searchUsage));
        return answer(deps, ctx, q, deps.myCases);
      },
    },
  ];
}
