/** The Forms page's consult-rule fields of a mapping (issue 14), both languages; spread into the console's tables. */
export const formRulesEn = {
  'fm.documentType': 'Files as (document type; consult rules on that type apply)',
  'fm.f.flags': 'Flag components (values such as STEMI? are read as consult-rule flags)',
  'fm.f.results': 'Result components, one per line: component=LOINC unit (e.g. numberField_trop=6598-7 ng/L)',
} as const;

export const formRulesZh: Record<keyof typeof formRulesEn, string> = {
  'fm.documentType': '歸檔類型（文件類型；適用該類型的會診規則）',
  'fm.f.flags': '標示欄位（如 STEMI? 的值作會診規則標示）',
  'fm.f.results': '檢驗結果欄位，每行一個：欄位=LOINC 單位（例如 numberField_trop=6598-7 ng/L）',
};
