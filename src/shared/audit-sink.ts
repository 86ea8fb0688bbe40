/**
 * The port every module uses to record a security-relevant step. The Merkle-backed AuditLog
 * implements it; tests may pass a recording sink. Entries carry ids and codes, never message text
 * or patient data.
 */
export type AuditOutcome = 'success' | 'denied' | 'failure';

export interface AuditInput {
  /** Who: a clinician id, a DingTalk userId, or `system`. */
  actor: string;
  /** What: a dotted code from AUDIT_ACTIONS. */
  action: string;
  /** On what: an id such as a msgId, case code, document id or outbox key. */
  target?: string;
  outcome: AuditOutcome;
  /** Why: a reason code (e.g. `not_on_care_team`), never free text from a user. */
  reason?: string;
  /** Short trace code for watermarked views. */
  trace?: string;
  /** Defaults to the log's clock. */
  at?: number;
}

export interface AuditSink {
  /**
   * Queues the entry for the next group commit; returns its leaf index. With `{ now: true }` the entry
   * (and everything queued before it) is written before this returns — inside a caller's transaction,
   * as part of it — so an effect and its audit entry commit together and a crash cannot keep one
   * without the other.
   */
  append(entry: AuditInput, opts?: { now?: boolean }): number;
}

/** Closed vocabulary of audit actions. Add new ones here, grouped by area. */
export const AUDIT_ACTIONS = {
  eventReceived: 'event.received',
  eventMalformed: 'event.malformed',
  eventDuplicate: 'event.duplicate',
  eventDead: 'event.dead',
  commandRun: 'command.run',
  cardPressed: 'card.pressed',
  accessDecision: 'access.decision',
  outboundSend: 'outbound.send',
  outboundBlocked: 'outbound.blocked',
  outboundDead: 'outbound.dead',
  inboundPhiWarned: 'inbound.phi_warned',
  voiceNote: 'voice.note',
  /** A kept voice note saved to a case (reason: `note` or `medication`); target is the case code. */
  voiceSaved: 'voice.saved',
  /** A note added to a case (reason: where it came from); target is the case code, never the text. */
  caseNoteAdded: 'case.note_added',
  /** A problem confirmed on a case; target is the case code, never the problem. */
  caseProblemConfirmed: 'case.problem_confirmed',
  /** A case's key points read (or refused); target is the case code. */
  caseSummaryRead: 'case.summary_read',
  /** Interaction rule review (issue 13): a pharmacist signs a rule off, disables or re-enables it (target rule@version). */
  ruleSignedOff: 'rule.signed_off',
  ruleDisabled: 'rule.disabled',
  ruleEnabled: 'rule.enabled',
  directoryUserAdded: 'directory.user_added',
  directoryVerified: 'directory.verified',
  directorySuspended: 'directory.suspended',
  directoryReinstated: 'directory.reinstated',
  directoryInstitutionAdded: 'directory.institution_added',
  /** Left the organisation (DingTalk `user_leave_org`, or an admin's removal): verification, roles, grants and logins end. */
  directoryLeftOrg: 'directory.left_org',
  /** Suspending or demoting refused: it would leave no active admin, or the admin acted on themselves. */
  directoryAdminGuard: 'directory.admin_guard',
  adminTokenIssued: 'admin.token_issued',
  adminExplained: 'admin.explained',
  auditExported: 'audit.exported',
  outboxRetried: 'outbox.retried',
  outboxDiscarded: 'outbox.discarded',
  reportDataAccess: 'report.data_access',
  authLogin: 'auth.login',
  authRefresh: 'auth.refresh',
  authRefreshReused: 'auth.refresh_reused',
  authLogout: 'auth.logout',
  caseOpenStarted: 'case.open_started',
  caseOpened: 'case.opened',
  caseExistingOffered: 'case.existing_offered',
  caseGroupBound: 'case.group_bound',
  caseGroupUnbound: 'case.group_unbound',
  caseTeamAdded: 'case.team_added',
  caseTeamRemoved: 'case.team_removed',
  caseClosed: 'case.closed',
  caseReopened: 'case.reopened',
  caseConsentStarted: 'case.consent_started',
  caseConsentRecorded: 'case.consent_recorded',
  /** A mini-app form link presented by someone it was not sent to (or unknown): refused. */
  caseFormLinkRefused: 'case.form_link_refused',
  casePatientRevealed: 'case.patient_revealed',
  /** A Cases search by patient (HKID or name): the query only as a keyed hash, never its text. */
  casePatientSearched: 'case.patient_searched',
  configLoaded: 'config.loaded',
  keyCreated: 'key.created',
  keyRotated: 'key.rotated',
  serviceStarted: 'service.started',
  serviceStopped: 'service.stopped',
  documentShared: 'document.shared',
  documentNotified: 'document.notified',
  documentViewed: 'document.viewed',
  documentTitled: 'document.titled',
  documentDestroyed: 'document.destroyed',
  /** Shared to the wrong case and withdrawn by its sharer or the attending; views end, receipts stay. */
  documentRetracted: 'document.retracted',
  /** A retracted document shared again to the right case; the reason carries both case codes. */
  documentRefiled: 'document.refiled',
  /** Duplicate patient records merged by the privacy officer; both HKID hashes resolve to the survivor. */
  patientsMerged: 'patient.merged',
  /** A bulk clinician import (CSV) ran; the reason carries the counts. */
  directoryImported: 'directory.imported',
  /** A register lookup was asked of the configured endpoint (REGISTER_LOOKUP_URL). */
  directoryRegisterLookup: 'directory.register_lookup',
  /** On-call rosters (target: the shift id; reason: `<institution code>:<specialty>:<level>` or counts). */
  rosterShiftAdded: 'roster.shift_added',
  rosterShiftsSwapped: 'roster.shifts_swapped',
  rosterShiftCovered: 'roster.shift_covered',
  rosterShiftRemoved: 'roster.shift_removed',
  rosterSettingsChanged: 'roster.settings_changed',
  rosterImported: 'roster.imported',
  accessRequested: 'access.requested',
  accessApproved: 'access.approved',
  accessDeniedByApprover: 'access.denied_by_approver',
  accessRequestExpired: 'access.request_expired',
  grantCreated: 'grant.created',
  grantExpired: 'grant.expired',
  grantRevoked: 'grant.revoked',
  breakglassGranted: 'breakglass.granted',
  breakglassReviewed: 'breakglass.reviewed',
  escalationReminded: 'escalation.reminded',
  escalationDing: 'escalation.ding',
  escalationEscalated: 'escalation.escalated',
  escalationStopped: 'escalation.stopped',
  retentionPurged: 'retention.purged',
  burnCreated: 'ephemeral.created',
  burnOpened: 'ephemeral.opened',
  burnRecipientBurned: 'ephemeral.burned',
  burnDestroyed: 'ephemeral.destroyed',
  alertRaised: 'alert.raised',
  alertDelivered: 'alert.delivered',
  alertArchived: 'alert.archived',
  ehrWriteQueued: 'ehr.write_queued',
  ehrWriteDone: 'ehr.write_done',
  ehrWriteFailed: 'ehr.write_failed',
  /** A medication entry recorded on a case (the reason says whether its name resolved); never the drug. */
  medicationAdded: 'medication.added',
  medicationStopped: 'medication.stopped',
  /** Entries imported from the EHR (the reason carries the count). */
  medicationImported: 'medication.imported',
  /** A case's medication list read (the reason carries the count). */
  medicationViewed: 'medication.viewed',
  interactionAlerted: 'interaction.alerted',
  interactionUnchecked: 'interaction.unchecked',
  interactionViewed: 'interaction.viewed',
  interactionAcknowledged: 'interaction.acknowledged',
  interactionOverridden: 'interaction.overridden',
  /** MDT meetings (issue 14 item 4): target is the meeting id; never a word of the minutes. */
  mdtScheduled: 'mdt.scheduled',
  mdtMinutesSaved: 'mdt.minutes_saved',
  mdtMinutesRead: 'mdt.minutes_read',
  mdtSubmitted: 'mdt.submitted',
  mdtStepApproved: 'mdt.step_approved',
  mdtReturned: 'mdt.returned',
  mdtArchived: 'mdt.archived',
  mdtActionDone: 'mdt.action_done',
  mdtActionReminded: 'mdt.action_reminded',
  /** Consult rules (issue 14): a rule fired on an item (target the item, reason the rule id); never the flag text or a value. */
  consultRuleFired: 'consult_rule.fired',
  /** The console saved a new consult rule set (reason: the new version). */
  consultRulesSaved: 'consult_rule.saved',
  /** Results read from the EHR for the consult rules (reason: how many were read). */
  resultsImported: 'result.imported',
  /** Referrals (issue 14): target is the referral id; reasons are codes (severity, decline reason, `to:<id>`). */
  referralOpened: 'referral.opened',
  referralSeen: 'referral.seen',
  referralAccepted: 'referral.accepted',
  referralDeclined: 'referral.declined',
  referralEscalated: 'referral.escalated',
  referralCancelled: 'referral.cancelled',
  /** The escalation ran out of people: nobody accepted (reason: the severity). */
  referralUnrouted: 'referral.unrouted',
  /** Yida form archive: a callback stored (target: submission id) or refused (reason: the code). */
  yidaReceived: 'yida.received',
  /** A submission filed to a case as a `form` document (target: document id; reason: the submission id). */
  yidaFiled: 'yida.filed',
  /** A submission kept waiting with a coded error (reason: the code). */
  yidaWaiting: 'yida.waiting',
  yidaDiscarded: 'yida.discarded',
  yidaRetried: 'yida.retried',
  yidaApproved: 'yida.approved',
  yidaViewed: 'yida.viewed',
  yidaReturned: 'yida.returned',
  /** A form mapping saved or removed in the console (target: the form UUID). */
  yidaMappingSaved: 'yida.mapping_saved',
  yidaMappingRemoved: 'yida.mapping_removed',
} as const;
