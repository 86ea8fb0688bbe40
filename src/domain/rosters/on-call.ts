/** first / second call, or a same-specialty colleague on duty who is not on call. */
export type CallLevel = 'first' | 'second' | 'shift';

export interface OnCallQuery {
  institutionId: string;
  specialty: string;
  /** Epoch ms; a shift covers [startsAt, endsAt) and may span midnight (HK time). */
  at: number;
}

/** Who is on call at one moment; clinician ids, each list without duplicates. */
export interface OnCallNow {
  first: string[];
  second: string[];
  shift: string[];
  /** The roster's escalation contact for this institution × specialty, when one is set. */
  escalationContactId: string | null;
}

/** Read by referral routing; implemented by the roster repositories (SQLite and PostgreSQL). */
export interface OnCallPort {
  onCallAt(q: OnCallQuery): Promise<OnCallNow>;
}
