import { say } from '../i18n.js';
import { COMMON_TEXTS as T } from '../texts/common-texts.js';
import type { Command } from './command.js';

export const ping: Command = {
  name: 'ping',
  aliases: ['測試', '测试', '在嗎', '在吗'],
  summary: { en: 'check that ConsultBridge is listening', zh: '檢查 ConsultBridge 是否在線' },
  needsTrust: false,
  async run(ctx) {
    await ctx.reply(say(ctx.lang, T.pong));
  },
};
