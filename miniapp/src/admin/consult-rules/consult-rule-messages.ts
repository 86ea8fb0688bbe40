import { screenI18n } from '../../i18n/screen-i18n.js';

/** The console's Consult rules page (issue 14): both languages with the same keys. */
const en = {
  'title': 'Consult rules',
  'intro': 'Rules that open a referral by themselves when a flagged document is shared or a result is read from the health record. Each rule fires once per item; it grants no access (only an accepted referral does).',
  'source.file': 'From config/consult-rules.json',
  'source.saved': 'Saved in the console (version {v}, by {who})',
  'fileProblems': 'The config file has problems; its rules are not in force:',
  'id': 'Rule',
  'enabled': 'On',
  'severity': 'Severity',
  'specialty': 'Specialty',
  'description': 'What it matches',
  'edit': 'Edit (JSON)',
  'save': 'Save rules',
  'saved': 'Saved: version {v} is in force on every instance.',
  'problems': 'Not saved — fix these:',
  'dryRun': 'Dry run: which rule would fire?',
  'dryDocument': 'A shared document',
  'dryFlags': 'Flags the sharer gave (comma-separated, e.g. STEMI?)',
  'dryObservation': 'Or paste a FHIR Observation (JSON)',
  'useEdited': 'Use the rules in the editor (not saved)',
  'run': 'Run',
  'fires': 'Would fire:',
  'none': 'No rule would fire.',
  'unitMismatch': 'Code matched but the unit does not convert: {ids}',
  'already': 'Already fired on this item: {ids}',
  'badJson': 'That is not JSON.',
};
type Key = keyof typeof en;
const zhHK: Record<Key, string> = {
  'title': '會診規則',
  'intro': '當分享了帶標示的文件或從電子健康紀錄讀取檢驗結果時，會自行開啟轉介的規則。每條規則對每個項目只觸發一次；規則本身不授予任何存取權限（只有已接受的轉介才會）。',
  'source.file': '來自 config/consult-rules.json',
  'source.saved': '已於管理台儲存（第 {v} 版，由 {who}）',
  'fileProblems': '設定檔有問題，其規則未生效：',
  'id': '規則',
  'enabled': '啟用',
  'severity': '緊急程度',
  'specialty': '專科',
  'description': '配對內容',
  'edit': '編輯（JSON）',
  'save': '儲存規則',
  'saved': '已儲存：第 {v} 版已於所有執行個體生效。',
  'problems': '未儲存，請修正：',
  'dryRun': '試行：哪條規則會觸發？',
  'dryDocument': '已分享的文件',
  'dryFlags': '分享者的標示（以逗號分隔，例如 STEMI?）',
  'dryObservation': '或貼上 FHIR Observation（JSON）',
  'useEdited': '使用編輯器中的規則（未儲存）',
  'run': '執行',
  'fires': '會觸發：',
  'none': '沒有規則會觸發。',
  'unitMismatch': '代碼相符但單位無法換算：{ids}',
  'already': '此項目已觸發：{ids}',
  'badJson': '這不是 JSON。',
};

export type ConsultRuleKey = Key;
export const useConsultRuleI18n = screenI18n(en, zhHK);

export const fill = (text: string, vars: Record<string, string | number>): string => text.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));
