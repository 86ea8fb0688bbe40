/**
 * Robot sending through the v1.0 APIs: group messages (§4.2) and batched 1:1 messages (§4.3).
 * Each accepted message gets a processQueryKey and an entry in the sent log.
 */
import { checkMessage, checkRobotCode } from './robot-validate.js';
import { asRecord, isNonEmptyString, isStringArray, ok, v1Error, type Reply } from './sim-http.js';
import { newProcessQueryKey } from './sim-ids.js';
import type { Route } from './sim-state.js';
import { textOfMsgParam } from './sim-text.js';

const OTO_MAX_USERS = 20;

const groupSend: Route = {
  method: 'POST',
  path: '/v1.0/robot/groupMessages/send',
  auth: 'v1',
  handle(ctx, s): Reply {
    const b = asRecord(ctx.body);
    const bad = checkRobotCode(s, b.robotCode);
    if (bad) return bad;
    if (!isNonEmptyString(b.openConversationId)) {
      return v1Error(400, 'miss.openConversationId', 'openConversationId is missing');
    }
    const group = s.org.groups.get(b.openConversationId);
    if (!group) return v1Error(400, 'invalid.openConversationId', 'openConversationId is invalid');
    const msg = checkMessage(b.msgKey, b.msgParam);
    if (!msg.ok) return msg.reply;
    const processQueryKey = newProcessQueryKey();
    s.sent.add({
      via: 'group',
      conversationId: group.openConversationId,
      msgKey: msg.msgKey,
      text: textOfMsgParam(msg.msgKey, msg.param),
      raw: ctx.body,
      processQueryKey,
    });
    return ok({ processQueryKey });
  },
};

const otoBatchSend: Route = {
  method: 'POST',
  path: '/v1.0/robot/oToMessages/batchSend',
  auth: 'v1',
  handle(ctx, s): Reply {
    const b = asRecord(ctx.body);
    const bad = checkRobotCode(s, b.robotCode);
    if (bad) return bad;
    if (!isStringArray(b.userIds) || b.userIds.length === 0) {
      return v1Error(400, 'invalidParameter.userIds.empty', 'userIds is empty');
    }
    if (b.userIds.length > OTO_MAX_USERS) {
      return v1Error(400, 'invalidParameter.userIds.overMax', `userIds must not exceed ${OTO_MAX_USERS}`);
    }
    const msg = checkMessage(b.msgKey, b.msgParam);
    if (!msg.ok) return msg.reply;
    const valid = b.userIds.filter((id) => s.org.users.has(id));
    const invalidStaffIdList = b.userIds.filter((id) => !s.org.users.has(id));
    const processQueryKey = newProcessQueryKey();
    if (valid.length > 0) {
      s.sent.add({
        via: 'oto',
        userIds: valid,
        msgKey: msg.msgKey,
        text: textOfMsgParam(msg.msgKey, msg.param),
        raw: ctx.body,
        processQueryKey,
      });
    }
    return ok({ processQueryKey, invalidStaffIdList, flowControlledStaffIdList: [] });
  },
};

export const robotSendRoutes: Route[] = [groupSend, otoBatchSend];
