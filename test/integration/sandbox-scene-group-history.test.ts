import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxChatGroups } from '../../src/domain/chat-history/chat-history-tables.js';
import { alertCase, alertRow, alertWorld, raiseAlert, type AlertWorld } from './alert-fixture.js';
import { eventually, makeHkid } from './sharing-edge-fixture.js';

interface Msg { id: number; from: string; text: string; card?: { outTrackId: string } }
interface Groups { groups: { id: string; title: string; memberIds: string[] }[] }

async function view(app: FastifyInstance, user: string, conversation: string): Promise<Msg[]> {
  const res = await app.inject({ method: 'GET', url: '/api/sandbox/chat/messages', query: { user, conversation } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().messages;
}

const groupsOf = async (app: FastifyInstance) => ((await app.inject({ method: 'GET', url: '/api/sandbox/chat/groups' })).json() as Groups).groups;

/**
 * Sandbox mode: a scene group the service made through the simulator (an allergy alert's) is kept,
 * sealed, with the chat's history, and made again when the sandbox starts on the same data folder.
 */
describe('an allergy alert scene group across a sandbox restart (same data folder)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cb-scene-group-'));
  let second: AlertWorld | undefined;
  let groupId: string;
  let member: string;
  let before: Msg[];
  let alertId: string;
  let title: string;

  beforeAll(async () => {
    const first = await alertWorld({}, { dir, sandboxChat: true });
    try {
      const code = await alertCase(first, makeHkid('S', '573921'));
      const raised = await raiseAlert(first, code);
      alertId = raised.alertId;
      title = `Allergy alert · ${code}`;
      groupId = await eventually(async () => {
        const row = await alertRow(first, alertId);
        return row.status === 'sent' ? row.sceneGroupId ?? undefined : undefined;
      });
      member = first.h.sim.org.groups.get(groupId)!.memberIds[0]!;
      before = await eventually(async () => {
        const msgs = await view(first.app, member, groupId);
        return msgs.some((m) => m.card?.outTrackId === `alert:${alertId}:${groupId}`) ? msgs : undefined;
      });
    } finally {
      // Closing the app waits for the history writes; then the service and its simulator stop.
      await first.close();
    }
    second = await alertWorld({}, { dir, sandboxChat: true });
  }, 60_000);
  afterAll(async () => {
    await second?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('When the sandbox starts again, then the alert group is listed with its members and its messages, and is stored sealed', async () => {
    const w = second!;
    expect(w.h.sim.org.groups.has(groupId)).toBe(true);
    const listed = (await groupsOf(w.app)).find((g) => g.id === groupId);
    expect(listed?.title).toBe(title);
    expect(listed?.memberIds).toContain(member);
    expect(await view(w.app, member, groupId)).toEqual(before);
    const row = w.h.service.db.db.select().from(sandboxChatGroups).all().find((r) => r.id === groupId);
    expect(row?.payload).toMatch(/^v1\.\d+\./);
    expect(row?.payload.includes('Allergy alert')).toBe(false);
    expect((await alertRow(w, alertId)).sceneGroupId).toBe(groupId);
  });

  it('When someone writes in the restored alert group, then the service still posts to it', async () => {
    const w = second!;
    const lastId = Math.max(...before.map((m) => m.id));
    w.h.sim.say(groupId, member, '@ConsultBridge help');
    await eventually(async () => {
      const fresh = (await view(w.app, member, groupId)).filter((m) => m.id > lastId);
      return fresh.some((m) => m.from === 'user') && fresh.some((m) => m.from === 'bot');
    });
    const sent = w.h.sim.sent.filter((e) => e.conversationId === groupId);
    expect(sent.length).toBeGreaterThan(0);
  });
});
