import { describe, expect, it } from 'vitest';
import type { Command } from '../../src/bot/commands/command.js';
import { editDistance, suggestCommands } from '../../src/bot/commands/suggest.js';

const cmd = (name: string, aliases: string[] = []): Command => ({ name, aliases, summary: { en: '', zh: '' }, needsTrust: false, run: () => undefined });
const COMMANDS = [cmd('help', ['?', 'h', '幫助']), cmd('whoami', ['me', '我是誰']), cmd('share', ['分享']), cmd('approve', ['批准']), cmd('case', ['個案'])];

describe('did you mean', () => {
  it('counts edits per code point, Chinese included', () => {
    expect(editDistance('whoamii', 'whoami')).toBe(1);
    expect(editDistance('aprove', 'approve')).toBe(1);
    expect(editDistance('我是說', '我是誰')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('suggests the nearest command word (in the language typed), and nothing for words like none', () => {
    expect(suggestCommands(COMMANDS, 'whoamii')).toEqual(['whoami']);
    expect(suggestCommands(COMMANDS, 'SHRE')).toEqual(['share']);
    expect(suggestCommands(COMMANDS, '我是說')).toEqual(['我是誰']);
    expect(suggestCommands(COMMANDS, 'cse')).toEqual(['case']);
    expect(suggestCommands(COMMANDS, 'fly')).toEqual([]);
    expect(suggestCommands(COMMANDS, 'list')).toEqual([]);
    expect(suggestCommands(COMMANDS, '')).toEqual([]);
  });
});
