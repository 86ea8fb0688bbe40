/**
 * Shapes of the service's answers as the UI uses them. The readers below accept the documented
 * fields and a few spellings around them (a name object or plain strings), so a small server-side
 * rename shows up as a blank field rather than a crashed screen.
 */
export interface AuthConfig {
  mode: 'sandbox' | 'dingtalk' | string;
  corpId: string;
  clientId: string;
}

export interface Institution {
  code: string | null;
  nameEn: string | null;
  nameZh: string | null;
}

export interface Me {
  id: string;
  displayName: string;
  nameEn: string | null;
  nameZh: string | null;
  institution: Institution | null;
  role: string | null;
  specialty: string | null;
  registrationNo: string | null;
  verified: boolean;
  suspended: boolean;
  isAdmin: boolean;
}

export interface DemoUser {
  userId: string;
  displayName: string;
  nameEn: string | null;
  nameZh: string | null;
  institution: Institution | null;
  title: string | null;
  verified: boolean;
}

type Obj = Record<string, unknown>;
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : null);
const obj = (v: unknown): Obj => (v && typeof v === 'object' ? (v as Obj) : {});

function readInstitution(v: unknown): Institution | null {
  if (typeof v === 'string') return { code: v, nameEn: v, nameZh: null };
  const o = obj(v);
  const inst = { code: str(o.code), nameEn: str(o.nameEn) ?? str(o.name), nameZh: str(o.nameZh) };
  return inst.code || inst.nameEn || inst.nameZh ? inst : null;
}

export function readMe(raw: unknown): Me {
  const o = obj(obj(raw).clinician ?? obj(raw).user ?? raw);
  const nameEn = str(o.nameEn);
  const nameZh = str(o.nameZh);
  const role = str(o.role);
  return {
    id: str(o.id) ?? str(o.userId) ?? '',
    displayName: str(o.displayName) ?? str(o.name) ?? nameZh ?? nameEn ?? '',
    nameEn,
    nameZh,
    institution: readInstitution(o.institution ?? (str(o.institutionCode) ? { code: o.institutionCode } : null)),
    role,
    specialty: str(o.specialty),
    registrationNo: str(o.registrationNo),
    verified: o.verified === true,
    // The API reports `trusted` (verified and not suspended) rather than suspension itself.
    suspended: o.suspended === true || (o.verified === true && o.trusted === false),
    isAdmin: o.isAdmin === true || role === 'admin',
  };
}

export function readDemoUsers(raw: unknown): DemoUser[] {
  const list = Array.isArray(raw) ? raw : (obj(raw).users ?? obj(raw).clinicians);
  if (!Array.isArray(list)) return [];
  return list
    .map((u) => {
      const o = obj(u);
      return {
        userId: str(o.userId) ?? str(o.id) ?? '',
        displayName: str(o.dingtalkName) ?? str(o.displayName) ?? str(o.name) ?? str(o.nameZh) ?? str(o.nameEn) ?? '',
        nameEn: str(o.nameEn),
        nameZh: str(o.nameZh),
        institution: readInstitution(o.institution),
        title: str(o.title) ?? str(o.role),
        verified: o.verified === true,
      };
    })
    .filter((u) => u.userId);
}

/** The name to show in the chosen language, falling back to what DingTalk calls the person. */
export function nameIn(lang: 'zh-HK' | 'en', p: { displayName: string; nameEn: string | null; nameZh: string | null }): string {
  return (lang === 'zh-HK' ? p.nameZh ?? p.nameEn : p.nameEn ?? p.nameZh) ?? p.displayName;
}

export function institutionIn(lang: 'zh-HK' | 'en', i: Institution | null): string {
  if (!i) return '';
  return (lang === 'zh-HK' ? i.nameZh ?? i.nameEn : i.nameEn ?? i.nameZh) ?? i.code ?? '';
}
