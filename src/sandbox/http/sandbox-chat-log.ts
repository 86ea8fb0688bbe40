/**
 * Sandbox chat: what each demo user would see in DingTalk, rebuilt from the simulator. User messages
 * come from the robot CALLBACK frames the simulator pushes (so /sandbox/say and tests show up too),
 * bot messages from its sent log. Every item carries a revision; recalls, card updates and presses
 * bump it, so a client polling with `after=<cursor>` also gets changed older items again. With a
 * history (sandbox mode with the service), items are stored as they come and change, and a restart
 * starts from them: the stored cards go back to the simulator, so their buttons still work, and the
 * groups made in the chat — and the scene groups the service made (an allergy alert's) — are made
 * again in the simulator, so their conversations go on.
 */
import { TOPIC_ROBOT, type Simulator } from '../simulator.js';
import { tryParseJson } from '../sim-frames.js';
import { asRecord } from '../sim-http.js';
import type { SceneGroupChange, SentEntry, SimGroup } from '../sim-types.js';
import type { ChatButton, ChatMessage } from '../../contract/sandbox-chat.js';
import type { ChatHistory, ChatItem, SavedGroup } from './sandbox-chat-history.js';

/** The conversation name of a user's 1:1 chat with the bot. */
export const BOT_CHAT = 'bot' as const;

type Item = ChatItem;

const MESSAGE_VIAS = new Set(['webhook', 'group', 'oto', 'card']);
const obj = asRecord;
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const parseJson = (s: unknown): unknown => (typeof s === 'string' ? tryParseJson(s) : s);

/** A markdown message shows only its body in DingTalk (the title is the notification line). */
function bodyText(e: SentEntry): string {
  const raw = obj(e.raw);
  const body = e.via === 'webhook' ? obj(raw[str(raw.msgtype)]) : obj(parseJson(raw.msgParam));
  return str(body.text) || str(body.content) || e.text;
}

function buttonsOf(json: string | undefined): ChatButton[] {
  const list = parseJson(json ?? '[]');
  if (!Array.isArray(list)) return [];
  return list.map(obj).filter((b) => str(b.label) !== '').map((b) => ({
    label: str(b.label),
    ...(str(b.action) ? { action: str(b.action) } : {}),
    ...(Object.keys(obj(b.params)).length ? { params: obj(b.params) as Record<string, string> } : {}),
    ...(str(b.url) ? { url: str(b.url) } : {}),
  }));
}

export class SandboxChatLog {
  private readonly items: Item[] = [];
  private readonly seenMsgIds = new Set<string>();
  private rev = 0;
  /** Item numbers are never reused: after a retention purge the stored items may not start at 1. */
  private nextId = 1;
  /** Groups made in the chat (stored): a message in one keeps the group from retention. */
  private readonly madeGroups = new Set<string>();
  /** The creation uuid of each stored scene group, kept when its members change. */
  private readonly uuids = new Map<string, string>();
  private readonly onFrame = (f: unknown) => this.addFrame(f);
  private readonly onSent = (e: SentEntry) => this.addSent(e);
  private readonly onSceneGroup = (c: SceneGroupChange) => this.groupMade(c.group, c.uuid);
  /** Writes to the history, one at a time and in order. */
  private writes: Promise<void> = Promise.resolve();

  private constructor(
    private readonly sim: Simulator,
    private readonly history?: ChatHistory,
  ) {}

  /** The log of `sim`: the stored history first (if any), then what the simulator has seen, then live. */
  static async open(sim: Simulator, history?: ChatHistory): Promise<SandboxChatLog> {
    const log = new SandboxChatLog(sim, history);
    for (const g of (await history?.loadGroups()) ?? []) log.restoreGroup(g);
    for (const it of (await history?.load()) ?? []) log.restore(it);
    for (const f of sim.events.all('frame')) log.addFrame(f);
    for (const e of sim.sent) log.addSent(e);
    for (const c of sim.events.all<SceneGroupChange>('sceneGroup')) log.onSceneGroup(c);
    sim.events.on('frame', log.onFrame);
    sim.events.on('sent', log.onSent);
    sim.events.on('sceneGroup', log.onSceneGroup);
    return log;
  }

