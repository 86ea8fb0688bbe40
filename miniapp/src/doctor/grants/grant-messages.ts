import { screenI18n } from '../../i18n/screen-i18n.js';
import { DOCUMENT_TYPES, type DocumentType } from '../../../../src/contract/document-types.js';
import { GRANT_DURATIONS, type GrantDuration } from '../../../../src/contract/grant-durations.js';

/** Words of the grant and case-status parts of the doctor screens (both languages, same keys). */
const en = {
  'grants.title': 'Access from outside the team',
  'grants.none': 'Nobody outside the team holds access now.',
  'grants.until': 'until',
  'grants.breakGlass': 'Break-glass',
  'grants.revoke': 'Revoke',
  'grants.revokeConfirm': 'End this access now? Open links stop working at once.',
  'grants.revoked': 'Access ended; they have been told.',
  'case.closedTag': 'Closed',
  'case.closedNote': 'This case is closed: read-only. Nothing new can be shared, requested, alerted or burned.',
  'case.close': 'Close case',
  'case.reopen': 'Re-open case',
  'case.closeConfirm': 'Close this case? It becomes read-only and every access grant on it ends.',
  'case.closed': 'Case closed; the team has been told.',
  'case.reopened': 'Case re-opened; the team has been told.',
  'case.notMember': 'You are not on this case’s care team, so you can’t share, burn or alert here. You can open only what you were granted.',
  'case.breakGlassHint': 'In an emergency, send “breakglass {code} <reason>” to ConsultBridge: access is logged and reviewed.',
  'decide.duration': 'Access for',
  'share.type': 'Type of document',
  'share.titleLabel': 'Title (optional, shown only in ConsultBridge)',
  'err.case.closed': 'This case is closed. Its attending can re-open it.',
  'err.grant.none_live': 'That access has already ended.',
  'err.access.denied': 'Only the case’s attending (or the approver) can do that.',
  'err.other': 'Something went wrong. Please try again.',
} as const;

type Key = keyof typeof en;

const zhHK: Record<Key, string> = {
  'grants.title': '團隊以外的存取權',
  'grants.none': '現時沒有團隊以外的人士持有存取權。',
  'grants.until': '有效至',
  'grants.breakGlass': '緊急存取',
  'grants.revoke': '撤銷',
  'grants.revokeConfirm': '即時結束此存取權？已開啟的連結會即時失效。',
  'grants.revoked': '存取權已結束，並已通知對方。',
  'case.closedTag': '已結束',
  'case.closedNote': '此個案已結束，現為唯讀：不可再分享、申請、發出警示或閱後即焚訊息。',
  'case.close': '結束個案',
  'case.reopen': '重新開啟個案',
  'case.closeConfirm': '結束此個案？個案將改為唯讀，所有相關存取權即時結束。',
  'case.closed': '個案已結束，並已通知團隊。',
  'case.reopened': '個案已重新開啟，並已通知團隊。',
  'case.notMember': '你不屬於此個案的護理團隊，因此不能在此分享、發送閱後即焚訊息或警示；你只可開啟已獲批准的文件。',
  'case.breakGlassHint': '緊急情況下，可向 ConsultBridge 發送「breakglass {code} <原因>」：存取會被記錄及覆核。',
  'decide.duration': '存取期限',
  'share.type': '文件類型',
  'share.titleLabel': '標題（選填，只在 ConsultBridge 內顯示）',
  'err.case.closed': '此個案已結束，主診醫生可重新開啟。',
  'err.grant.none_live': '該存取權已經結束。',
  'err.access.denied': '只有個案的主診醫生（或批核人）可以這樣做。',
  'err.other': '發生錯誤，請再試一次。',
};

export const useGrantI18n = screenI18n(en, zhHK);

type UiLang = 'zh-HK' | 'en';
const l = (lang: UiLang) => (lang === 'en' ? 'en' : 'zh');

/** A document type's label in the UI language ("Report", "影像"…); unknown codes read as a document. */
export const docTypeLabel = (code: string, lang: UiLang): string => (DOCUMENT_TYPES[code as DocumentType] ?? DOCUMENT_TYPES.other)[l(lang)];
export const durationLabel = (code: GrantDuration, lang: UiLang): string => GRANT_DURATIONS[code][l(lang)];
