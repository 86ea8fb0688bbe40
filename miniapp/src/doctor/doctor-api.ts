/** The doctor API's shapes, straight from the server's schemas (src/contract), and how the screens show people. */
import { specialtyIn } from '../api/types.js';
import type { AlertRaisedDto, BurnSentDto, ComposeOptionsDto, SharedDto } from '../../../src/contract/compose.js';
import type { MyCaseDto, MyCasesPageDto } from '../../../src/contract/cases.js';
import type { MedicationAddedDto, MedicationEntryDto, NormaliseDto } from '../../../src/contract/medications.js';
import type { BurnOpenedDto, CaseViewDto, InboxDto, PersonDto, ReasonDto, ViewTokenDto } from '../../../src/contract/doctor.js';

export type Person = PersonDto;
export type Inbox = InboxDto;
export type CaseView = CaseViewDto;
export type Reason = ReasonDto;
export type ViewToken = ViewTokenDto;
export type BurnOpened = BurnOpenedDto;
export type ComposeOptions = ComposeOptionsDto;
export type SharedReport = SharedDto;
export type BurnSent = BurnSentDto;
export type AlertRaised = AlertRaisedDto;
export type MyCase = MyCaseDto;
export type MyCasesPage = MyCasesPageDto;
export type MedicationEntry = MedicationEntryDto;
export type MedicationAdded = MedicationAddedDto;
export type NormaliseMatch = NormaliseDto['matches'][number];

/** A person in the reader's language: 陳大文 in Chinese when known, else the English name. */
export function personName(lang: 'zh-HK' | 'en', p: Person): string {
  return lang === 'zh-HK' ? (p.nameZh ?? p.nameEn) : p.nameEn;
}

export function personLine(lang: 'zh-HK' | 'en', p: Person): string {
  return [personName(lang, p), p.specialty ? specialtyIn(lang, p.specialty) : null, p.institutionCode].filter(Boolean).join(' · ');
}
