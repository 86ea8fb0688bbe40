/** A document shared into a case or imported, as the rules see it; `flags` stay in memory. */
export interface DocumentSharedEvent {
  caseId: string;
  caseCode: string;
  documentId: string;
  docType: string;
  flags: readonly string[];
}

/** The hook sharing calls after a document is registered (compose wires it to the consult rules). */
export type OnDocumentShared = (event: DocumentSharedEvent) => Promise<void>;

/**
 * A Yida form filed to a case (issue 14 item 5): a document like a shared one (its mapped document type
 * and flag fields), plus the number fields the mapping reads as results (LOINC code, unit, value).
 */
export interface FormFiledEvent extends DocumentSharedEvent {
  results: readonly { loinc: string; unit: string; value: number }[];
}

/** The hook filing calls after a submission is filed (compose wires it to the consult rules). */
export type OnFormFiled = (event: FormFiledEvent) => Promise<void>;