  /** Stops listening and waits for the history writes already started. */
  async close(): Promise<void> {
    this.sim.events.off('frame', this.onFrame);
    this.sim.events.off('sent', this.onSent);
    this.sim.events.off('sceneGroup', this.onSceneGroup);
    await this.writes;
  }

  get cursor(): number {
    return this.rev;
  }

  /**
   * A group was made in the chat, or a scene group by the service (its creation `uuid` kept, so the
   * service's own retry answers the same group): stored (with a history), so a restart makes it again.
   */
  groupMade(group: SimGroup, uuid?: string): void {
    const history = this.history;
    if (!history) return;
    this.madeGroups.add(group.openConversationId);
    const kept = uuid ?? this.uuids.get(group.openConversationId);
    if (kept) this.uuids.set(group.openConversationId, kept);
    const saved: SavedGroup = { openConversationId: group.openConversationId, title: group.title, memberIds: [...group.memberIds], ownerId: group.ownerId, ...(kept ? { uuid: kept } : {}) };
    this.writes = this.writes.then(() => history.saveGroup(saved));
  }

  /** A card changed outside the sent log (a press answered in the callback ACK). */
  touchCard(outTrackId: string): void {
    for (const it of this.items) if (it.kind === 'bot' && it.entry.outTrackId === outTrackId) this.changed(it);
  }

  /** What `userId` sees in `conversation` (a group's openConversationId or BOT_CHAT), changed after `after`. */
  view(userId: string, conversation: string, after = 0): ChatMessage[] {
    return this.items.filter((it) => it.rev > after && this.visible(it, userId, conversation)).map((it) => this.render(it, userId));
  }

  private visible(it: Item, userId: string, conversation: string): boolean {
    if (it.kind === 'user') return it.conversation === conversation && (conversation !== BOT_CHAT || it.userId === userId);
    const e = it.entry;
    // 1:1 messages name their one recipient (or several, for a batch); never anyone else's.
    if (conversation === BOT_CHAT) return (e.userIds ?? []).includes(userId);
    if (e.conversationId !== conversation || e.userIds !== undefined) return false;
    // A group card may be limited to some members (imGroupOpenDeliverModel.recipients).
    const recipients = obj(obj(e.raw).imGroupOpenDeliverModel).recipients;
    return !Array.isArray(recipients) || recipients.length === 0 || recipients.includes(userId);
  }

  private render(it: Item, viewer: string): ChatMessage {
    if (it.kind === 'user') {
      const name = this.sim.org.users.get(it.userId)?.name ?? it.userId;
      return { id: it.id, rev: it.rev, from: 'user', userId: it.userId, name, text: it.text, atUserIds: it.atUserIds, at: it.at, recalled: false };
    }
    const e = it.entry;
    const base = { id: it.id, rev: it.rev, from: 'bot' as const, name: this.sim.org.bot.name, atUserIds: e.atUserIds ?? [], at: e.at, recalled: it.recalled };
    const card = e.outTrackId ? (this.sim.cards.get(e.outTrackId) ?? it.card) : undefined;
    if (e.via !== 'card' || !card) return { ...base, text: bodyText(e) };
    // Like DingTalk, a user's private card data overrides the public values for that user only.
    const p = { ...card.cardParamMap, ...(card.privateData[viewer] ?? {}) };
    return { ...base, text: '', card: { outTrackId: card.outTrackId, title: p.title ?? '', text: p.text ?? '', buttons: buttonsOf(p.buttons), ...(p.status ? { status: p.status } : {}) } };
  }

