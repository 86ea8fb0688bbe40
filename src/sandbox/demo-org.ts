/**
 * The demo organisation for the sandbox and for flow tests: a public hospital and a private one,
 * clinicians with Chinese and English names, and two consult groups. DEMO_ORG is plain data so the
 * service can seed its own directory with the same people; `seedDemoOrg` loads it into a simulator.
 * All people and registration numbers are fictional.
 */
import type { SimOrg } from './sim-org.js';

export interface DemoInstitution {
  code: string;
  nameEn: string;
  nameZh: string;
  sector: 'public' | 'private';
}

export interface DemoClinician {
  /** DingTalk userId (staffId). */
  userId: string;
  /** Name as DingTalk shows it. */
  dingtalkName: string;
  nameEn: string;
  nameZh: string;
  title: string;
  department: string;
  institutionCode: string;
  role: 'doctor' | 'nurse' | 'pharmacist' | 'privacy_officer' | 'admin';
  specialty?: string;
  /** MCHK-style for doctors (M + 5 digits), Nursing Council style for nurses, Pharmacy and Poisons Board style (P + 5 digits) for pharmacists. */
  registrationNo?: string;
  verified: boolean;
  lang: 'zh_CN' | 'en_US';
  mobile: string;
}

export interface DemoGroup {
  key: 'cardiologyConsult' | 'aeHandover';
  openConversationId: string;
  title: string;
  memberIds: string[];
}

const institutions: DemoInstitution[] = [
  { code: 'QMH', nameEn: 'Queen Mary Hospital', nameZh: '瑪麗醫院', sector: 'public' },
  { code: 'HPH', nameEn: 'Harbourside Private Hospital', nameZh: '海濱私家醫院', sector: 'private' },
];

const clinicians: DemoClinician[] = [
  {
    userId: 'qmh-chan-taiman', dingtalkName: '陳大文', nameEn: 'CHAN Tai-man', nameZh: '陳大文',
    title: 'Consultant, Cardiology', department: 'Cardiology', institutionCode: 'QMH', role: 'doctor',
    specialty: 'Cardiology', registrationNo: 'M12345', verified: true, lang: 'zh_CN', mobile: '91234567',
  },
  {
    userId: 'qmh-lam-kaming', dingtalkName: 'Lam Ka-ming', nameEn: 'LAM Ka-ming', nameZh: '林嘉明',
    title: 'Associate Consultant, Cardiology', department: 'Cardiology', institutionCode: 'QMH', role: 'doctor',
    specialty: 'Cardiology', registrationNo: 'M23456', verified: true, lang: 'en_US', mobile: '92345678',
  },
  {
    userId: 'qmh-ho-wingyee', dingtalkName: '何詠儀', nameEn: 'HO Wing-yee', nameZh: '何詠儀',
    title: 'Resident, Accident & Emergency', department: 'Accident & Emergency', institutionCode: 'QMH',
    role: 'doctor', specialty: 'Emergency Medicine', registrationNo: 'M34567', verified: true, lang: 'zh_CN',
    mobile: '93456789',
  },
  {
    userId: 'qmh-cheung-meiwah', dingtalkName: 'Cheung Mei-wah', nameEn: 'CHEUNG Mei-wah', nameZh: '張美華',
    title: 'Advanced Practice Nurse, A&E', department: 'Accident & Emergency', institutionCode: 'QMH',
    role: 'nurse', specialty: 'Emergency Nursing', registrationNo: 'R123456', verified: true, lang: 'en_US',
    mobile: '94567890',
  },
  {
    // The pharmacist who reviews the interaction rules (issue 13; mini-app /doctor/rules).
    userId: 'qmh-tsang-kawai', dingtalkName: '曾嘉慧', nameEn: 'TSANG Ka-wai', nameZh: '曾嘉慧',
    title: 'Senior Pharmacist', department: 'Pharmacy', institutionCode: 'QMH', role: 'pharmacist',
    registrationNo: 'P12345', verified: true, lang: 'en_US', mobile: '99012345',
  },
  {
    userId: 'hph-wong-siuming', dingtalkName: 'Wong Siu-ming', nameEn: 'WONG Siu-ming', nameZh: '黃小明',
    title: 'Specialist in Family Medicine', department: 'Family Medicine', institutionCode: 'HPH', role: 'doctor',
    specialty: 'Family Medicine', registrationNo: 'M45678', verified: true, lang: 'en_US', mobile: '95678901',
  },
  {
    userId: 'hph-lee-meiling', dingtalkName: '李美玲', nameEn: 'LEE Mei-ling', nameZh: '李美玲',
    title: 'Specialist in Cardiology', department: 'Cardiology', institutionCode: 'HPH', role: 'doctor',
    specialty: 'Cardiology', registrationNo: 'M56789', verified: false, lang: 'zh_CN', mobile: '96789012',
  },
  {
    // The HPH cardiology on-call roster (demo-roster.ts): first call, second call, escalation contact.
    userId: 'hph-ng-chiho', dingtalkName: 'Ng Chi-ho', nameEn: 'NG Chi-ho', nameZh: '吳志豪',
    title: 'Specialist in Cardiology', department: 'Cardiology', institutionCode: 'HPH', role: 'doctor',
    specialty: 'Cardiology', registrationNo: 'M67890', verified: true, lang: 'en_US', mobile: '96890123',
  },
  {
    userId: 'hph-kwok-wailun', dingtalkName: '郭偉倫', nameEn: 'KWOK Wai-lun', nameZh: '郭偉倫',
    title: 'Consultant Cardiologist', department: 'Cardiology', institutionCode: 'HPH', role: 'doctor',
    specialty: 'Cardiology', registrationNo: 'M78901', verified: true, lang: 'zh_CN', mobile: '96901234',
  },
  {
    userId: 'hph-yeung-sukyee', dingtalkName: 'Yeung Suk-yee', nameEn: 'YEUNG Suk-yee', nameZh: '楊淑儀',
    title: 'Chief of Service, Cardiology', department: 'Cardiology', institutionCode: 'HPH', role: 'doctor',
    specialty: 'Cardiology', registrationNo: 'M89012', verified: true, lang: 'en_US', mobile: '97012345',
  },
  {
    userId: 'qmh-li-siufan', dingtalkName: '李小芬', nameEn: 'LI Siu-fan', nameZh: '李小芬',
    title: 'Privacy Officer', department: 'Hospital Administration', institutionCode: 'QMH',
    role: 'privacy_officer', verified: true, lang: 'zh_CN', mobile: '97890123',
  },
  {
    userId: 'qmh-cb-admin', dingtalkName: 'ConsultBridge admin', nameEn: 'ConsultBridge admin', nameZh: 'ConsultBridge 管理員',
    title: 'ConsultBridge administrator', department: 'Hospital Administration', institutionCode: 'QMH',
    role: 'admin', verified: true, lang: 'en_US', mobile: '98901234',
  },
];

