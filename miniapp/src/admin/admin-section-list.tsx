import type { ReactNode } from 'react';
import type { ConsoleSection } from '../../../src/contract/admin-sections.js';
import type { AdminKey } from './admin-messages.js';
import { AuditSection } from './AuditSection.js';
import { CasesSection } from './CasesSection.js';
import { CliniciansSection } from './CliniciansSection.js';
import { DashboardSection } from './DashboardSection.js';
import { FormsSection } from './FormsSection.js';
import { InboundSection } from './InboundSection.js';
import { InstitutionsSection } from './InstitutionsSection.js';
import { OutboxSection } from './OutboxSection.js';
import { OversightSection } from './OversightSection.js';
import { PatientsSection } from './PatientsSection.js';
import { PoliciesSection } from './PoliciesSection.js';
import { ReportSection } from './ReportSection.js';
import { RostersSection } from './rosters/RostersSection.js';
import { ConsultRulesSection } from './consult-rules/ConsultRulesSection.js';
import { MdtSection } from './mdt/MdtSection.js';

export interface SectionView {
  key: ConsoleSection;
  label: AdminKey;
  render: () => ReactNode;
}

/**
 * How each console section looks. Which of them a role sees is not decided here: the admin token
 * answer lists the role's sections (src/contract/admin-sections.ts, the table the routes use too).
 */
export const SECTION_VIEWS: Record<ConsoleSection, SectionView> = {
  clinicians: { key: 'clinicians', label: 'nav.clinicians', render: () => <CliniciansSection /> },
  audit: { key: 'audit', label: 'nav.audit', render: () => <AuditSection /> },
  policies: { key: 'policies', label: 'nav.policies', render: () => <PoliciesSection /> },
  oversight: { key: 'oversight', label: 'nav.oversight', render: () => <OversightSection /> },
  outbox: { key: 'outbox', label: 'nav.outbox', render: () => <><OutboxSection /><InboundSection /></> },
  report: { key: 'report', label: 'nav.report', render: () => <ReportSection /> },
  institutions: { key: 'institutions', label: 'nav.institutions', render: () => <InstitutionsSection /> },
  cases: { key: 'cases', label: 'nav.cases', render: () => <CasesSection /> },
  dashboard: { key: 'dashboard', label: 'nav.dashboard', render: () => <DashboardSection /> },
  patients: { key: 'patients', label: 'nav.patients', render: () => <PatientsSection /> },
  rosters: { key: 'rosters', label: 'nav.rosters', render: () => <RostersSection /> },
  forms: { key: 'forms', label: 'nav.forms', render: () => <FormsSection /> },
  consult_rules: { key: 'consult_rules', label: 'nav.consultRules', render: () => <ConsultRulesSection /> },
  mdt: { key: 'mdt', label: 'nav.mdt', render: () => <MdtSection /> },
};
