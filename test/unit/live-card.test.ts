import { describe, expect, it } from 'vitest';
import { createOutbound, type OutboxPort } from '../../src/bot/outbound.js';
import { showLiveCard, type LiveCardContent } from '../../src/bot/flows/live-card.js';

/** An outbox in memory: what was enqueued, and each row's delivery status as the test sets it. */
function memoryOutbox() {
  const rows: { idemKey: string; kind: string; status: string; payload: unknown }[] = [];
  const port: OutboxPort = {
    async enqueue(intent) {
      if (!rows.some((r) => r.idemKey === intent.idemKey)) rows.push({ idemKey: intent.idemKey, kind: intent.kind, status: 'pending', payload: intent.payload });
      return {};
    },
    async withKeyPrefix(prefix, kind) {
      return rows.filter((r) => r.idemKey.startsWith(prefix) && r.kind === kind).map((r) => ({ idemKey: r.idemKey, status: r.status, updatedAt: 0 }));
    },
  };
  return { rows, port, sendAll: () => rows.forEach((r) => (r.status = 'sent')) };
}

const content = (text: string): LiveCardContent => ({ title: 'T', text, buttons: [] });

describe('a live card (posted once, then updated in place, one change in flight)', () => {
  it('When the card is looked at again and again, then it is posted once, updates wait for the last send, and the same state is never sent twice', async () => {
    const box = memoryOutbox();
    const notify = createOutbound(box.port, 'tpl', 'https://cb.example');
    const show = (text: string) => showLiveCard(notify, 'live:1', 'u1', content(text));

    expect(await show('a')).toBe('posted');
    expect(await show('b')).toBe('waiting'); // the card is not out yet: nothing can update it
    box.sendAll();
    expect(await show('b')).toBe('updated');
    expect(await show('c')).toBe('waiting'); // the last update is still in the outbox
    box.sendAll();
    expect(await show('c')).toBe('updated');
    box.sendAll();
    expect(await show('c')).toBe('unchanged');
    expect(box.rows.map((r) => [r.kind, r.idemKey.replace(/:[0-9a-f]{16}$/, '')])).toEqual([
      ['card.deliver', 'live:1'],
      ['card.update', 'live:1:u:1'],
      ['card.update', 'live:1:u:2'],
    ]);
    expect(box.rows.slice(1).map((r) => (r.payload as { outTrackId: string; cardParamMap: { text: string } }))).toMatchObject([
      { outTrackId: 'live:1', cardParamMap: { text: 'b' } },
      { outTrackId: 'live:1', cardParamMap: { text: 'c' } },
    ]);
  });

  it('When the card never reached DingTalk (dead), then no update is tried', async () => {
    const box = memoryOutbox();
    const notify = createOutbound(box.port, 'tpl', 'https://cb.example');
    await showLiveCard(notify, 'live:2', 'u1', content('a'));
    box.rows[0]!.status = 'dead';
    expect(await showLiveCard(notify, 'live:2', 'u1', content('b'))).toBe('waiting');
    expect(box.rows).toHaveLength(1);
  });
});