const groups: DemoGroup[] = [
  {
    key: 'cardiologyConsult',
    openConversationId: 'cidDemoCardiologyQmhHph0001==',
    title: 'Cardiology consult · QMH/Private',
    memberIds: ['qmh-chan-taiman', 'qmh-lam-kaming', 'hph-wong-siuming', 'hph-lee-meiling'],
  },
  {
    key: 'aeHandover',
    openConversationId: 'cidDemoAeHandoverQmh000002==',
    title: 'A&E handover · QMH',
    memberIds: ['qmh-ho-wingyee', 'qmh-cheung-meiwah', 'qmh-chan-taiman', 'hph-wong-siuming'],
  },
];

export const DEMO_ORG = { institutions, clinicians, groups } as const;

export interface SeededDemoOrg {
  userIds: string[];
  groups: Record<DemoGroup['key'], string>;
}

/** Loads DEMO_ORG into a simulator's org (idempotent: re-seeding overwrites the same records). */
export function seedDemoOrg(sim: { org: SimOrg }): SeededDemoOrg {
  for (const c of DEMO_ORG.clinicians) {
    const inst = DEMO_ORG.institutions.find((i) => i.code === c.institutionCode);
    sim.org.addUser({
      userId: c.userId,
      name: c.dingtalkName,
      title: c.title,
      dept: inst ? `${c.department} · ${inst.nameEn}` : c.department,
      mobile: c.mobile,
      lang: c.lang,
    });
  }
  const ids = {} as Record<DemoGroup['key'], string>;
  for (const g of DEMO_ORG.groups) {
    sim.org.addGroup({ openConversationId: g.openConversationId, title: g.title, memberIds: g.memberIds });
    ids[g.key] = g.openConversationId;
  }
  return { userIds: DEMO_ORG.clinicians.map((c) => c.userId), groups: ids };
}
