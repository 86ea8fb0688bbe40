/**
 * The service's API as typed functions. Every request and answer type comes from the server's zod
 * schemas in src/contract (type imports only: nothing of the server, not even zod, enters the bundle),
 * so a changed route shape fails this build instead of blanking a screen.
 */
import type { AdminTokenDto, AuthConfigDto, LanguageBody, MeDto } from '../../../src/contract/auth.js';
import type { AlertBody, AlertRaisedDto, BurnSentDto, BurnTextBody, ComposeOptionsDto, SharedDto } from '../../../src/contract/compose.js';
import type { BurnOpenedDto, CaseConsultTriggersPageDto, CaseDocumentsPageDto, CaseViewDto, DecideBody, InboxDto, InboxList, InboxPageDto, NewDocumentsPageDto, ReasonDto, RequestAnswerDto, ViewTokenDto } from '../../../src/contract/doctor.js';
import type { CorrectionOptionsDto, RefiledDto, RetractedDto } from '../../../src/contract/correction.js';
import type { MyCasesPageDto } from '../../../src/contract/cases.js';
import type { OpenableDocumentsPageDto } from '../../../src/contract/openable-documents.js';
import type { PatientBannerDto } from '../../../src/contract/patient-banner.js';
import type { CaseGrantsDto, CaseStatusBody, CaseStatusDto, DocumentTitleBody, RevokedDto } from '../../../src/contract/grants.js';
import type { AlertStatusDto } from '../../../src/contract/alert-status.js';
import type { CaseInteractionAlertsDto, InteractionAlertDto, InteractionDecidedDto } from '../../../src/contract/interactions.js';
import type { RuleDto, RuleReviewListDto } from '../../../src/contract/rule-review.js';
import type { CaseFormBody, CaseOpenedDto, ConsentFormBody, ConsentRecordedDto, FormIntentDto } from '../../../src/contract/forms.js';
import type { AddMedicationBody, MedicationAddedDto, MedicationEntryDto, MedicationListDto, NormaliseDto } from '../../../src/contract/medications.js';
import type { CaseSummaryDto, ConfirmProblemBody, CreatedDto, SaveVoiceBody, VoiceNoteDto, VoiceSavedDto } from '../../../src/contract/clinical-notes.js';
import type { MdtMeetingDto, MdtSummaryDto } from '../../../src/contract/mdt.js';
import type { CaseMdtPageDto, MdtActionCountsDto } from '../../../src/contract/mdt-lists.js';
import type { AcceptedDto, ReferBody, ReferralDto, ReferredDto } from '../../../src/contract/referral-dto.js';
import type { ReferralDeclineReason } from '../../../src/contract/referrals.js';
import type { FilingDto } from '../../../src/contract/yida.js';
import type { PendingFormDto, PendingFormViewDto } from '../../../src/contract/yida-approval.js';
import type { FormReturnReason } from '../../../src/contract/yida-codes.js';
import type { ApiClient } from './api-client.js';

type Lang = 'zh-HK' | 'en';
const enc = encodeURIComponent;
/** `?cursor=` of a keyset page after the first (nothing for the first). */
const after = (cursor?: string) => (cursor ? `?cursor=${enc(cursor)}` : '');
/** `?lang=` for answers worded by the server (refusal reasons, confirmations), in the UI's language. */
const langQs = (lang: Lang) => `lang=${lang === 'en' ? 'en' : 'zh'}`;

