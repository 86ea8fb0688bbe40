import type { ErrorCode } from './errors.js';

/** What to do next, in both languages: shown under an error's message (what happened) on every surface. */
export type ErrorHint = { en: string; zh: string };

const SIGN_IN: ErrorHint = { en: 'Sign in again: close ConsultBridge and open it from DingTalk.', zh: '請重新登入：關閉 ConsultBridge，再從釘釘開啟。' };
const RETRY: ErrorHint = { en: 'Wait a minute and try again.', zh: '請稍候一分鐘再試。' };
const RE_OPEN: ErrorHint = { en: 'Go back and open it again from the case or the bot’s latest message.', zh: '請返回，再從個案或機械人最新的訊息重新開啟。' };
const OTHER_FILE: ErrorHint = { en: 'Save or scan it again as a plain PDF, JPEG or PNG and send that.', zh: '請另存或重新掃描為一般的 PDF、JPEG 或 PNG 檔案再傳送。' };
const ADMIN: ErrorHint = { en: 'Tell your hospital’s ConsultBridge admin if it keeps happening.', zh: '如問題持續，請通知院方 ConsultBridge 管理員。' };

/**
 * The "what to do" line for every code of the error table (src/shared/errors.ts). Partial so a new code
 * compiles before its words are written; test/unit/translations.test.ts fails until it has them.
 */
