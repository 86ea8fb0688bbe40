import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROBOT_TOPIC } from '../../src/bot/steps/dedupe.js';
import type { Bot } from '../../src/bot/bot.js';
import type { BotMessage } from '../../src/dingtalk/bot-message.js';
import { createInboxRepository } from '../../src/domain/inbox/inbox-repository.js';
import { createRobotInbox } from '../../src/inbound/inbound-robot.js';
import { ManualClock } from '../../src/shared/clock.js';
import { silentLogger } from '../../src/shared/logger.js';
import { recordingAudit } from '../helpers/dingtalk-api.js';
import { tempDb } from '../helpers/temp-db.js';

let db: ReturnType<typeof tempDb>;
beforeEach(() => {
  db = tempDb();
});
afterEach(() => db.cleanup());

const msg = (msgId: string) => ({ msgId, senderUserId: 'u1', conversationId: 'c1', conversationType: 'group', text: 'ping' }) as unknown as BotMessage;

/** The robot inbox over a real database, counting the commits that switched to synchronous=FULL (an fsync each). */
function fixture() {
  const inbox = createInboxRepository(db.db, db.store);
  let durableCommits = 0;
  const pragma = db.sqlite.pragma.bind(db.sqlite);
  db.sqlite.pragma = ((source: string, opts?: { simple?: boolean }) => {
    if (/synchronous\s*=\s*FULL/i.test(source)) durableCommits++;
    return pragma(source, opts);
  }) as typeof db.sqlite.pragma;
  const robot = createRobotInbox({
    bot: {} as Bot,
    inbox,
    cipher: { seal: async (_id, _t, text) => `v1.1.k.${Buffer.from(text).toString('base64')}`, open: async () => '' },
    audit: recordingAudit(),
    clock: new ManualClock(),
    logger: silentLogger,
    instanceId: 'i-1',
  });
  return { inbox, robot, commits: () => durableCommits };
}

describe('inbound robot messages: group commit of the durable record', () => {
  it('when messages arrive together, then they share one fsynced commit and each is on disk when its record resolves', async () => {
    const { inbox, robot, commits } = fixture();
    const ids = Array.from({ length: 20 }, (_, i) => `gc-${i}`);
    const results = await Promise.all([...ids, 'gc-3'].map((id) => robot.record(msg(id))));
    expect(results).toEqual([...ids.map(() => 'new'), 'duplicate']);
    // One fsync per message held the event loop at 200 msg/s (R8); 20 at once now cost one.
    expect(commits()).toBe(1);
    for (const id of ids) expect(await inbox.find(id)).toMatchObject({ state: 'processing', owner: 'i-1', topic: ROBOT_TOPIC });
  });

  it('when the batch cannot be written, then each message is tried alone and only the bad one fails', async () => {
    const { inbox, robot } = fixture();
    const recordOne = inbox.record.bind(inbox);
    inbox.recordMany = () => {
      throw new Error('one bad row');
    };
    inbox.record = (r) => {
      if (r.msgId === 'bad') throw new Error('bad row');
      return recordOne(r);
    };
    const results = await Promise.allSettled(['ok-1', 'bad', 'ok-2'].map((id) => robot.record(msg(id))));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await inbox.find('ok-2')).toMatchObject({ state: 'processing' });
    expect(await inbox.find('bad')).toBeUndefined();
  });
});
