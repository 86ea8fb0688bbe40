export interface MedicationEntry {
  id: string; caseId: string; source: 'clinician' | 'ehr'; ehrRef: string | null;
  text: string; ingredients: string[]; unresolved: string[];
  dose: string | null; route: string | null; frequency: string | null;
  prescriberId: string | null; prescriberName: string | null; institutionId: string | null;
  startOn: string | null; stopOn: string | null; status: 'active' | 'stopped';
  createdAt: number; createdBy: string;
}
export interface MedicationAdded { caseId: string; caseCode: string; entry: MedicationEntry; actorId: string }
export type OnMedicationAdded = (event: MedicationAdded) => Promise<void>;
