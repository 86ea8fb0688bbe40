import type { AUDIT_ACTIONS, AuditOutcome } from './audit-sink.js';

type AuditActionCode = (typeof AUDIT_ACTIONS)[keyof typeof AUDIT_ACTIONS];
type Words = { en: string; zh: string };

/**
 * The audit log's vocabulary in words, both languages, for the console (the log itself keeps the
 * codes). Partial so a new action compiles first; test/unit/translations.test.ts fails until it is
 * named here. Type-only imports: the mini-app bundles this file.
 */
export const AUDIT_ACTION_WORDS: Partial<Record<AuditActionCode, Words>> = {
  'event.received': { en: 'DingTalk event received', zh: '收到釘釘事件' },
  'event.malformed': { en: 'Unreadable DingTalk event', zh: '無法讀取的釘釘事件' },
  'event.duplicate': { en: 'Repeated DingTalk event ignored', zh: '忽略重複的釘釘事件' },
  'event.dead': { en: 'DingTalk event given up', zh: '放棄處理釘釘事件' },
  'command.run': { en: 'Chat command', zh: '聊天指令' },
  'card.pressed': { en: 'Card button pressed', zh: '按下卡片按鈕' },
  'access.decision': { en: 'Access checked', zh: '存取檢查' },
  'outbound.send': { en: 'Message sent', zh: '已傳送訊息' },
  'outbound.blocked': { en: 'Message blocked', zh: '訊息被阻止' },
  'outbound.dead': { en: 'Message could not be sent', zh: '訊息無法傳送' },
  'inbound.phi_warned': { en: 'Patient data in chat: sender warned', zh: '聊天含病人資料：已提醒傳送者' },
  'voice.note': { en: 'Voice note read for clinical terms', zh: '已讀取語音訊息的臨床用語' },
  'medication.added': { en: 'Medication recorded on a case', zh: '已在個案記錄藥物' },
  'medication.stopped': { en: 'Medication stopped', zh: '已停用藥物' },
  'medication.imported': { en: 'Medications imported from the health record', zh: '已從電子健康紀錄匯入藥物' },
  'medication.viewed': { en: 'Medication list read', zh: '已查閱藥物清單' },
  'referral.opened': { en: 'Referral sent', zh: '已發出轉介' },
  'referral.seen': { en: 'Referral opened by its assignee', zh: '轉介已由接收者開啟' },
  'referral.accepted': { en: 'Referral accepted', zh: '已接受轉介' },
  'referral.declined': { en: 'Referral declined', zh: '已拒絕轉介' },
  'referral.escalated': { en: 'Referral passed to the next on call', zh: '轉介已轉交下一位當值醫生' },
  'referral.cancelled': { en: 'Referral cancelled', zh: '已取消轉介' },
  'interaction.alerted': { en: 'Drug interaction alert sent', zh: '已發出藥物相互作用警示' },
  'interaction.unchecked': { en: 'Medication could not be checked for interactions', zh: '藥物未能作相互作用檢查' },
  'interaction.viewed': { en: 'Drug interaction alert viewed', zh: '已查閱藥物相互作用警示' },
  'interaction.acknowledged': { en: 'Drug interaction alert acknowledged', zh: '已確認藥物相互作用警示' },
  'interaction.overridden': { en: 'Drug interaction alert overridden with a reason', zh: '已附理由推翻藥物相互作用警示' },
  'voice.saved': { en: 'Voice note saved to a case', zh: '語音訊息已存入個案' },
  'case.note_added': { en: 'Note added to a case', zh: '已在個案加入筆記' },
  'case.problem_confirmed': { en: 'Problem confirmed on a case', zh: '已確認個案的臨床問題' },
  'case.summary_read': { en: 'Case key points read', zh: '已讀取個案重點摘要' },
  'rule.signed_off': { en: 'Interaction rule signed off', zh: '簽核藥物相互作用規則' },
  'rule.disabled': { en: 'Interaction rule disabled', zh: '停用藥物相互作用規則' },
  'rule.enabled': { en: 'Interaction rule re-enabled', zh: '重新啟用藥物相互作用規則' },
  'directory.user_added': { en: 'User added', zh: '新增用戶' },
  'directory.verified': { en: 'User verified', zh: '用戶已驗證' },
  'directory.suspended': { en: 'User suspended', zh: '用戶已暫停' },
  'directory.reinstated': { en: 'User reinstated', zh: '用戶已恢復' },
  'directory.institution_added': { en: 'Institution added', zh: '新增醫療機構' },
  'directory.left_org': { en: 'User left the organisation', zh: '用戶已離開機構' },
  'directory.admin_guard': { en: 'Admin change refused', zh: '管理員變更被拒' },
  'admin.token_issued': { en: 'Console sign-in', zh: '登入管理控制台' },
  'admin.explained': { en: 'Access explained', zh: '解釋存取決定' },
  'audit.exported': { en: 'Audit log exported', zh: '匯出審計日誌' },
  'outbox.retried': { en: 'Message retried', zh: '重試訊息' },
  'outbox.discarded': { en: 'Message discarded', zh: '捨棄訊息' },
  'report.data_access': { en: 'Data-access report viewed', zh: '查閱資料存取報告' },
  'auth.login': { en: 'Signed in', zh: '登入' },
  'auth.refresh': { en: 'Sign-in renewed', zh: '更新登入' },
  'auth.refresh_reused': { en: 'Reused sign-in detected', zh: '偵測到重用的登入' },
  'auth.logout': { en: 'Signed out', zh: '登出' },
  'case.open_started': { en: 'Case form sent', zh: '已發出開案表格' },
  'case.opened': { en: 'Case opened', zh: '已開案' },
  'case.existing_offered': { en: 'Existing case offered', zh: '提供現有個案' },
  'case.group_bound': { en: 'Group linked to case', zh: '群組已連結個案' },
  'case.group_unbound': { en: 'Group unlinked from case', zh: '群組已解除連結個案' },
  'case.team_added': { en: 'Care team member added', zh: '新增照護團隊成員' },
  'case.team_removed': { en: 'Care team member removed', zh: '移除照護團隊成員' },
  'case.consent_started': { en: 'Consent form sent', zh: '已發出同意書' },
  'case.consent_recorded': { en: 'Consent recorded', zh: '已記錄同意' },
  'case.form_link_refused': { en: 'Form link refused', zh: '表格連結被拒' },
  'case.patient_revealed': { en: 'Patient details viewed', zh: '查閱病人資料' },
  'case.patient_searched': { en: 'Cases searched by patient', zh: '以病人資料搜尋個案' },
  'config.loaded': { en: 'Settings loaded', zh: '載入設定' },
  'key.created': { en: 'Key created', zh: '建立金鑰' },
  'key.rotated': { en: 'Key rotated', zh: '輪換金鑰' },
  'service.started': { en: 'Service started', zh: '服務啟動' },
  'service.stopped': { en: 'Service stopped', zh: '服務停止' },
  'document.shared': { en: 'Document shared', zh: '已分享文件' },
  'document.notified': { en: 'Team told of document', zh: '已通知團隊新文件' },
  'document.viewed': { en: 'Document viewed', zh: '查閱文件' },
  'document.destroyed': { en: 'Document destroyed', zh: '文件已銷毀' },
  'access.requested': { en: 'Access requested', zh: '申請存取' },
  'access.approved': { en: 'Access approved', zh: '批准存取' },
  'access.denied_by_approver': { en: 'Access refused by approver', zh: '批核人拒絕存取' },
  'access.request_expired': { en: 'Access request expired', zh: '存取申請已過期' },
  'grant.created': { en: 'Access granted', zh: '授予存取權' },
  'grant.expired': { en: 'Access ended', zh: '存取權已到期' },
  'grant.revoked': { en: 'Access revoked', zh: '存取權已撤銷' },
  'breakglass.granted': { en: 'Break-glass access', zh: '緊急存取' },
  'breakglass.reviewed': { en: 'Break-glass reviewed', zh: '已審查緊急存取' },
  'escalation.reminded': { en: 'Reminder sent', zh: '已發出提醒' },
  'escalation.ding': { en: 'DING sent', zh: '已發出 DING' },
  'escalation.escalated': { en: 'Escalated', zh: '已升級' },
  'escalation.stopped': { en: 'Escalation stopped', zh: '停止升級' },
  'retention.purged': { en: 'Removed after retention period', zh: '保存期後刪除' },
  'ephemeral.created': { en: 'Burn-after-reading sent', zh: '已發出閱後即焚' },
  'ephemeral.opened': { en: 'Burn-after-reading opened', zh: '已開啟閱後即焚' },
  'ephemeral.burned': { en: 'Burned for a recipient', zh: '已為收件人銷毀' },
  'ephemeral.destroyed': { en: 'Burn-after-reading destroyed', zh: '閱後即焚已銷毀' },
  'alert.raised': { en: 'Allergy alert raised', zh: '發出過敏警示' },
  'alert.delivered': { en: 'Allergy alert delivered', zh: '過敏警示已送達' },
  'alert.archived': { en: 'Allergy alert archived', zh: '過敏警示已歸檔' },
  'ehr.write_queued': { en: 'Health record update queued', zh: '健康紀錄更新已排隊' },
  'ehr.write_done': { en: 'Health record updated', zh: '健康紀錄已更新' },
  'ehr.write_failed': { en: 'Health record update failed', zh: '健康紀錄更新失敗' },
  'case.closed': { en: 'Case closed', zh: '個案已結束' },
  'case.reopened': { en: 'Case re-opened', zh: '個案已重新開啟' },
  'document.titled': { en: 'Document title set', zh: '設定文件標題' },
  'document.retracted': { en: 'Document retracted', zh: '文件已撤回' },
  'document.refiled': { en: 'Document re-filed', zh: '文件已重新歸檔' },
  'patient.merged': { en: 'Patient records merged', zh: '病人紀錄已合併' },
  'directory.imported': { en: 'Clinicians imported', zh: '已匯入醫護人員' },
  'directory.register_lookup': { en: 'Register looked up', zh: '查詢註冊名冊' },
};

/** Audit outcomes in words. */
export const AUDIT_OUTCOME_WORDS: Record<AuditOutcome, Words> = {
  success: { en: 'Success', zh: '成功' },
  denied: { en: 'Refused', zh: '被拒' },
  failure: { en: 'Failed', zh: '失敗' },
};

/** An action in the reader's language; an action with no words yet is shown as its code. */
export function auditActionWords(action: string, lang: 'en' | 'zh'): string {
  return (AUDIT_ACTION_WORDS as Record<string, Words | undefined>)[action]?.[lang] ?? action;
}

/** An outcome in the reader's language. */
export function auditOutcomeWords(outcome: string, lang: 'en' | 'zh'): string {
  return (AUDIT_OUTCOME_WORDS as Record<string, Words | undefined>)[outcome]?.[lang] ?? outcome;
}
