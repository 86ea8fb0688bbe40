import type { Command } from './command.js';
import { say } from '../i18n.js';
import { LINK_TEXTS as T } from '../texts/link-command-texts.js';

/** Lists every command with its one-line description in the sender's language. */
export function helpCommand(all: () => readonly Command[]): Command {
  return {
    name: 'help',
    aliases: ['?', 'h', '幫助', '帮助', '說明', '说明'],
    summary: { en: 'list the commands', zh: '列出所有指令' },
    needsTrust: false,
    personal: true,
    async run(ctx) {
      const zh = ctx.lang === 'zh';
      const lines = all().map((c) => {
        const alias = zh ? c.aliases.find((a) => /[\u3400-\u9fff]/.test(a)) : undefined;
        const usage = c.usage ? ` ${c.usage}` : '';
        return `- **${c.name}${usage}**${alias ? ` (${alias})` : ''} — ${c.summary[ctx.lang]}`;
      });
      const { lang } = ctx;
      await ctx.reply({ title: say(lang, T.helpTitle), text: [say(lang, T.helpHead), ...lines, '', say(lang, T.helpFoot)].join('\n') });
    },
  };
}
