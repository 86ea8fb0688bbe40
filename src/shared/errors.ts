import type { Lang } from './lang.js';

/**
 * One table of error codes for every surface: HTTP maps `status`; both answer in `en` or `zh`
 * (Traditional Chinese) by the reader's language. Every code any surface answers is here (a test checks).
 * Messages are safe to show to a user: no stack traces, no patient data.
 */
export const ERROR_TABLE = {
  'request.invalid': { status: 400, en: 'That request is not valid.', zh: '請求無效。' },
  'request.too_large': { status: 413, en: 'That file is too large.', zh: '檔案太大。' },
  /** Over a route's rate limit (@fastify/rate-limit answers 429; the error handler maps it here). */
  'rate_limited': { status: 429, en: 'Too many requests. Please wait a moment.', zh: '請求太多，請稍候再試。' },
  'auth.required': { status: 401, en: 'Please sign in first.', zh: '請先登入。' },
  'auth.invalid': { status: 401, en: 'Your sign-in is not valid any more.', zh: '登入已失效。' },
  'access.denied': { status: 403, en: "You can't do that.", zh: '你沒有此權限。' },
  'actor.unverified': {
    status: 403,
    en: 'You are not verified yet — ask your hospital’s ConsultBridge admin to verify your registration.',
    zh: '你尚未通過驗證，請聯絡院方 ConsultBridge 管理員核實你的註冊資料。',
  },
  'actor.suspended': { status: 403, en: 'Your account is suspended.', zh: '你的帳戶已被暫停。' },
  'not_found': { status: 404, en: 'Not found.', zh: '找不到。' },
  'conflict': { status: 409, en: 'That was already done.', zh: '此操作已完成。' },
  'phi.blocked': { status: 422, en: 'Blocked: the message contained patient data.', zh: '已阻止：訊息含有病人資料。' },
  'hkid.invalid': { status: 400, en: 'That HKID is not valid.', zh: 'HKID 無效。' },
  'case.code_invalid': {
    status: 400,
    en: 'Case codes look like C-7KQ2M.',
    zh: '個案編號格式如 C-7KQ2M。',
  },
  /** A closed case is read-only (share, request, alert and burn are refused) until its attending re-opens it. */
  'case.closed': {
    status: 409,
    en: 'This case is closed, so nothing new can be added. Its attending can re-open it (reopen C-XXXXX).',
    zh: '此個案已結束，不能再加入新內容。主診醫生可重新開啟個案（reopen C-XXXXX）。',
  },
  /** Revoke named a colleague (or grant) with no live access grant on the case. */
  'grant.none_live': {
    status: 404,
    en: 'That colleague holds no live access grant on this case.',
    zh: '該同事在此個案沒有有效的存取權限。',
  },
  /** A case command sent with no code, outside a group bound to a case: ask for the code, not "can't find". */
  'case.code_missing': { status: 400, en: 'Which case? Add its code after the command.', zh: '哪一個個案？請在指令後加上個案編號。' },
  'search.invalid': {
    status: 400,
    en: 'Search by a case code (C-7KQ2M), an HKID, or whole words of the patient’s name.',
    zh: '請以個案編號（如 C-7KQ2M）、身份證號碼或病人姓名的完整字詞搜尋。',
  },
  'case.not_found': { status: 404, en: "I can't find that case.", zh: '找不到該個案。' },
  /** Consult rules (issue 14): the console's rule text does not validate (details.problems: path + code + message). */
  'consult_rules.invalid': { status: 422, en: 'Those consult rules are not valid.', zh: '會診規則無效。' },
  /** Someone saved the consult rules since this copy was loaded. */
  'consult_rules.stale': { status: 409, en: 'The consult rules were changed by someone else meanwhile.', zh: '會診規則已被其他人更改。' },
  /** The dry run was given a result that is not a FHIR Observation with a numeric value. */
  'consult_rules.observation_invalid': { status: 400, en: 'That is not a FHIR Observation with a numeric value and unit.', zh: '這不是帶數值及單位的 FHIR Observation。' },
  'referral.not_found': { status: 404, en: 'No such referral.', zh: '找不到此轉介。' },
  'referral.closed': { status: 409, en: 'This referral was already accepted, declined or cancelled.', zh: '此轉介已被接受、拒絕或取消。' },
  'referral.not_yours': { status: 403, en: 'This referral is not waiting for you.', zh: '此轉介並非等待你處理。' },
  /** Cancel: only the clinician who sent the referral may withdraw it. */
  'referral.not_requester': { status: 403, en: 'Only the clinician who sent this referral can cancel it.', zh: '只有發出此轉介的醫生可以取消。' },
  'interaction.not_found': { status: 404, en: 'No such interaction alert.', zh: '找不到此藥物相互作用警示。' },
  'interaction.already_decided': { status: 409, en: 'This interaction alert was already acknowledged or overridden.', zh: '此藥物相互作用警示已被確認或推翻。' },
  'interaction.reason_required': { status: 400, en: 'An override needs a reason.', zh: '推翻警示必須附上理由。' },
  'clinician.not_found': { status: 404, en: "I can't find that user in the directory.", zh: '名錄中找不到該用戶。' },
  'directory.last_admin': {
    status: 409,
    en: 'That would leave no active admin. Verify another admin first.',
    zh: '此操作會令系統再無有效的管理員。請先核實另一位管理員。',
  },
  'directory.self_action': {
    status: 409,
    en: 'You can’t suspend, demote or remove yourself; ask another admin.',
    zh: '你不可暫停、降級或移除自己；請由另一位管理員處理。',
  },
  /** An institution code is unique: a second with the same code is refused by name, not as a generic conflict. */
  'institution.code_taken': { status: 409, en: 'An institution with that code already exists.', zh: '已有醫療機構使用此編號。' },
  'institution.not_found': { status: 404, en: "I can't find that institution.", zh: '找不到該醫療機構。' },
  'document.not_found': { status: 404, en: "I can't find that document.", zh: '找不到該文件。' },
  'document.retracted': {
    status: 410,
    en: 'This document was retracted by its sharer or the attending (shared to the wrong case), so it can no longer be opened.',
    zh: '此文件已被分享者或主診醫生撤回（分享到錯誤個案），無法再開啟。',
  },
  'document.already_retracted': {
    status: 409,
    en: 'This document has already been retracted or destroyed.',
    zh: '此文件已被撤回或銷毀。',
  },
  'refile.same_case': {
    status: 400,
    en: 'Choose a different case: the document is already filed under this one.',
    zh: '請選擇另一個個案：文件已存放於此個案。',
  },
  'patient.not_found': {
    status: 404,
    en: 'No patient record matches that HKID or case code.',
    zh: '找不到與該 HKID 或個案編號相符的病人紀錄。',
  },
  'patient.merge_same': {
    status: 400,
    en: 'Both entries point to the same patient record: there is nothing to merge.',
    zh: '兩項資料指向同一病人紀錄，無需合併。',
  },
  'register.unavailable': {
    status: 502,
    en: 'The register lookup did not answer. Check the register yourself and record a manual check.',
    zh: '註冊名冊查詢沒有回應。請自行查核名冊，並記錄為人手查核。',
  },
  'register.not_listed': {
    status: 409,
    en: 'The register does not list that number as registered. Check the number with the clinician.',
    zh: '註冊名冊上沒有該號碼的有效註冊。請與該醫護人員核對號碼。',
  },
  'vault.decrypt_failed': { status: 500, en: 'The document could not be opened.', zh: '無法開啟文件。' },
  'upload.type': { status: 415, en: 'Only PDF, JPEG and PNG files are accepted.', zh: '只接受 PDF、JPEG 及 PNG 檔案。' },
  'upload.empty': { status: 400, en: 'The file is empty.', zh: '檔案是空的。' },
  'upload.corrupt': { status: 400, en: 'The file is damaged.', zh: '檔案已損壞。' },
  'upload.too_many_pages': { status: 422, en: 'The file has too many pages.', zh: '檔案頁數太多。' },
  'upload.image_too_large': { status: 422, en: 'An image in the file is too large.', zh: '檔案內的圖像太大。' },
  'upload.too_complex': {
    status: 422,
    en: 'The file is too complex to open safely (too much compressed data, too many parts, or it took too long).',
    zh: '檔案過於複雜，無法安全開啟（壓縮內容太多、組件太多或處理時間太長）。',
  },
  'upload.active_content': {
    status: 422,
    en: 'Files with scripts, attachments or launch actions are not accepted.',
    zh: '不接受含有程式碼、附件或啟動動作的檔案。',
  },
  /** A stored document that fails to render at view (damaged, over a limit, or its render worker failed). */
  'document.unrenderable': { status: 422, en: 'This document cannot be displayed.', zh: '無法顯示此文件。' },
  'render.busy': { status: 429, en: 'Too many documents are being opened. Please try again in a moment.', zh: '開啟文件的人太多，請稍後再試。' },
  'token.invalid': { status: 401, en: 'That link is not valid.', zh: '連結無效。' },
  'token.expired': { status: 401, en: 'That link has expired.', zh: '連結已過期。' },
  /** A mini-app link intent past its time (not 401: the app would take that for a lost sign-in). */
  'link.expired': { status: 410, en: 'That link has expired.', zh: '連結已過期。' },
  /** A voice note is kept for its sender to confirm for a short time only (and only until it is saved). */
  'voice.expired': { status: 410, en: 'That voice note is no longer kept.', zh: '該語音訊息已不再保留。' },
  /** Saving a voice note as a medication needs at least one drug the sender confirmed. */
  'voice.no_drug': { status: 400, en: 'Confirm a drug heard in the voice note to save it as a medication.', zh: '請先確認語音訊息中聽到的藥物，才可存為用藥。' },
  /** The case medication list is not wired on this deployment yet: nothing is recorded as a medication. */
  /** Only a diagnosis or symptom of the lexicon can be confirmed as a problem on a case. */
  'note.not_a_problem': { status: 400, en: 'That term is not a diagnosis or symptom.', zh: '該用語不是診斷或症狀。' },
  /** A view token sent in a signed-in app's request body: not 401 either (that means a lost sign-in there). */
  'view.token_invalid': { status: 400, en: 'That view is not valid. Open the document again.', zh: '檢視無效，請重新開啟文件。' },
  'view.token_expired': { status: 410, en: 'That view has expired. Open the document again.', zh: '檢視已過期，請重新開啟文件。' },
  'approval.already_decided': { status: 409, en: 'That request was already decided.', zh: '該申請已有決定。' },
  'approval.none_pending': {
    status: 404,
    en: 'There is no pending request on that case that you can decide.',
    zh: '該個案沒有你可以批核的待決申請。',
  },
  'approval.expired': { status: 410, en: 'That request has expired.', zh: '該申請已過期。' },
  /** Approving would not let the requester open the document: a condition an approval cannot supply is missing. */
  'approval.would_not_open': {
    status: 409,
    en: 'Not approved: even with your approval the requester could not open this document. The request is still waiting.',
    zh: '未批准：即使你批准，申請人仍無法開啟此文件。申請仍在等候處理。',
  },
  'grant.expired': { status: 403, en: 'Your access has expired.', zh: '你的存取權限已過期。' },
  'burned': { status: 410, en: 'This message has burned and can’t be opened.', zh: '此訊息已銷毀，無法開啟。' },
  'burn.duration_invalid': { status: 400, en: 'Burn time must be between 10 s and 24 h, e.g. 30s, 5m or 2h.', zh: '銷毀時間須介乎 10 秒至 24 小時，例如 30s、5m 或 2h。' },
  'burn.no_recipients': { status: 422, en: 'Nobody else on this case can open it yet.', zh: '此個案暫時沒有其他人可以開啟。' },
  'dingtalk.error': { status: 502, en: 'DingTalk did not accept the request.', zh: '釘釘未能處理請求。' },
  'dingtalk.unavailable': { status: 503, en: 'DingTalk is not reachable right now.', zh: '暫時無法連接釘釘。' },
  'ehr.unavailable': { status: 503, en: 'The health record system is not reachable right now.', zh: '暫時無法連接電子健康紀錄系統。' },
  'ehr.rejected': { status: 502, en: 'The health record system did not accept the record.', zh: '電子健康紀錄系統未接受該紀錄。' },
  'ehr.patient_not_found': {
    status: 404,
    en: 'The health record system has no patient with that identifier.',
    zh: '電子健康紀錄系統中找不到該病人。',
  },
  'ehr.not_configured': { status: 409, en: 'No health record system is connected.', zh: '尚未連接電子健康紀錄系統。' },
  'config.invalid': { status: 500, en: 'Configuration error.', zh: '設定錯誤。' },
  'audit.corrupt': { status: 500, en: 'The audit log failed verification.', zh: '審計日誌驗證失敗。' },
  /** A confirmed lexicon id that is not a drug entry (the form sends only ids the normaliser matched). */
  'medication.unknown_term': {
    status: 400,
    en: 'That drug is not in the clinical lexicon.',
    zh: '臨床詞庫中沒有該藥物。',
  },
  'medication.date_invalid': {
    status: 400,
    en: 'Dates must be real dates (YYYY-MM-DD), and a stop date cannot be before the start date.',
    zh: '日期必須是有效日期（YYYY-MM-DD），而停用日期不可早於開始日期。',
  },
  'medication.not_found': { status: 404, en: 'That medication is not on this case.', zh: '此個案沒有該藥物紀錄。' },
  'internal': { status: 500, en: 'Something went wrong. Please try again.', zh: '發生錯誤，請再試一次。' },
  /** Rule review (issue 13): only a clinician whose directory role is pharmacist reviews interaction rules. */
  'rule.pharmacist_only': {
    status: 403,
    en: 'Only pharmacists may review the interaction rules.',
    zh: '只有藥劑師可覆核藥物相互作用規則。',
  },
  'rule.not_found': { status: 404, en: 'The rule set in use has no such rule.', zh: '現行規則集沒有此規則。' },
  /** Disable and re-enable must say why (kept with the rule, shown on the page). */
  'rule.reason_required': {
    status: 400,
    en: 'Give a reason (at least 3 characters).',
    zh: '請註明原因（最少 3 個字）。',
  },
  /** Sign off a rule already signed off or disabled, disable a disabled rule, re-enable an enabled one. */
  'rule.state_changed': {
    status: 409,
    en: 'This rule is not in a state that allows that (someone may have just reviewed it).',
    zh: '此規則目前的狀態不容許此操作（可能剛有人覆核了它）。',
  },
  /** MDT meetings (issue 14 item 4). */
  'mdt.time_invalid': { status: 400, en: 'Give the meeting time as YYYY-MM-DD HH:mm (Hong Kong time), in the future.', zh: '請以 YYYY-MM-DD HH:mm（香港時間）填寫會議時間，並須為將來的時間。' },
  'mdt.not_found': { status: 404, en: 'There is no such MDT meeting.', zh: '沒有此多專科會議。' },
  'mdt.not_participant': { status: 403, en: 'Only the meeting’s participants can do that.', zh: '只有會議參與者可進行此操作。' },
  'mdt.state_changed': { status: 409, en: 'The meeting’s minutes are not at a stage that allows that (someone may have just acted).', zh: '會議紀錄目前的階段不容許此操作（可能剛有人處理了）。' },
  'mdt.not_your_step': { status: 403, en: 'This sign-off step is not yours to decide.', zh: '此簽核步驟不是由你決定。' },
  'mdt.chain_unfilled': { status: 422, en: 'A required sign-off step has nobody to fill it.', zh: '必要的簽核步驟沒有合適人選。' },
  'mdt.summary_invalid': { status: 400, en: 'The summary is not complete: every action needs its text and an owner from the meeting.', zh: '摘要不完整：每項跟進須有內容及會議中的負責人。' },
  'mdt.comment_required': { status: 400, en: 'Say why you return the summary.', zh: '請說明退回摘要的原因。' },
  'mdt.action_not_found': { status: 404, en: 'There is no such action of yours.', zh: '你沒有此跟進項目。' },
  /** Yida form archive (issue 14 item 5). The callback is off without YIDA_CALLBACK_SECRET. */
  'yida.disabled': { status: 404, en: 'The Yida form callback is not switched on.', zh: '宜搭表單回調未啟用。' },
  'yida.bad_secret': { status: 401, en: 'The Yida callback secret is missing or wrong.', zh: '宜搭回調密鑰缺少或錯誤。' },
  'yida.bad_source': { status: 403, en: 'Yida callbacks are not accepted from this address.', zh: '不接受來自此地址的宜搭回調。' },
  'yida.bad_body': { status: 400, en: 'The Yida callback body is not valid.', zh: '宜搭回調內容無效。' },
  'yida.unmapped': { status: 422, en: 'This Yida form is not mapped to a case record yet.', zh: '此宜搭表單尚未對應個案記錄。' },
  'yida.malformed': { status: 422, en: 'The Yida form data could not be read.', zh: '無法讀取宜搭表單資料。' },
  'yida.no_patient_id': { status: 422, en: 'The form has no valid HKID in its patient field.', zh: '表單的病人欄位沒有有效的 HKID。' },
  'yida.no_patient': { status: 422, en: 'No patient with that HKID is on ConsultBridge.', zh: 'ConsultBridge 沒有此 HKID 的病人。' },
  'yida.no_case': { status: 422, en: 'The patient has no open case to file the form to.', zh: '病人沒有可歸檔表單的開啟中個案。' },
  'yida.ambiguous_case': { status: 422, en: 'The patient has several open cases: the form must name one.', zh: '病人有多個開啟中個案：表單須註明個案編號。' },
  'yida.fetch_failed': { status: 502, en: 'DingTalk did not give the form data (it will be retried).', zh: '釘釘未能提供表單資料（將會重試）。' },
  'yida.returned': { status: 409, en: 'The approver returned this submission instead of filing it.', zh: '審批人已退回此提交，未予歸檔。' },
  'yida.state_changed': { status: 409, en: 'That submission is not in a state that allows this.', zh: '該提交目前的狀態不容許此操作。' },
  'specialty.unknown': { status: 400, en: "I don't know that specialty.", zh: '不認識該專科。' },
  /** Roster edits: an admin, or the roster owner of that institution × specialty. */
  'roster.not_permitted': { status: 403, en: 'Only the roster owner or an admin can change this roster.', zh: '只有當值表負責人或管理員可修改此當值表。' },
  'roster.shift_not_found': { status: 404, en: "I can't find that on-call shift.", zh: '找不到該當值班次。' },
  'roster.end_before_start': { status: 400, en: 'A shift must end after it starts.', zh: '班次的結束時間必須在開始時間之後。' },
  'roster.overlap': { status: 409, en: 'That clinician already has a shift at that time.', zh: '該醫護人員在該時段已有班次。' },
  'roster.time_invalid': { status: 400, en: 'Times look like 2030-01-07 08:00 or 20:00 (HK time).', zh: '時間格式如 2030-01-07 08:00 或 20:00（香港時間）。' },
  'roster.cover_outside': { status: 400, en: 'The cover must fall within the shift.', zh: '代班時段必須在該班次之內。' },
} as const satisfies Record<string, { status: number; en: string; zh: string }>;

export type ErrorCode = keyof typeof ERROR_TABLE;

/** A code's safe message in the reader's language (zh = Traditional Chinese). */
export function errorMessage(code: ErrorCode, lang: Lang): string {
  return ERROR_TABLE[code][lang];
}

/** An expected, operational failure with a stable code; safe to show by its code's message. */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly details?: Record<string, unknown>;
  constructor(code: ErrorCode, message?: string, opts?: { cause?: unknown; details?: Record<string, unknown> }) {
    super(message ?? ERROR_TABLE[code].en, opts?.cause ? { cause: opts.cause } : undefined);
    this.name = 'DomainError';
    this.code = code;
    this.details = opts?.details;
  }
  get status(): number {
    return ERROR_TABLE[this.code].status;
  }
}

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}

/** Wraps anything thrown into a DomainError; unknown failures become `internal`. */
export function asDomainError(e: unknown): DomainError {
  return isDomainError(e) ? e : new DomainError('internal', undefined, { cause: e });
}
