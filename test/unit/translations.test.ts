import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { en as adminEn } from '../../miniapp/src/admin/admin-messages-en.js';
import { zh as adminZh } from '../../miniapp/src/admin/admin-messages-zh.js';
import { MESSAGES } from '../../miniapp/src/i18n/messages.js';
import { PATIENT_SEX } from '../../src/contract/patient-sex.js';
import { PURPOSE_OF_USE } from '../../src/contract/purpose-of-use.js';
import { REVOKE_REASONS } from '../../src/contract/grant-revoke-reasons.js';
import { CARE_ROLES } from '../../src/domain/cases/cases-tables.js';
import { roleName } from '../../src/domain/directory/clinician-names.js';
import type { ClinicianRole } from '../../src/domain/directory/directory-tables.js';
import { DEMO_ORG } from '../../src/sandbox/demo-org.js';
import { AUDIT_ACTIONS } from '../../src/shared/audit-sink.js';
import { AUDIT_ACTION_WORDS, AUDIT_OUTCOME_WORDS } from '../../src/shared/audit-words.js';
import { ERROR_HINTS } from '../../src/shared/error-hints.js';
import { ERROR_TABLE } from '../../src/shared/errors.js';
import { projectPath } from '../../src/shared/paths.js';
import { SPECIALTY_NAMES, specialtyName } from '../../src/shared/specialties.js';

/**
 * Issue 12 "words, not codes": every error code and every enum the UI shows has words in both
 * languages, and the Chinese is a translation (has Chinese characters, differs from the English).
 */
const CJK = /[\u3400-\u9fff]/;
type Pair = { en?: string; zh?: string };

/** The names whose words are missing, empty, untranslated or the same in both languages. */
function untranslated(entries: Iterable<[string, Pair | undefined]>, allowSame: readonly string[] = []): string[] {
  const bad: string[] = [];
  for (const [name, w] of entries) {
    if (!w?.en?.trim() || !w.zh?.trim()) bad.push(`${name}: missing`);
    else if (allowSame.includes(name)) continue;
    else if (!CJK.test(w.zh) || w.zh === w.en) bad.push(`${name}: not translated (${w.zh})`);
  }
  return bad;
}

type Table = Record<string, string>;
type Tables = { en: Table; zhHK: Table };
const ADMIN_MESSAGES: Record<'en' | 'zh-HK', Table> = { en: adminEn, 'zh-HK': adminZh };

/**
 * A screen family's tables (screenI18n attaches them to its hook). Loaded by path: those files reach
 * the React provider (.tsx), which the service's type check does not compile.
 */
async function screenTables(file: string, hook: string): Promise<Tables> {
  const mod = (await import(projectPath(file))) as Record<string, { tables: Tables }>;
  return mod[hook]!.tables;
}

/** A mini-app table pair as [key, {en, zh}] rows (zh-HK under `zh`). */
function rows(en: Record<string, string>, zh: Record<string, string>): Array<[string, Pair]> {
  return [...new Set([...Object.keys(en), ...Object.keys(zh)])].map((k) => [k, { en: en[k], zh: zh[k] }]);
}

/** Keys whose Chinese may equal the English: proper names, codes, symbols, examples typed as-is. */
const SAME_OK = /^(app\.name|lang\.switch|.*placeholder.*|.*Placeholder.*|banner\.hkid|.*\.code|.*\.hkid.*|.*HKID.*|.*\.regNo.*|.*\.example.*|.*\.id|.*Id|.*\.json|.*\.fhir.*|.*\.ding.*|.*\.dingtalk.*)$/;

