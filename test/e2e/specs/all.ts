// Every browser spec, one import and one entry per line (merged as a union: see .gitattributes).
import { adminTests } from './admin-console.js';
import { adminLayoutTests } from './admin-layout.js';
import { signInTests } from './sign-in-and-me.js';
import { dingTalkSignInTests } from './dingtalk-sign-in.js';
import { doctorTests } from './doctor-flow.js';
import { shellTests } from './shell.js';
import { sandboxChatTests } from './sandbox-chat.js';
import { sandboxChatScrollTests } from './sandbox-chat-scroll.js';
import { burnTests } from './burn-flow.js';
import { composeTests } from './compose.js';
import { formLinkTests } from './form-links.js';
import { patientBannerTests } from './patient-banner.js';
import { correctionTests } from './correction.js';
import { errorScreenTests } from './error-screens.js';
import { alertStatusTests } from './alert-status.js';
import { grantCaseTests } from './grants-cases.js';
import { myCasesTests } from './my-cases.js';
import { hkTimePickerTests } from './hk-time-picker.js';
import { noUuidWalkTests } from './no-uuid-walk.js';
import { bannerSexRecordTests } from './banner-sex-record.js';
import { grantRevokeConsoleTests } from './grant-revoke-console.js';
import { ruleReviewTests } from './rule-review.js';
import { medicationTests } from './medications.js';
import { voiceSummaryTests } from './voice-summary.js';
import { interactionTests } from './interactions.js';
import { rosterTests } from './rosters.js';
import { mdtSignoffTests } from './mdt-signoff.js';
import { referralTests } from './referrals.js';
import { yidaFormTests } from './yida-forms.js';
import { consultRuleTests } from './consult-rules.js';
import { consoleLoadMoreTests } from './console-load-more.js';
import { ruleReferralTests } from './rule-referral.js';
import { inboxScrollTests } from './inbox-scroll.js';
import { caseListsScrollTests } from './case-lists-scroll.js';
import { referralEscalationTests } from './referral-escalation.js';
import type { E2eTest } from '../harness.js';

/** One entry per spec file; each runs against a fresh service (its own data folder), in this order. */
export const allSpecs: E2eTest[][] = [
  signInTests,
  dingTalkSignInTests,
  shellTests,
  sandboxChatTests,
  sandboxChatScrollTests,
  adminTests,
  adminLayoutTests,
  doctorTests,
  burnTests,
  formLinkTests,
  composeTests,
  patientBannerTests,
  correctionTests,
  errorScreenTests,
  alertStatusTests,
  grantCaseTests,
  myCasesTests,
  hkTimePickerTests,
  noUuidWalkTests,
  bannerSexRecordTests,
  grantRevokeConsoleTests,
  ruleReviewTests,
  medicationTests,
  voiceSummaryTests,
  interactionTests,
  rosterTests,
  mdtSignoffTests,
  referralTests,
  yidaFormTests,
  consultRuleTests,
  consoleLoadMoreTests,
  ruleReferralTests,
  inboxScrollTests,
  caseListsScrollTests,
  referralEscalationTests,
];
