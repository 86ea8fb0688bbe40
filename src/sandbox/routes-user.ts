/**
 * User look-ups on the old oapi host (§6): detail by userId and the H5 免登 auth-code exchange.
 * Both answer HTTP 200 with an errcode.
 */
import { asRecord, isNonEmptyString, oapiError, oapiOk, type Reply } from './sim-http.js';
import type { Route } from './sim-state.js';

const userGet: Route = {
  method: 'POST',
  path: '/oapi/topapi/v2/user/get',
  auth: 'oapi',
  handle(ctx, s): Reply {
    const b = asRecord(ctx.body);
    if (!isNonEmptyString(b.userid)) return oapiError(400002, '无效的参数');
    const u = s.org.users.get(b.userid);
    if (!u) return oapiError(33012, '无效的userId');
    return oapiOk({
      result: {
        userid: u.userId,
        unionid: u.unionId,
        name: u.name,
        title: u.title ?? '',
        ...(u.mobile ? { mobile: u.mobile, state_code: '852', hide_mobile: false } : {}),
        job_number: '',
        dept_id_list: [1],
        dept_position_list: [{ dept_id: 1, title: u.title ?? '', is_main: true }],
        remark: u.dept ?? '',
        active: true,
        real_authed: true,
        admin: false,
        boss: false,
        senior: false,
        exclusive_account: false,
        role_list: [],
      },
    });
  },
};

const getUserInfo: Route = {
  method: 'POST',
  path: '/oapi/topapi/v2/user/getuserinfo',
  auth: 'oapi',
  handle(ctx, s): Reply {
    const b = asRecord(ctx.body);
    if (!isNonEmptyString(b.code)) return oapiError(400002, '无效的参数');
    const userId = s.tokens.redeemAuthCode(b.code);
    const u = userId ? s.org.users.get(userId) : undefined;
    if (!u) return oapiError(40078, '不存在的临时授权码');
    return oapiOk({
      result: {
        userid: u.userId,
        name: u.name,
        unionid: u.unionId,
        associated_unionid: '',
        device_id: `device-${u.userId}`,
        sys: false,
        sys_level: 0,
      },
    });
  },
};

export const userRoutes: Route[] = [userGet, getUserInfo];