describe('words in both languages (issue 12)', () => {
  it('When any error code is shown, then what happened AND what to do exist in English and Chinese', () => {
    const codes = Object.keys(ERROR_TABLE) as Array<keyof typeof ERROR_TABLE>;
    expect(untranslated(codes.map((c) => [c, ERROR_TABLE[c]]))).toEqual([]);
    expect(untranslated(codes.map((c) => [`${c} (what to do)`, ERROR_HINTS[c]]))).toEqual([]);
    // The hint adds something: it is not the message again.
    expect(codes.filter((c) => ERROR_HINTS[c]?.en === ERROR_TABLE[c].en)).toEqual([]);
  });

  it('When the audit log is shown, then every action and outcome has words in both languages', () => {
    expect(untranslated(Object.values(AUDIT_ACTIONS).map((a) => [a, AUDIT_ACTION_WORDS[a]]))).toEqual([]);
    expect(untranslated(Object.entries(AUDIT_OUTCOME_WORDS))).toEqual([]);
  });

  it('When purposes of use, roles, care roles and specialties are shown, then each is translated', async () => {
    const doctor = await screenTables('miniapp/src/doctor/doctor-messages.ts', 'useDoctorI18n');
    expect(untranslated(Object.entries(PURPOSE_OF_USE))).toEqual([]);
    expect(untranslated(Object.entries(PATIENT_SEX))).toEqual([]);
    expect(untranslated(Object.entries(REVOKE_REASONS))).toEqual([]);
    const roles: ClinicianRole[] = ['doctor', 'nurse', 'pharmacist', 'admin', 'privacy_officer', 'auditor'];
    expect(untranslated(roles.map((r) => [r, { en: roleName(r, 'en'), zh: roleName(r, 'zh') }]))).toEqual([]);
    const app = MESSAGES as Record<'en' | 'zh-HK', Table>;
    expect(untranslated(roles.map((r) => [`role.${r}`, { en: app.en[`role.${r}`], zh: app['zh-HK'][`role.${r}`] }]))).toEqual([]);
    expect(untranslated(CARE_ROLES.map((r) => [`care.${r}`, { en: doctor.en[`care.${r}`], zh: doctor.zhHK[`care.${r}`] }]))).toEqual([]);
    expect(untranslated(Object.entries(SPECIALTY_NAMES))).toEqual([]);
    // Every specialty the demo organisation uses has Chinese words (whoami "專科: Cardiology" was the bug).
    const demo = DEMO_ORG.clinicians.map((c) => c.specialty).filter((s): s is string => !!s);
    expect(demo.filter((s) => specialtyName(s, 'zh') === s)).toEqual([]);
  });

  it('When request statuses, inbox item types and institution sectors are shown, then each is translated', async () => {
    const doctor = await screenTables('miniapp/src/doctor/doctor-messages.ts', 'useDoctorI18n');
    const statuses = ['pending', 'approved', 'denied', 'expired'];
    expect(untranslated(statuses.map((s) => [`status.${s}`, { en: doctor.en[`status.${s}`], zh: doctor.zhHK[`status.${s}`] }]))).toEqual([]);
    const admin = ADMIN_MESSAGES;
    expect(untranslated([...statuses, 'flagged'].map((s) => [`st.${s}`, { en: admin.en[`st.${s}`], zh: admin['zh-HK'][`st.${s}`] }]))).toEqual([]);
    const inbox = ['burnKind.text', 'burnKind.document', 'escalation.document', 'escalation.alert'];
    expect(untranslated(inbox.map((k) => [k, { en: doctor.en[k], zh: doctor.zhHK[k] }]))).toEqual([]);
    expect(untranslated(['public', 'private'].map((s) => [`inst.${s}`, { en: admin.en[`inst.${s}`], zh: admin['zh-HK'][`inst.${s}`] }]))).toEqual([]);
  });

  it('When any mini-app or console table is read, then every key has both languages, translated', async () => {
    const screens = {
      doctor: await screenTables('miniapp/src/doctor/doctor-messages.ts', 'useDoctorI18n'),
      compose: await screenTables('miniapp/src/doctor/compose/compose-messages.ts', 'useComposeI18n'),
      forms: await screenTables('miniapp/src/doctor/forms/form-messages.ts', 'useFormI18n'),
      cases: await screenTables('miniapp/src/doctor/cases-messages.ts', 'useCasesI18n'),
      alertStatus: await screenTables('miniapp/src/doctor/alert-status-messages.ts', 'useAlertStatusI18n'),
      watermark: await screenTables('miniapp/src/doctor/watermark-messages.ts', 'useWatermarkI18n'),
      correction: await screenTables('miniapp/src/doctor/correction-messages.ts', 'useCorrectionI18n'),
      grants: await screenTables('miniapp/src/doctor/grants/grant-messages.ts', 'useGrantI18n'),
      interactions: await screenTables('miniapp/src/doctor/interactions/interaction-messages.ts', 'useInteractionI18n'),
      referrals: await screenTables('miniapp/src/doctor/referrals/referral-messages.ts', 'useReferralI18n'),
      medications: await screenTables('miniapp/src/doctor/medications/medication-messages.ts', 'useMedicationI18n'),
      clinical: await screenTables('miniapp/src/doctor/clinical/clinical-messages.ts', 'useClinicalI18n'),
      rules: await screenTables('miniapp/src/doctor/rules/rule-review-messages.ts', 'useRuleReviewI18n'),
      yida: await screenTables('miniapp/src/doctor/yida/yida-messages.ts', 'useYidaI18n'),
      mdt: await screenTables('miniapp/src/doctor/mdt/mdt-messages.ts', 'useMdtI18n'),
      rosters: await screenTables('miniapp/src/admin/rosters/roster-messages.ts', 'useRosterI18n'),
      consultRules: await screenTables('miniapp/src/admin/consult-rules/consult-rule-messages.ts', 'useConsultRuleI18n'),
      mdtConsole: await screenTables('miniapp/src/admin/mdt/mdt-console-messages.ts', 'useMdtConsoleI18n'),
    };
    const tables: Array<[string, Table, Table]> = [
      ['app', MESSAGES.en, MESSAGES['zh-HK']],
      ...Object.entries(screens).map(([name, t]): [string, Table, Table] => [name, t.en, t.zhHK]),
      ['admin', ADMIN_MESSAGES.en, ADMIN_MESSAGES['zh-HK']],
    ];
    const bad = tables.flatMap(([name, en, zh]) =>
      untranslated(rows(en, zh).filter(([k]) => !SAME_OK.test(k)).map(([k, w]) => [`${name}:${k}`, w])),
    );
    expect(bad).toEqual([]);
    // The walk itself works: hundreds of keys were checked, and an untranslated one would be caught.
    expect(tables.reduce((n, [, en]) => n + Object.keys(en).length, 0)).toBeGreaterThan(300);
    expect(untranslated([['probe', { en: 'Success', zh: 'success' }]])).toEqual(['probe: not translated (success)']);
    // Every screen family's table is walked here.
    const families = readdirSync(projectPath('miniapp/src/doctor'), { recursive: true }).map(String).filter((f) => f.endsWith('messages.ts'));
    expect(families.sort()).toEqual(['alert-status-messages.ts', 'cases-messages.ts', 'clinical/clinical-messages.ts', 'compose/compose-messages.ts', 'correction-messages.ts', 'doctor-messages.ts', 'forms/form-messages.ts', 'grants/grant-messages.ts', 'interactions/interaction-messages.ts', 'mdt/mdt-messages.ts', 'medications/medication-messages.ts', 'referrals/referral-messages.ts', 'rules/rule-review-messages.ts', 'watermark-messages.ts', 'yida/yida-messages.ts']);
  });
});
