/** The console dashboard's referral figures (issue 14), both languages; spread into the console's tables. */
export const referralDashEn = {
  'dash.ref.title': 'Referrals: time to accept',
  'dash.ref.severity': 'Severity',
  'dash.ref.specialty': 'Specialty',
  'dash.ref.accepted': 'Accepted',
  'dash.ref.median': 'Median (min)',
  'dash.ref.p90': 'p90 (min)',
  'dash.ref.none': 'No referral accepted in this period.',
  'dash.ref.load': 'Open referrals per clinician',
  'dash.ref.clinician': 'Clinician',
  'dash.ref.open': 'Open',
  'dash.ref.noLoad': 'Nobody holds an open referral.',
} as const;

export const referralDashZh: Record<keyof typeof referralDashEn, string> = {
  'dash.ref.title': '轉介：接受所需時間',
  'dash.ref.severity': '嚴重程度',
  'dash.ref.specialty': '專科',
  'dash.ref.accepted': '已接受',
  'dash.ref.median': '中位數（分鐘）',
  'dash.ref.p90': '第 90 百分位（分鐘）',
  'dash.ref.none': '此期間沒有已接受的轉介。',
  'dash.ref.load': '各醫生未處理的轉介',
  'dash.ref.clinician': '醫生',
  'dash.ref.open': '未處理',
  'dash.ref.noLoad': '目前沒有未處理的轉介。',
};
