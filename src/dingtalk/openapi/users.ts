import { isDingTalkApiError } from './errors.js';
import type { Call } from './http.js';

/**
 * User lookups on the old (oapi) host (reference §6). The results are personal data of staff
 * (not patients); callers store what they need and must not log it.
 */
export interface DingTalkUser {
  userId: string;
  unionId?: string;
  name: string;
  title?: string;
  jobNumber?: string;
  email?: string;
  orgEmail?: string;
  mobile?: string;
  /** All department ids, and the main one (from `dept_position_list[].is_main`, else the first). */
  deptIds: number[];
  mainDeptId?: number;
  /** Name of the main department, looked up best-effort (absent if the lookup is not allowed). */
  department?: string;
  active?: boolean;
  admin?: boolean;
}

export interface AuthCodeUser {
  userId: string;
  name?: string;
  unionId?: string;
  /** `sys`: the user is an org admin. */
  isAdmin: boolean;
  /** 1 main admin, 2 sub-admin, 100 boss, 0 other. */
  sysLevel: number;
}

interface RawUser {
  userid?: string;
  unionid?: string;
  name?: string;
  title?: string;
  job_number?: string;
  email?: string;
  org_email?: string;
  mobile?: string;
  dept_id_list?: number[];
  dept_position_list?: Array<{ dept_id?: number; is_main?: boolean }>;
  active?: boolean | string;
  admin?: boolean | string;
}

const opt = (s: string | undefined) => (s ? s : undefined);
// The doc sample shows booleans as strings; accept both.
const bool = (v: boolean | string | undefined) => (v === undefined ? undefined : v === true || v === 'true');

export function mapUser(r: RawUser): DingTalkUser {
  const deptIds = r.dept_id_list ?? [];
  const main = r.dept_position_list?.find((p) => p.is_main)?.dept_id ?? deptIds[0];
  return {
    userId: r.userid ?? '',
    unionId: opt(r.unionid),
    name: r.name ?? '',
    title: opt(r.title),
    jobNumber: opt(r.job_number),
    email: opt(r.email),
    orgEmail: opt(r.org_email),
    mobile: opt(r.mobile),
    deptIds,
    mainDeptId: main,
    active: bool(r.active),
    admin: bool(r.admin),
  };
}

export function createUserApi(call: Call) {
  /** The department name is display sugar: a refusal (e.g. no contacts scope) must not fail the lookup. */
  async function departmentName(deptId: number, language: string): Promise<string | undefined> {
    try {
      const r = await call<{ result?: { name?: string } }>({
        op: 'department.get',
        method: 'POST',
        host: 'oapi',
        path: '/topapi/v2/department/get',
        body: { dept_id: deptId, language },
      });
      return opt(r.result?.name);
    } catch (e) {
      if (isDingTalkApiError(e)) return undefined;
      throw e;
    }
  }

  return {
    async getUser(userId: string, language: 'zh_CN' | 'en_US' = 'en_US'): Promise<DingTalkUser> {
      const r = await call<{ result?: RawUser }>({
        op: 'user.get',
        method: 'POST',
        host: 'oapi',
        path: '/topapi/v2/user/get',
        body: { userid: userId, language },
      });
      const user = mapUser(r.result ?? {});
      if (user.mainDeptId === undefined) return user;
      return { ...user, department: await departmentName(user.mainDeptId, language) };
    },

    /** Exchanges a 免登 code (5 min, single use) from the mini-app for the user behind it. */
    async getUserInfoByAuthCode(code: string): Promise<AuthCodeUser> {
      const r = await call<{
        result?: { userid?: string; name?: string; unionid?: string; sys?: boolean; sys_level?: number };
      }>({
        op: 'user.getByAuthCode',
        method: 'POST',
        host: 'oapi',
        path: '/topapi/v2/user/getuserinfo',
        body: { code },
      });
      const u = r.result ?? {};
      return {
        userId: u.userid ?? '',
        name: opt(u.name),
        unionId: opt(u.unionid),
        isAdmin: u.sys === true,
        sysLevel: u.sys_level ?? 0,
      };
    },
  };
}

export type UserApi = ReturnType<typeof createUserApi>;
