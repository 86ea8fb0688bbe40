import type { Command } from './command.js';

/** Lists every command with its one-line description in the sender's language. */
export function helpCommand(all: () => readonly Command[]): Command {
  return {
    name: 'help',
    aliases: ['?', 'h', '幫助', '帮助', '說明', '说明'],
    summary: { en: 'list the commands', zh: '列出所有指令' },
    needsTrust: false,
    run(ctx) {
      const zh = ctx.lang === 'zh';
      const lines = all().map((c) => {
        const alias = zh ? c.aliases.find((a) => /[\u3400-\u9fff]/.test(a)) : undefined;
        const usage = c.usage ? ` ${c.usage}` : '';
        return `- **${c.name}${usage}**${alias ? ` (${alias})` : ''} — ${c.summary[ctx.lang]}`;
      });
      const head = zh ? '**ConsultBridge 指令**（@ConsultBridge 後輸入）' : '**ConsultBridge commands** (type after @ConsultBridge)';
      const foot = zh ? '聊天中只會出現個案編號（如 C-7KQ2M），不會出現病人資料。' : 'Chat only ever shows case codes (like C-7KQ2M), never patient details.';
      ctx.reply({ title: zh ? '指令' : 'Help', text: [head, ...lines, '', foot].join('\n') });
    },
  };
}
