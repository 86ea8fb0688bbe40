/** The 1:1 notice to a case's attending when a consult rule opened a referral (codes and labels only). */
export const CONSULT_RULE_TEXTS = {
  firedTitle: { en: (code: string) => `Consult opened by rule · ${code}`, zh: (code: string) => `規則已開啟會診 · ${code}` },
  fired: {
    en: (rule: string, severity: string, specialty: string, what: string, code: string) =>
      `Consult rule ${rule} opened a ${severity} ${specialty} referral on case ${code} (triggered by ${what}). The case screen shows the triggering item.`,
    zh: (rule: string, severity: string, specialty: string, what: string, code: string) =>
      `會診規則 ${rule} 已為個案 ${code} 開啟${severity}${specialty}轉介（由${what}觸發）。個案頁面會標示觸發項目。`,
  },
  itemDocument: { en: 'a shared document', zh: '一份已分享的文件' },
  itemObservation: { en: 'a result from the health record', zh: '一項電子健康紀錄檢驗結果' },
  itemForm: { en: 'a filed form', zh: '一份已歸檔表格' },
};
