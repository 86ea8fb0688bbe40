import { screenI18n } from '../i18n/screen-i18n.js';

/** The allergy alert's delivery screen (/alert/:id), both languages with the same keys. */
const en = {
  'title': 'Alert delivery',
  'case': 'Case',
  'raised': 'Raised',
  'live': 'Updates by itself every few seconds.',
  'burned': 'The chat copy has burned; the allergy stays in the health record.',
  'summary': '{opened} of {total} opened',
  'state.sending': 'Sending',
  'state.delivered': 'Delivered',
  'state.opened': 'Opened',
  'via.group': 'Alert group',
  'via.direct': '1:1',
  'via.escalation': 'Escalation',
  'askedFor': 'Asked for {name}',
  'at': 'at',
  'none': 'Nobody to tell yet.',
  'toStatus': 'Delivery status',
  'err.access.denied': 'Only the clinician who raised this alert can see its delivery.',
  'err.not_found': 'No such alert.',
  'err.other': 'Could not load the delivery status. Pull to try again.',
};
type Key = keyof typeof en;

const zhHK: Record<Key, string> = {
  'title': '警示送達狀態',
  'case': '個案',
  'raised': '發出時間',
  'live': '每隔數秒自動更新。',
  'burned': '對話中的副本已銷毀；過敏紀錄保留於健康紀錄。',
  'summary': '{total} 人中 {opened} 人已開啟',
  'state.sending': '傳送中',
  'state.delivered': '已送達',
  'state.opened': '已開啟',
  'via.group': '警示群組',
  'via.direct': '單聊',
  'via.escalation': '升級轉交',
  'askedFor': '代 {name} 處理',
  'at': '於',
  'none': '暫時沒有通知對象。',
  'toStatus': '送達狀態',
  'err.access.denied': '只有發出此警示的醫護人員可以查看送達狀態。',
  'err.not_found': '找不到此警示。',
  'err.other': '未能載入送達狀態，請再試一次。',
};

export type AlertStatusKey = Key;
export const useAlertStatusI18n = screenI18n(en, zhHK);