  private addFrame(f: unknown): void {
    const frame = obj(f);
    if (frame.type !== 'CALLBACK' || obj(frame.headers).topic !== TOPIC_ROBOT) return;
    const d = obj(parseJson(frame.data));
    const msgId = str(d.msgId);
    // A redelivered frame carries the same msgId; show the message once.
    if (!msgId || this.seenMsgIds.has(msgId)) return;
    this.seenMsgIds.add(msgId);
    const inGroup = d.conversationType === '2';
    // A voice note shows as its transcript, marked: it is not typed, and DingTalk strips no mention from it.
    const voice = d.msgtype === 'audio';
    const content = voice ? `🎤 ${str(obj(d.content).recognition)}` : str(obj(d.text).content);
    const atUserIds = (Array.isArray(d.atUsers) ? d.atUsers : []).map((u) => str(obj(u).staffId)).filter((s) => s !== '');
    this.add({
      kind: 'user',
      id: this.nextId++,
      rev: 0,
      conversation: inGroup ? str(d.conversationId) : BOT_CHAT,
      userId: str(d.senderStaffId),
      // DingTalk strips the bot's own @-mention before delivery; the chat shows what was typed.
      text: inGroup && !voice ? `@${this.sim.org.bot.name}${content}` : content,
      atUserIds,
      at: typeof d.createAt === 'number' ? d.createAt : Date.now(),
    });
  }

  private addSent(e: SentEntry): void {
    if (MESSAGE_VIAS.has(e.via)) {
      this.add({ kind: 'bot', id: this.nextId++, rev: 0, entry: e, recalled: e.recalled === true });
    } else if (e.via === 'cardUpdate' && e.outTrackId) {
      this.touchCard(e.outTrackId);
    } else if (e.via === 'recall') {
      // The sent log marks the recalled originals; pick up every newly recalled one.
      for (const it of this.items) {
        if (it.kind === 'bot' && !it.recalled && it.entry.recalled) {
          it.recalled = true;
          this.changed(it);
        }
      }
    }
  }

  /** A stored item, as it was; its card goes back to the simulator unless it is there already. */
  private restore(it: Item): void {
    this.items.push(it);
    this.rev = Math.max(this.rev, it.rev);
    this.nextId = Math.max(this.nextId, it.id + 1);
    if (it.kind === 'bot' && it.card && !this.sim.cards.has(it.card.outTrackId)) this.sim.cards.set(it.card.outTrackId, it.card);
  }

  /** A stored group, made again in the simulator (members who are no longer in the org left out). */
  private restoreGroup(g: SavedGroup): void {
    this.madeGroups.add(g.openConversationId);
    if (g.uuid) {
      this.uuids.set(g.openConversationId, g.uuid);
      if (!this.sim.sceneGroupUuids.has(g.uuid)) this.sim.sceneGroupUuids.set(g.uuid, g.openConversationId);
    }
    if (this.sim.org.groups.has(g.openConversationId)) return;
    const memberIds = g.memberIds.filter((id) => this.sim.org.users.has(id));
    this.sim.org.addGroup({ openConversationId: g.openConversationId, title: g.title, memberIds, ownerId: g.ownerId });
  }

  private add(it: Item): void {
    this.items.push(it);
    this.changed(it);
    const conversation = it.kind === 'user' ? it.conversation : it.entry.conversationId;
    const history = this.history;
    if (history && conversation && this.madeGroups.has(conversation)) this.writes = this.writes.then(() => history.touchGroup(conversation));
  }

  /** A new or changed item: a new revision, and (with a history) its state stored. */
  private changed(it: Item): void {
    it.rev = ++this.rev;
    const history = this.history;
    if (!history) return;
    if (it.kind === 'bot' && it.entry.outTrackId) it.card = this.sim.cards.get(it.entry.outTrackId) ?? it.card;
    const snapshot: Item = JSON.parse(JSON.stringify(it));
    this.writes = this.writes.then(() => history.save(snapshot));
  }
}