export const ERROR_HINTS: Partial<Record<ErrorCode, ErrorHint>> = {
  'request.invalid': { en: 'Check what you entered and try again.', zh: '請檢查輸入的內容再試。' },
  'request.too_large': { en: 'Send a smaller file (at most 20 MB), or split it.', zh: '請傳送較小的檔案（最多 20 MB），或分拆傳送。' },
  'rate_limited': RETRY,
  'auth.required': SIGN_IN,
  'auth.invalid': SIGN_IN,
  'access.denied': {
    en: 'Ask the case’s attending to add you to the care team, or request access with @ConsultBridge request <case code> <purpose>. In an emergency, use break-glass.',
    zh: '請主診醫生把你加入照護團隊，或以 @ConsultBridge request <個案編號> <用途> 申請存取。如屬緊急情況，請使用緊急存取（break-glass）。',
  },
  'actor.unverified': {
    en: 'Until then you can’t open shared records. Check Me for your registration number.',
    zh: '核實前你不能開啟共享紀錄。你可在「我的」查看註冊編號。',
  },
  'actor.suspended': { en: 'Ask your hospital’s ConsultBridge admin to restore your account.', zh: '請聯絡院方 ConsultBridge 管理員恢復你的帳戶。' },
  'not_found': { en: 'Check the link or code; it may have been removed.', zh: '請檢查連結或編號；它可能已被移除。' },
  'conflict': { en: 'Refresh to see the current state; nothing more is needed.', zh: '請重新整理查看最新狀態；毋須再操作。' },
  'institution.code_taken': { en: 'Choose another code, or edit the existing institution.', zh: '請選用另一個編號，或修改現有的醫療機構。' },
  'phi.blocked': {
    en: 'Send patient details only as a document: @ConsultBridge share <case code>, or the Share button in the case.',
    zh: '病人資料只可以文件形式傳送：@ConsultBridge share <個案編號>，或個案中的「分享」按鈕。',
  },
  // The example is not a valid HKID on purpose: a valid one is refused by the outbound PHI guard.
  'hkid.invalid': { en: 'Type it as on the card: the letter(s), six digits and the check digit in brackets, e.g. A123456(?).', zh: '請按身份證所示輸入：英文字母、六位數字及括號內的核對數字，例如 A123456(?)。' },
  'search.invalid': { en: 'In chat: @ConsultBridge search C-7KQ2M, or whole words of the name (1:1 only).', zh: '在聊天中：@ConsultBridge search C-7KQ2M，或姓名的完整字詞（只限一對一）。' },
  'case.code_invalid': { en: 'Copy the code from the case card or the Cases tab.', zh: '請從個案卡片或「個案」分頁複製編號。' },
  'case.code_missing': { en: 'The code is on the case card and in the Cases tab, e.g. C-7KQ2M.', zh: '個案編號見於個案卡片及「個案」分頁，例如 C-7KQ2M。' },
  'referral.not_found': { en: 'Open it again from the latest referral card, or from the case.', zh: '請再從最新的轉介卡片或個案開啟。' },
  'referral.closed': { en: 'Reload the referral to see its status and who acted on it.', zh: '請重新載入轉介，查看其狀態及處理者。' },
  'referral.not_requester': { en: 'Ask the clinician who sent it, or the case’s attending.', zh: '請聯絡發出轉介的醫生或個案主診醫生。' },
  'referral.not_yours': { en: 'It may have passed to the next on call; the requester’s card shows who has it now.', zh: '轉介可能已轉交下一位當值醫生；發出者的卡片會顯示現時由誰處理。' },
  'interaction.not_found': { en: 'Open it again from the alert card, or from the case’s interaction alerts.', zh: '請再從警示卡片或個案的相互作用警示列表開啟。' },
  'interaction.already_decided': { en: 'Reload the alert to see who decided it and when.', zh: '請重新載入警示，查看由誰於何時處理。' },
  'interaction.reason_required': { en: 'Write why the combination is still right for this patient (e.g. monitoring planned), then override.', zh: '請寫明此組合為何仍適合此病人（例如已安排監測），然後推翻。' },
  'case.not_found': { en: 'Check the code on the case card, e.g. @ConsultBridge case C-7KQ2M.', zh: '請核對個案卡片上的編號，例如 @ConsultBridge case C-7KQ2M。' },
  'clinician.not_found': { en: 'Check the name; they may need to open ConsultBridge once before they appear.', zh: '請檢查名字；對方可能須先開啟 ConsultBridge 一次才會出現。' },
  'directory.last_admin': { en: 'Verify another admin first, then try again.', zh: '請先核實另一位管理員，然後再試。' },
  'directory.self_action': { en: 'Ask another admin to do it.', zh: '請由另一位管理員處理。' },
  'institution.not_found': { en: 'Pick the institution from the list, or add it first.', zh: '請從清單中選擇醫療機構，或先新增。' },
  'document.not_found': { en: 'It may have been removed. Open the case to see its current documents.', zh: '文件可能已被移除。請開啟個案查看現有文件。' },
  'vault.decrypt_failed': ADMIN,
  'upload.type': OTHER_FILE,
  'upload.empty': { en: 'Pick the file again; it may not have finished saving.', zh: '請重新選擇檔案；它可能尚未儲存完成。' },
  'upload.corrupt': OTHER_FILE,
  'upload.too_many_pages': { en: 'Split it into smaller files and send each.', zh: '請分拆為較小的檔案逐一傳送。' },
  'upload.image_too_large': { en: 'Scan or export it at a lower resolution and send that.', zh: '請以較低解像度掃描或匯出後再傳送。' },
  'upload.too_complex': OTHER_FILE,
  'upload.active_content': { en: 'Print it to PDF (which drops scripts and attachments) and send that.', zh: '請將其「列印」為 PDF（會移除程式碼及附件）後再傳送。' },
  'document.unrenderable': { en: 'Ask the sender to share it again as a plain PDF, JPEG or PNG.', zh: '請傳送者以一般的 PDF、JPEG 或 PNG 重新分享。' },
  'render.busy': RETRY,
  'token.invalid': { en: 'Ask the bot for a new link: send the command again.', zh: '請再次傳送指令，向機械人取得新連結。' },
  'token.expired': { en: 'Ask the bot for a new link: send the command again.', zh: '請再次傳送指令，向機械人取得新連結。' },
  'link.expired': { en: 'Ask the bot for a new link: send the command again.', zh: '請再次傳送指令，向機械人取得新連結。' },
  'voice.expired': { en: 'Send the voice note to the bot again, 1:1, and confirm it within 30 minutes.', zh: '請再次以單對單方式向機械人傳送語音訊息，並在 30 分鐘內確認。' },
  'voice.no_drug': { en: 'Tick the drug you meant, or save it as a note instead.', zh: '請剔選你所指的藥物，或改為存作筆記。' },
  'note.not_a_problem': { en: 'Pick a diagnosis or symptom from the suggestions.', zh: '請從建議中選擇診斷或症狀。' },
  'view.token_invalid': RE_OPEN,
  'view.token_expired': RE_OPEN,
  'approval.already_decided': { en: 'Open the case to see the decision.', zh: '請開啟個案查看決定。' },
  'approval.none_pending': { en: 'Check the case code, or see your Inbox for requests waiting for you.', zh: '請核對個案編號，或在收件匣查看等待你批核的申請。' },
  'approval.expired': { en: 'Ask for access again: @ConsultBridge request <case code> <purpose>.', zh: '請重新申請：@ConsultBridge request <個案編號> <用途>。' },
  'approval.would_not_open': { en: 'Ask the requester to complete what is missing (e.g. verification), then decide again.', zh: '請申請人先補齊所缺條件（例如驗證），然後再作決定。' },
  'grant.expired': { en: 'Request access again: @ConsultBridge request <case code> <purpose>.', zh: '請重新申請存取：@ConsultBridge request <個案編號> <用途>。' },
  'burned': { en: 'Ask the sender to send it again if you still need it.', zh: '如仍需要，請傳送者再傳送一次。' },
  'burn.duration_invalid': { en: 'Write the time as a number and a unit: 30s, 5m or 2h.', zh: '請以數字加單位寫時間：30s、5m 或 2h。' },
  'burn.no_recipients': { en: 'Add a colleague to the care team first, or grant them access.', zh: '請先把同事加入照護團隊，或批准其存取。' },
  'dingtalk.error': RETRY,
  'dingtalk.unavailable': RETRY,
  'ehr.unavailable': RETRY,
  'ehr.rejected': { en: 'Check the patient and document details; tell your ConsultBridge admin if they are right.', zh: '請檢查病人及文件資料；如資料正確，請通知 ConsultBridge 管理員。' },
  'ehr.patient_not_found': { en: 'Check the HKID or record number with the health record system.', zh: '請在電子健康紀錄系統核對身份證號碼或紀錄編號。' },
  'medication.unknown_term': {
    en: 'Pick one of the matches shown under the name, or save it without confirming: it is then listed as not checked for interactions.',
    zh: '請從名稱下顯示的配對中選擇，或不確認直接儲存：該藥物會列為「未作相互作用檢查」。',
  },
  'medication.date_invalid': { en: 'Enter the dates as YYYY-MM-DD, the start first.', zh: '請以 YYYY-MM-DD 格式輸入日期，先填開始日期。' },
  'medication.not_found': { en: 'Reload the medication list and try again.', zh: '請重新載入藥物清單再試。' },
  'ehr.not_configured': { en: 'Ask your ConsultBridge admin to connect one.', zh: '請聯絡 ConsultBridge 管理員連接系統。' },
  'config.invalid': ADMIN,
  'audit.corrupt': { en: 'Tell your privacy officer now; do not change anything.', zh: '請立即通知私隱主任；請勿更改任何內容。' },
  'internal': ADMIN,
  'case.closed': { en: 'Ask the case’s attending to re-open it if work on it must go on.', zh: '如需繼續處理，請主診醫生重新開啟個案。' },
  'grant.none_live': { en: 'Check the name: see who holds access on the case screen in ConsultBridge.', zh: '請核對姓名：可在 ConsultBridge 的個案頁面查看誰持有存取權。' },
  'document.retracted': { en: 'Ask the sharer for the right document, or look for it on the right case.', zh: '請向分享者索取正確的文件，或在正確的個案中查看。' },
  'document.already_retracted': { en: 'Nothing more to do; re-file it from its case if it belongs elsewhere.', zh: '無需再操作；如文件屬於其他個案，請在原個案中重新歸檔。' },
  'refile.same_case': { en: 'Pick the case the document belongs to, then re-file.', zh: '請選擇文件所屬的個案，再重新歸檔。' },
  'patient.not_found': { en: 'Check the HKID or case code and try again.', zh: '請核對 HKID 或個案編號再試。' },
  'patient.merge_same': { en: 'Pick two different patient records to merge.', zh: '請選擇兩個不同的病人紀錄進行合併。' },
  'register.unavailable': { en: 'Try again later, or record a manual check of the register.', zh: '請稍後再試，或記錄人手查核名冊。' },
  'register.not_listed': { en: 'Do not verify until the number is confirmed on the register.', zh: '在名冊確認號碼前，請勿核實此用戶。' },
  'rule.pharmacist_only': {
    en: 'If you are a pharmacist, ask your hospital’s ConsultBridge admin to set your directory role to pharmacist.',
    zh: '如你是藥劑師，請聯絡院方 ConsultBridge 管理員把你的名錄角色設為藥劑師。',
  },
  'consult_rules.invalid': { en: 'Fix each problem listed (its path names the rule and field), then save again.', zh: '請按列出的每項問題（路徑指出規則及欄位）修正，然後再儲存。' },
  'consult_rules.stale': { en: 'Reload the rules, apply your change again, then save.', zh: '請重新載入規則，再次修改後儲存。' },
  'consult_rules.observation_invalid': { en: 'Paste one Observation resource with code.coding (LOINC) and valueQuantity (value and unit).', zh: '請貼上一個包含 code.coding（LOINC）及 valueQuantity（數值及單位）的 Observation 資源。' },
  'rule.not_found': { en: 'Reload the rules page: the rule set may have been updated.', zh: '請重新載入規則頁面：規則集可能已更新。' },
  'rule.reason_required': { en: 'Write why, e.g. "duplicates our local warfarin protocol alert".', zh: '請寫明原因，例如「與本院華法林指引的提示重複」。' },
  'rule.state_changed': { en: 'Reload to see the rule’s current state, then choose again.', zh: '請重新載入查看規則的最新狀態，再作選擇。' },
  'mdt.time_invalid': { en: 'For example: mdt C-7KQ2M 2026-12-10 14:00 @Dr Chan', zh: '例如：mdt C-7KQ2M 2026-12-10 14:00 @陳醫生' },
  'mdt.not_found': { en: 'Open the meeting from its link in your 1:1 chat with the bot.', zh: '請從機械人私訊中的連結開啟會議。' },
  'mdt.not_participant': { en: 'Ask the meeting’s organiser to invite you.', zh: '請聯絡會議召集人邀請你。' },
  'mdt.state_changed': { en: 'Reload the meeting to see where its minutes are now.', zh: '請重新載入會議，查看紀錄目前的階段。' },
  'mdt.not_your_step': { en: 'The sign-off waits for the person named on the current step.', zh: '簽核正等候目前步驟所列的人。' },
  'mdt.chain_unfilled': { en: 'Add the attending (or the named role) to the case’s care team, or change MDT_APPROVAL_CHAIN.', zh: '請把主診醫生（或所需角色）加入個案醫療團隊，或修改 MDT_APPROVAL_CHAIN。' },
  'mdt.summary_invalid': { en: 'Pick an owner for each action from the meeting’s participants.', zh: '請為每項跟進從會議參與者中選擇負責人。' },
  'mdt.comment_required': { en: 'Write what needs changing, e.g. "dose of the second drug missing".', zh: '請寫明需要修改之處，例如「欠第二種藥物的劑量」。' },
  'mdt.action_not_found': { en: 'Reload "My MDT actions".', zh: '請重新載入「我的多專科會議跟進」。' },
  'yida.disabled': { en: 'Set YIDA_CALLBACK_SECRET (README "Yida form archive") and restart.', zh: '請設定 YIDA_CALLBACK_SECRET（見 README「Yida form archive」）後重新啟動。' },
  'yida.bad_secret': { en: 'Put the shared secret in the X-ConsultBridge-Yida-Secret header of the form’s integration.', zh: '請在表單整合設定的 X-ConsultBridge-Yida-Secret 標頭填上共用密鑰。' },
  'yida.bad_source': { en: 'Add the caller’s address range to YIDA_CALLBACK_SOURCES, or call through the allowed proxy.', zh: '請把來源地址範圍加入 YIDA_CALLBACK_SOURCES，或經允許的代理呼叫。' },
  'yida.bad_body': { en: 'Send formUuid, appType and formInstanceId as JSON.', zh: '請以 JSON 傳送 formUuid、appType 及 formInstanceId。' },
  'yida.returned': { en: 'Check the reason in the audit log; correct the form in Yida and submit it again, or discard this one.', zh: '請在審計記錄查看原因；於宜搭更正表單後重新提交，或捨棄此提交。' },
  'yida.unmapped': { en: 'Map the form in the console (Forms), then retry the submission.', zh: '請在管理介面「表單」對應此表單，然後重試該提交。' },
  'yida.malformed': { en: 'Check the mapping’s field ids against the form, then retry or discard.', zh: '請核對對應設定的欄位編號，然後重試或捨棄。' },
  'yida.no_patient_id': { en: 'Check the patient field in the mapping, or ask the submitter to correct the HKID.', zh: '請檢查對應設定的病人欄位，或請提交者更正 HKID。' },
  'yida.no_patient': { en: 'Open a case for the patient first, then retry the submission.', zh: '請先為病人開立個案，然後重試該提交。' },
  'yida.no_case': { en: 'Re-open or open the patient’s case, then retry the submission.', zh: '請重開或開立病人的個案，然後重試該提交。' },
  'yida.ambiguous_case': { en: 'Map a case-code field on the form, then retry.', zh: '請在表單對應個案編號欄位，然後重試。' },
  'yida.fetch_failed': RETRY,
  'yida.state_changed': { en: 'Reload the list: someone may have just handled it.', zh: '請重新載入清單：可能剛有人處理了它。' },
  'specialty.unknown': { en: 'Use a specialty code such as cardiology, or its name (心臟科).', zh: '請使用專科代碼（如 cardiology）或專科名稱（如 心臟科）。' },
  'roster.not_permitted': { en: 'Ask the roster owner or your hospital’s ConsultBridge admin.', zh: '請聯絡當值表負責人或院方 ConsultBridge 管理員。' },
  'roster.shift_not_found': { en: 'Reload the roster: the shift may have been changed or removed.', zh: '請重新載入當值表：該班次可能已被修改或刪除。' },
  'roster.end_before_start': { en: 'Check the start and end times (a night shift ends on the next day).', zh: '請檢查開始及結束時間（夜班於翌日結束）。' },
  'roster.overlap': { en: 'Pick another clinician, or change or remove their other shift first.', zh: '請選擇另一位醫護人員，或先修改或刪除其另一班次。' },
  'roster.time_invalid': { en: 'Write the time in HK time as YYYY-MM-DD HH:mm, or HH:mm for today.', zh: '請以香港時間 YYYY-MM-DD HH:mm 填寫，或以 HH:mm 表示今天。' },
  'roster.cover_outside': { en: 'Pick a time between the shift’s start and end.', zh: '請選擇介乎班次開始與結束之間的時間。' },
};

const FALLBACK: ErrorHint = ADMIN;

/** The "what to do" line for a code in the reader's language. */
export function errorHint(code: ErrorCode, lang: 'en' | 'zh'): string {
  return (ERROR_HINTS[code] ?? FALLBACK)[lang];
}
