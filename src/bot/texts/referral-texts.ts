/**
 * Referral chat texts (issue 14 item 2): the `refer` command's answers, the assignee's card, the
 * requester's live status card. Case codes, specialty / severity / purpose / decline labels, names
 * and HK times only: never the reason text, never patient data.
 */
export const REFERRAL_TEXTS = {
  /** Escalation: what the unaccepted item is (notice-texts' ITEM). */
  item: { en: 'a referral', zh: '一項轉介' },
  usage: {
    en: 'Usage: `refer C-XXXXX <specialty> [institution code] <emergency|urgent|routine> <purpose code>` — e.g. `refer C-7KQ2M cardiology PWH urgent referral`. Purpose codes: continuing_care, referral, second_opinion, emergency, medication_review. Write the clinical reason in the mini-app, never in a group. To withdraw your referral: `refer cancel C-XXXXX [specialty]`.',
    zh: '用法：`refer C-XXXXX <專科> [機構代碼] <emergency|urgent|routine> <目的代碼>`，例如 `refer C-7KQ2M cardiology PWH urgent referral`。目的代碼：continuing_care、referral、second_opinion、emergency、medication_review。臨床理由請在小程式填寫，切勿在群組中輸入。撤回你的轉介：`refer cancel C-XXXXX [專科]`。',
  },
  unknownInstitution: { en: (code: string) => `No institution with code ${code}.`, zh: (code: string) => `找不到代碼為 ${code} 的機構。` },
  sent: {
    en: (code: string, spec: string, sev: string, who: string) => `Referral on case ${code} sent: ${spec}, ${sev}, to ${who}. Your status card follows its progress.`,
    zh: (code: string, spec: string, sev: string, who: string) => `個案 ${code} 的轉介已發出：${spec}，${sev}，接收者：${who}。狀態卡片會顯示進度。`,
  },
  nobody: {
    en: (code: string, spec: string) => `Referral on case ${code} recorded, but nobody is on call for ${spec} at the institutions tried. Call the department directly.`,
    zh: (code: string, spec: string) => `個案 ${code} 的轉介已記錄，但所查機構目前沒有${spec}當值醫生。請直接致電該部門。`,
  },
  assigneeTitle: { en: (code: string, sev: string) => `📨 Referral · ${code} · ${sev}`, zh: (code: string, sev: string) => `📨 轉介 · ${code} · ${sev}` },
  assigneeText: {
    en: (spec: string, purpose: string, from: string, at: string) => `${spec} consult requested by ${from} (${at}). Purpose: ${purpose}. Open it in ConsultBridge to read the reason; accepting gives you access to the case's documents for a limited time.`,
    zh: (spec: string, purpose: string, from: string, at: string) => `${from} 請求${spec}會診（${at}）。目的：${purpose}。請在 ConsultBridge 開啟以查看理由；接受後可於限期內查閱此個案的文件。`,
  },
  handedOn: { en: (who: string) => ` It passed to you because ${who} did not accept it in time.`, zh: (who: string) => ` 因 ${who} 未有及時接受，已轉交給你。` },
  byRule: { en: (rule: string) => `a consult rule (${rule})`, zh: (rule: string) => `會診規則（${rule}）` },
  accept: { en: 'Accept', zh: '接受' },
  open: { en: 'Open', zh: '開啟' },
  decline: { en: (reason: string) => `Decline: ${reason}`, zh: (reason: string) => `拒絕：${reason}` },
  ding: { en: (code: string) => `ConsultBridge: an emergency referral on case ${code} is waiting for you.`, zh: (code: string) => `ConsultBridge：個案 ${code} 有緊急轉介等待你處理。` },
  statusTitle: { en: (code: string, spec: string) => `📨 Your referral · ${code} · ${spec}`, zh: (code: string, spec: string) => `📨 你的轉介 · ${code} · ${spec}` },
  statusAbout: { en: (sev: string, purpose: string) => `Severity: ${sev}. Purpose: ${purpose}.`, zh: (sev: string, purpose: string) => `嚴重程度：${sev}。目的：${purpose}。` },
  statusSent: { en: (who: string) => `Sent to ${who}, waiting to be seen.`, zh: (who: string) => `已發送給 ${who}，等待查閱。` },
  statusNobody: { en: 'Nobody on call: not sent.', zh: '沒有當值醫生：未能發送。' },
  statusSeen: { en: (who: string, at: string) => `Seen by ${who} at ${at}, waiting for an answer.`, zh: (who: string, at: string) => `${who} 已於 ${at} 查閱，等待回覆。` },
  statusAccepted: { en: (who: string, until: string) => `Accepted by ${who}; case access until ${until}.`, zh: (who: string, until: string) => `${who} 已接受；個案存取權限至 ${until}。` },
  statusDeclined: { en: (who: string, reason: string) => `Declined by ${who}: ${reason}.`, zh: (who: string, reason: string) => `${who} 已拒絕：${reason}。` },
  statusEscalated: { en: (who: string) => `Not accepted in time: escalated to ${who}.`, zh: (who: string) => `未有及時接受：已升級至 ${who}。` },
  statusCancelled: { en: 'Cancelled by you.', zh: '你已取消。' },
  statusUnrouted: { en: 'No one accepted — unrouted. Call the department directly.', zh: '無人接受 — 未能轉介。請直接致電該部門。' },
  unroutedTitle: { en: (code: string) => `📨 Referral not accepted · ${code}`, zh: (code: string) => `📨 轉介無人接受 · ${code}` },
  unroutedText: {
    en: (code: string, spec: string, sev: string, inst: string) =>
      `Nobody accepted your ${sev} ${spec} referral on case ${code} at ${inst}: each clinician on call and the roster's escalation contact were asked in turn. Please call the department directly. When it is settled, \`@ConsultBridge refer cancel ${code}\` closes it; you may also refer again.`,
    zh: (code: string, spec: string, sev: string, inst: string) =>
      `個案 ${code} 的${sev}${spec}轉介（${inst}）無人接受：已依次詢問各當值醫生及當值表的升級聯絡人。請直接致電該部門。處理後可用 @ConsultBridge refer cancel ${code} 結束此轉介，亦可重新轉介。`,
  },
  attendingUnrouted: {
    en: (code: string, spec: string, sev: string, rule: string) => `Nobody accepted the ${sev} ${spec} referral a consult rule (${rule}) opened on case ${code}. Please call the department directly.`,
    zh: (code: string, spec: string, sev: string, rule: string) => `會診規則（${rule}）為個案 ${code} 開出的${sev}${spec}轉介無人接受。請直接致電該部門。`,
  },
  closedCancelled: { en: 'Cancelled by the requester: nothing more to do.', zh: '轉介發出者已取消：毋須處理。' },
  closedUnrouted: { en: 'Closed: not accepted in time; the requester was told to call the department.', zh: '已結束：未有及時接受；已通知發出者直接致電部門。' },
  cancelled: {
    en: (code: string, spec: string) => `Your ${spec} referral on case ${code} is cancelled; whoever had it is told and nobody more is asked.`,
    zh: (code: string, spec: string) => `你在個案 ${code} 的${spec}轉介已取消；已通知接收者，不會再詢問其他人。`,
  },
  cancelWhich: {
    en: (code: string, specs: string) => `You have several open referrals on case ${code} (${specs}): name one, e.g. \`refer cancel ${code} cardiology\`.`,
    zh: (code: string, specs: string) => `你在個案 ${code} 有多項未完成的轉介（${specs}）：請指明專科，例如 refer cancel ${code} cardiology。`,
  },
  attendingTitle: { en: (code: string) => `📨 Referral opened · ${code}`, zh: (code: string) => `📨 已開出轉介 · ${code}` },
  attendingText: {
    en: (code: string, spec: string, sev: string, rule: string, who: string) => `A consult rule (${rule}) opened a ${sev} ${spec} referral on case ${code}; it went to ${who}.`,
    zh: (code: string, spec: string, sev: string, rule: string, who: string) => `會診規則（${rule}）為個案 ${code} 開出${sev}${spec}轉介，接收者：${who}。`,
  },
  nobodyShort: { en: 'nobody on call', zh: '沒有當值醫生' },
  accepted: { en: (code: string, until: string) => `Accepted. You can open case ${code}'s documents until ${until}.`, zh: (code: string, until: string) => `已接受。你可於 ${until} 前查閱個案 ${code} 的文件。` },
  declined: { en: (code: string, reason: string) => `Declined (${reason}). The requester of case ${code} is told.`, zh: (code: string, reason: string) => `已拒絕（${reason}）。已通知個案 ${code} 的轉介發出者。` },
} as const;