export function createEndpoints(api: ApiClient) {
  return {
    authConfig: () => api.call<AuthConfigDto>('/api/auth/config'),
    me: () => api.call<MeDto>('/api/me'),
    /** Saves the language chosen here as the preference every answer then uses (chat, screens, errors). */
    setLanguage: (language: LanguageBody['language']) => api.call<LanguageBody>('/api/me/language', { method: 'PUT', body: { language } }),
    adminToken: () => api.call<AdminTokenDto>('/api/auth/admin-token', { method: 'POST' }),

    inbox: () => api.call<InboxDto>('/api/app/inbox'),
    /** The inbox's new documents after its first page (cursor: `newDocumentsNext`, then each page's `nextCursor`). */
    inboxDocuments: (cursor: string) => api.call<NewDocumentsPageDto>(`/api/app/inbox/documents?cursor=${encodeURIComponent(cursor)}`),
    /** Another inbox list's next page (cursor: the inbox's `…Next`, then each page's `nextCursor`). */
    inboxPage: <L extends InboxList>(list: L, cursor: string) => api.call<InboxPageDto<L>>(`/api/app/inbox/${list}?cursor=${encodeURIComponent(cursor)}`),
    reasons: () => api.call<ReasonDto[]>('/api/app/reasons'),
    /** Every live document I may open now, newest first, a cursor page at a time. */
    openableDocuments: (cursor?: string) => api.call<OpenableDocumentsPageDto>(`/api/app/documents${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`),
    /** My cases, newest activity first, a cursor page at a time; `q` searches them (code, HKID, name). */
    myCases: (p: { q?: string; cursor?: string; limit?: number }) => {
      const query = new URLSearchParams();
      if (p.q) query.set('q', p.q);
      if (p.cursor) query.set('cursor', p.cursor);
      if (p.limit) query.set('limit', String(p.limit));
      return api.call<MyCasesPageDto>(`/api/app/cases${query.size ? `?${query.toString()}` : ''}`);
    },
    caseView: (code: string) => api.call<CaseViewDto>(`/api/app/cases/${enc(code)}`),
    /** A case's documents after the case view's first page (cursor: `documentsNext`, then each page's `nextCursor`). */
    /** More of the consult rules that fired on a case's results and forms (a keyset page). */
    caseConsultTriggers: (code: string, cursor: string) => api.call<CaseConsultTriggersPageDto>(`/api/app/cases/${enc(code)}/consult-triggers${after(cursor)}`),
    caseDocuments: (code: string, cursor: string) => api.call<CaseDocumentsPageDto>(`/api/app/cases/${enc(code)}/documents?cursor=${enc(cursor)}`),
    /** Who the patient is; 403 access.denied unless the policy lets me open the case's records now. */
    patientBanner: (code: string) => api.call<PatientBannerDto>(`/api/app/cases/${enc(code)}/patient`),
    viewToken: (documentId: string, lang: Lang) => api.call<ViewTokenDto>(`/api/app/documents/${enc(documentId)}/view-token?${langQs(lang)}`, { method: 'POST' }),
    requestAccess: (documentId: string, reasonCode: string, lang: Lang) =>
      api.call<RequestAnswerDto>(`/api/app/documents/${enc(documentId)}/request?${langQs(lang)}`, { body: { reasonCode } }),
    decide: (requestId: string, body: DecideBody, lang: Lang) =>
      api.call<RequestAnswerDto>(`/api/app/requests/${enc(requestId)}/decide?${langQs(lang)}`, { body }),
    /** A view token's PDF (document or burn document); the token goes in the body, never the URL. */
    viewPdf: (url: string, token: string) => api.fetchBytes(url, { token }),

    /** Wrong-patient correction: whether I may retract / re-file, and doing it. */
    correctionOptions: (documentId: string) => api.call<CorrectionOptionsDto>(`/api/app/documents/${enc(documentId)}/correction`),
    retractDocument: (documentId: string) => api.call<RetractedDto>(`/api/app/documents/${enc(documentId)}/retract`, { method: 'POST' }),
    refileDocument: (documentId: string, caseCode: string) => api.call<RefiledDto>(`/api/app/documents/${enc(documentId)}/refile`, { body: { caseCode } }),

    openBurn: (itemId: string) => api.call<BurnOpenedDto>(`/api/app/burn/${enc(itemId)}/open`, { method: 'POST' }),

    composeOptions: (code: string) => api.call<ComposeOptionsDto>(`/api/app/cases/${enc(code)}/compose`),
    shareReport: (code: string, file: Blob, q: { urgent?: boolean; restricted?: string; type?: string; flag?: string }) => {
      const query = new URLSearchParams();
      if (q.type) query.set('type', q.type);
      if (q.urgent) query.set('urgent', '1');
      if (q.restricted) query.set('restricted', q.restricted);
      if (q.flag) query.set('flag', q.flag);
      const qs = query.size ? `?${query.toString()}` : '';
      return api.upload<SharedDto>(`/api/app/cases/${enc(code)}/reports${qs}`, file);
    },
    burnText: (code: string, body: BurnTextBody) => api.call<BurnSentDto>(`/api/app/cases/${enc(code)}/burn`, { body }),
    burnDocument: (code: string, file: Blob, after: number) => api.upload<BurnSentDto>(`/api/app/cases/${enc(code)}/burn/document?after=${after}`, file),
    /** The allergy form's fields (parsed by the server), its submission id and an optional base64 scan. */
    raiseAlert: (code: string, body: AlertBody) => api.call<AlertRaisedDto>(`/api/app/cases/${enc(code)}/alert`, { body }),
    /** The raiser's per-recipient delivered / opened status of their allergy alert. */
    alertStatus: (alertId: string) => api.call<AlertStatusDto>(`/api/app/alerts/${enc(alertId)}/status`),
    /** A drug interaction alert in full (the case's care team); the first look counts as read. */
    interactionAlert: (id: string) => api.call<InteractionAlertDto>(`/api/interaction-alerts/${enc(id)}`),
    /** A case's drug interaction alerts, open first, a keyset page (each opens /doctor/interactions/:id). */
    caseInteractionAlerts: (code: string, cursor?: string) => api.call<CaseInteractionAlertsDto>(`/api/cases/${enc(code)}/interaction-alerts${after(cursor)}`),
    acknowledgeInteraction: (id: string) => api.call<InteractionDecidedDto>(`/api/interaction-alerts/${enc(id)}/acknowledge`, { method: 'POST' }),
    overrideInteraction: (id: string, reason: string) => api.call<InteractionDecidedDto>(`/api/interaction-alerts/${enc(id)}/override`, { body: { reason } }),

    /** Pharmacists: the interaction rule set with each rule's review state; sign off, disable, re-enable. */
    ruleReviews: () => api.call<RuleReviewListDto>('/api/app/rules'),
    signOffRule: (ruleId: string) => api.call<RuleDto>(`/api/app/rules/${enc(ruleId)}/sign-off`, { method: 'POST' }),
    disableRule: (ruleId: string, reason: string) => api.call<RuleDto>(`/api/app/rules/${enc(ruleId)}/disable`, { body: { reason } }),
    enableRule: (ruleId: string, reason: string) => api.call<RuleDto>(`/api/app/rules/${enc(ruleId)}/enable`, { body: { reason } }),

    caseGrants: (code: string) => api.call<CaseGrantsDto>(`/api/app/cases/${enc(code)}/grants`),
    revokeGrant: (grantId: string) => api.call<RevokedDto>(`/api/app/grants/${enc(grantId)}/revoke`, { method: 'POST' }),
    setCaseStatus: (code: string, body: CaseStatusBody) => api.call<CaseStatusDto>(`/api/app/cases/${enc(code)}/status`, { body }),
    /** The sharer's optional title: in the body, never the URL (it may name the patient). */
    setDocumentTitle: (documentId: string, body: DocumentTitleBody) => api.call<null>(`/api/app/documents/${enc(documentId)}/title`, { body }),

    /** A case's medication list (active first is the screen's order); the entries never go to chat. */
    /** A keyset page of the case's medications: active first, then stopped, each newest first. */
    medications: (code: string, cursor?: string) => api.call<MedicationListDto>(`/api/cases/${enc(code)}/medications${after(cursor)}`),
    addMedication: (code: string, body: AddMedicationBody) => api.call<MedicationAddedDto>(`/api/cases/${enc(code)}/medications`, { body }),
    stopMedication: (code: string, id: string) => api.call<{ entry: MedicationEntryDto }>(`/api/cases/${enc(code)}/medications/${enc(id)}/stop`, { method: 'POST' }),
    importMedications: (code: string) => api.call<{ imported: number }>(`/api/cases/${enc(code)}/medications/import`, { method: 'POST' }),
    /** What the typed name matches in the HK clinical lexicon, and how, before anything is saved (in the body: it may be clinical text). */
    normalise: (text: string) => api.call<NormaliseDto>('/api/clinical/normalise', { body: { text } }),
    /** My kept voice note (transcript and matched terms) to confirm, and saving it to one of my cases. */
    voiceNote: (id: string) => api.call<VoiceNoteDto>(`/api/app/voice/${enc(id)}`),
    saveVoiceNote: (id: string, body: SaveVoiceBody) => api.call<VoiceSavedDto>(`/api/app/voice/${enc(id)}/save`, { body }),
    /** A case's key points; confirming a problem the notes suggest. */
    caseSummary: (code: string) => api.call<CaseSummaryDto>(`/api/app/cases/${enc(code)}/summary`),
    confirmProblem: (code: string, body: ConfirmProblemBody) => api.call<CreatedDto>(`/api/app/cases/${enc(code)}/problems`, { body }),
    /** MDT meetings: the meeting screen (minutes, sign-off) and my actions. */
    mdtMeeting: (id: string) => api.call<MdtMeetingDto>(`/api/app/mdt/${enc(id)}`),
    mdtTranscript: (id: string, transcript: string) => api.call<MdtSummaryDto>(`/api/app/mdt/${enc(id)}/transcript`, { body: { transcript } }),
    mdtSaveSummary: (id: string, summary: MdtSummaryDto) => api.call<MdtSummaryDto>(`/api/app/mdt/${enc(id)}/summary`, { body: { summary } }),
    mdtSubmit: (id: string) => api.call<{ steps: MdtMeetingDto['steps'] }>(`/api/app/mdt/${enc(id)}/submit`, { method: 'POST' }),
    mdtDecide: (id: string, body: { decision: 'approved' } | { decision: 'returned'; comment: string }) => api.call<{ next: 'next_step' | 'returned' | 'archived'; documentId: string | null }>(`/api/app/mdt/${enc(id)}/decision`, { body }),
    /** A case's MDT meetings, newest first (cursor: the previous page's `nextCursor`). */
    caseMdt: (code: string, cursor?: string) => api.call<CaseMdtPageDto>(`/api/app/cases/${enc(code)}/mdt${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`),
    mdtActionCounts: () => api.call<MdtActionCountsDto>('/api/app/mdt-actions/counts'),
    /** My MDT actions, open first then done, a keyset page (cursor: the previous page's `nextCursor`). */
    myMdtActions: (cursor?: string) => api.call<{ items: MdtMeetingDto['actions']; nextCursor: string | null }>(`/api/app/mdt-actions${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`),
    mdtActionDone: (id: string) => api.call<{ ok: true }>(`/api/app/mdt-actions/${enc(id)}/done`, { method: 'POST' }),

    /** Referrals: the case screen's Refer form and live list; the assignee's screen (opening marks it seen). */
    refer: (code: string, body: ReferBody) => api.call<ReferredDto>(`/api/cases/${enc(code)}/referrals`, { body }),
    caseReferrals: (code: string, cursor?: string) => api.call<{ items: ReferralDto[]; nextCursor: string | null }>(`/api/cases/${enc(code)}/referrals${after(cursor)}`),
    referral: (id: string) => api.call<ReferralDto>(`/api/referrals/${enc(id)}`),
    acceptReferral: (id: string) => api.call<AcceptedDto>(`/api/referrals/${enc(id)}/accept`, { method: 'POST' }),
    declineReferral: (id: string, reason: ReferralDeclineReason) => api.call<ReferralDto>(`/api/referrals/${enc(id)}/decline`, { body: { reason } }),
    cancelReferral: (id: string) => api.call<ReferralDto>(`/api/referrals/${enc(id)}/cancel`, { method: 'POST' }),
    /** Yida forms waiting for my approval (inbox), one as its record would read, approve or return with a coded reason. */
    pendingForms: (cursor?: string) => api.call<{ items: PendingFormDto[]; nextCursor: string | null }>(`/api/app/yida/submissions/pending${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`),
    pendingForm: (id: string) => api.call<PendingFormViewDto>(`/api/app/yida/submissions/${enc(id)}`),
    approveForm: (id: string) => api.call<FilingDto>(`/api/app/yida/submissions/${enc(id)}/approve`, { method: 'POST' }),
    returnForm: (id: string, reason: FormReturnReason) => api.call<{ returned: true }>(`/api/app/yida/submissions/${enc(id)}/return`, { body: { reason } }),

    formIntent: (intentId: string) => api.call<FormIntentDto>(`/api/app/forms/${enc(intentId)}`),
    submitCaseOpen: (intentId: string, body: CaseFormBody) => api.call<CaseOpenedDto>(`/api/app/forms/case-open/${enc(intentId)}`, { body }),
    submitConsent: (intentId: string, body: ConsentFormBody) => api.call<ConsentRecordedDto>(`/api/app/forms/consent/${enc(intentId)}`, { body }),
  };
}

export type Endpoints = ReturnType<typeof createEndpoints>;
