import type { ClinicianRow } from '../../domain/directory/directory-repository.js';

/** A grant ended before its time: by a revoke, or because its case was closed. */
export interface GrantEnded {
  grantee: ClinicianRow;
  by: ClinicianRow;
  caseCode: string;
  cause: 'revoked' | 'case_closed';
  /** When it ended (keys the notice, so a retry sends it once). */
  at: number;
  /** The access requests whose grants ended, so their requester's cards can say so. */
  requestIds?: readonly string[];
}

/** Whom the grant intents tell (the bot sends 1:1 DingTalk messages: codes and names, never patient data). */
export interface GrantNotices {
  grantEnded(n: GrantEnded): Promise<void>;
}
