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
