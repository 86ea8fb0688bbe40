/**
 * The in-memory organisation: users, groups and the bot. Membership changes can be announced as
 * `chat_add_member` / `chat_remove_member` / `user_leave_org` EVENT frames when the caller asks for it
 * (`{ event: true }`).
 */
import type { Clock } from '../shared/clock.js';
import { encryptedId, newChatId, newConversationId } from './sim-ids.js';
import type { SimGroup, SimUser } from './sim-types.js';

export interface SimBot {
  robotCode: string;
  chatbotUserId: string;
  name: string;
}

export type MemberEventPusher = (eventType: string, data: Record<string, unknown>) => void;

export interface MemberChangeOptions {
  /** Push the matching member-change EVENT frame to a connected client. */
  event?: boolean;
  /** userId of whoever made the change; defaults to the group owner. */
  operator?: string;
}

export class SimOrg {
  readonly users = new Map<string, SimUser>();
  readonly groups = new Map<string, SimGroup>();
  readonly bot: SimBot;

  constructor(
    bot: { robotCode: string; name: string },
    private readonly corpId: string,
    private readonly clock: Clock,
    private readonly pushEvent: MemberEventPusher,
  ) {
    this.bot = { ...bot, chatbotUserId: encryptedId(`bot:${bot.robotCode}`) };
  }

  addUser(u: Omit<SimUser, 'unionId'> & { unionId?: string }): SimUser {
    const user: SimUser = { ...u, unionId: u.unionId ?? `union${encryptedId(u.userId).slice(11, 27)}` };
    this.users.set(user.userId, user);
    return user;
  }

  addGroup(g: { title: string; memberIds?: string[]; openConversationId?: string; ownerId?: string }): SimGroup {
    const group: SimGroup = {
      openConversationId: g.openConversationId ?? newConversationId(),
      chatId: newChatId(),
      title: g.title,
      memberIds: [...new Set(g.memberIds ?? [])],
      ownerId: g.ownerId ?? g.memberIds?.[0],
    };
    for (const id of group.memberIds) this.requireUser(id);
    this.groups.set(group.openConversationId, group);
    return group;
  }

  requireUser(userId: string): SimUser {
    const u = this.users.get(userId);
    if (!u) throw new Error(`simulator: unknown user ${userId}`);
    return u;
  }

  requireGroup(openConversationId: string): SimGroup {
    const g = this.groups.get(openConversationId);
    if (!g) throw new Error(`simulator: unknown group ${openConversationId}`);
    return g;
  }

  addMember(openConversationId: string, userId: string, opts: MemberChangeOptions = {}): void {
    const g = this.requireGroup(openConversationId);
    this.requireUser(userId);
    if (g.memberIds.includes(userId)) return;
    g.memberIds.push(userId);
    if (opts.event) this.announce('chat_add_member', g, [userId], opts.operator);
  }

  removeMember(openConversationId: string, userId: string, opts: MemberChangeOptions = {}): void {
    const g = this.requireGroup(openConversationId);
    if (!g.memberIds.includes(userId)) return;
    g.memberIds = g.memberIds.filter((id) => id !== userId);
    if (opts.event) this.announce('chat_remove_member', g, [userId], opts.operator);
  }

  /**
   * The user leaves the organisation: out of every group, out of the address book, and (with
   * `{ event: true }`) a `user_leave_org` EVENT frame, shaped as DingTalk's Stream push
   * (`data: { timeStamp, userId: [...] }`, the meta fields as headers).
   */
  leaveOrg(userId: string, opts: { event?: boolean } = {}): void {
    this.requireUser(userId);
    for (const g of this.groups.values()) g.memberIds = g.memberIds.filter((id) => id !== userId);
    this.users.delete(userId);
    if (opts.event) this.pushEvent('user_leave_org', { timeStamp: String(this.clock.now()), userId: [userId] });
  }

  private announce(eventType: string, g: SimGroup, userIds: string[], operator?: string): void {
    const op = operator ?? g.ownerId ?? '';
    // Shape of the developerpedia sample for chat_add_member (dingtalk-api.md §7.4).
    this.pushEvent(eventType, {
      eventType,
      timeStamp: this.clock.now(),
      corpId: this.corpId,
      chatId: g.chatId,
      openConversationId: g.openConversationId,
      operator: op,
      operatorUnionId: this.users.get(op)?.unionId ?? '',
      userId: userIds,
      unionId: userIds.map((id) => this.users.get(id)?.unionId ?? ''),
    });
  }
}
