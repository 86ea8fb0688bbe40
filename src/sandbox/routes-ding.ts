/**
 * Robot DING (`POST /v1.0/robot/ding/send`, shape unconfirmed: see src/dingtalk/openapi/ding.ts).
 * Each accepted DING is recorded in the sent log with via `ding`, to the receivers the org knows.
 */
import { checkRobotCode } from './robot-validate.js';
import { asRecord, isNonEmptyString, isStringArray, ok, v1Error, type Reply } from './sim-http.js';
import { newProcessQueryKey } from './sim-ids.js';
import type { Route } from './sim-state.js';

const DING_MAX_RECEIVERS = 20;
const REMIND_TYPES = [1, 2, 3];

const dingSend: Route = {
  method: 'POST',
  path: '/v1.0/robot/ding/send',
  auth: 'v1',
  handle(ctx, s): Reply {
    const b = asRecord(ctx.body);
    const bad = checkRobotCode(s, b.robotCode);
    if (bad) return bad;
    if (!isStringArray(b.receiverUserIdList) || b.receiverUserIdList.length === 0) {
      return v1Error(400, 'invalidParameter.receiverUserIdList.empty', 'receiverUserIdList is empty');
    }
    if (b.receiverUserIdList.length > DING_MAX_RECEIVERS) {
      return v1Error(400, 'invalidParameter.receiverUserIdList.overMax', `receiverUserIdList must not exceed ${DING_MAX_RECEIVERS}`);
    }
    if (!REMIND_TYPES.includes(b.remindType as number)) return v1Error(400, 'invalidParameter.remindType', 'remindType is invalid');
    if (!isNonEmptyString(b.content)) return v1Error(400, 'invalidParameter.content.empty', 'content is empty');
    const receivers = b.receiverUserIdList.filter((id) => s.org.users.has(id));
    if (receivers.length === 0) return v1Error(400, 'invalidParameter.receiverUserIdList.invalid', 'no valid receiver');
    // The simulator's own id for the DING; DingTalk's format is not known.
    const openDingId = `ding-${newProcessQueryKey()}`;
    s.sent.add({ via: 'ding', userIds: receivers, text: b.content, raw: ctx.body });
    return ok({ openDingId });
  },
};

export const dingRoutes: Route[] = [dingSend];
