import { describe, expect, it } from 'vitest';
import { parseBotMessage } from '../../src/dingtalk/bot-message.js';
import { findCommand } from '../../src/bot/commands/command.js';
import { buildCommands } from '../../src/bot/commands/index.js';
import { compose } from '../../src/bot/dispatcher.js';
import { parseCommandText } from '../../src/bot/steps/parse-command.js';
import { replyLang } from '../../src/shared/lang.js';
import { silentLogger } from '../../src/shared/logger.js';
import type { CommandDeps } from '../../src/bot/commands/deps.js';

// Parsing only: no command runs here, so the services the commands would call are never reached.
const commands = buildCommands({} as CommandDeps).all;

describe('command parsing', () => {
  it('When the text has leading spaces and an @ConsultBridge prefix, then the command word is found', () => {
    expect(parseCommandText('   @ConsultBridge   WhoAmI  ', 'ConsultBridge')).toMatchObject({ name: 'whoami', args: [] });
    expect(parseCommandText('@consultbridge @ConsultBridge help me', 'ConsultBridge')).toMatchObject({ name: 'help', args: ['me'] });
    expect(parseCommandText(' ＠ConsultBridge ping', 'ConsultBridge').name).toBe('ping');
    expect(parseCommandText(' /help', 'ConsultBridge').name).toBe('help');
  });
  it('When a Chinese alias is used (繁 or 简), then it maps to the command', () => {
    expect(findCommand(commands, '幫助')?.name).toBe('help');
    expect(findCommand(commands, '帮助')?.name).toBe('help');
    expect(findCommand(commands, '我是誰')?.name).toBe('whoami');
    expect(findCommand(commands, '我是谁')?.name).toBe('whoami');
    expect(findCommand(commands, 'PING')?.name).toBe('ping');
    expect(findCommand(commands, 'nope')).toBeUndefined();
  });
  it('picks the language from the saved preference, else DingTalk’s language — never from the message (issue 12)', () => {
    expect(replyLang({ preference: 'zh' })).toBe('zh');
    expect(replyLang({ preference: 'en', dingtalk: 'zh-CN' })).toBe('en');
    expect(replyLang({ preference: null, dingtalk: 'zh_CN' })).toBe('zh');
    expect(replyLang({})).toBe('en');
  });
});

describe('robot payload parsing', () => {
  const base = {
    msgtype: 'text', msgId: 'm1', conversationId: 'cid1', conversationType: '2', senderStaffId: 'u1',
    senderNick: 'Li', chatbotUserId: 'bot', atUsers: [{ dingtalkId: 'bot' }, { dingtalkId: 'x', staffId: 'u2' }],
    text: { content: ' help' }, sessionWebhook: 'http://x', sessionWebhookExpiredTime: 5, createAt: 1,
  };
  it('normalises a group message and drops the bot from mentions', () => {
    const r = parseBotMessage(JSON.stringify(base), 0);
    expect(r).toMatchObject({ ok: true, value: { conversationType: 'group', mentionedUserIds: ['u2'], text: ' help' } });
  });
  it('rejects bad JSON and missing fields with a reason, never throwing', () => {
    expect(parseBotMessage('{nope', 0)).toEqual({ ok: false, reason: 'data_not_json' });
    const r = parseBotMessage(JSON.stringify({ ...base, msgId: undefined }), 0);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.fields).toContain('msgId');
  });
  it('reads an audio message as a voice note with no command text (issue 13: audio is never a command)', () => {
    const audio = { ...base, msgtype: 'audio', text: undefined, content: { recognition: '@ConsultBridge burn C-12345', duration: 4000, downloadCode: 'dl1' } };
    const r = parseBotMessage(JSON.stringify(audio), 0);
    expect(r).toMatchObject({ ok: true, value: { text: '', voice: { recognition: '@ConsultBridge burn C-12345', durationMs: 4000, downloadCode: 'dl1' } } });
    const text = parseBotMessage(JSON.stringify(base), 0);
    expect(text.ok && text.value.voice).toBeUndefined();
  });
});

describe('dispatcher', () => {
  it('stops when a step does not call next, and refuses next() twice', async () => {
    const seen: string[] = [];
    const run = compose(
      [
        { name: 'a', run: async (_c, next) => { seen.push('a'); await next(); } },
        { name: 'b', run: async () => { seen.push('b'); } },
        { name: 'c', run: async () => { seen.push('c'); } },
      ],
      silentLogger,
    );
    await run({} as never);
    expect(seen).toEqual(['a', 'b']);
    const twice = compose([{ name: 'x', run: async (_c, next) => { await next(); await next(); } }], silentLogger);
    await expect(twice({} as never)).rejects.toThrow(/twice/);
  });
});
