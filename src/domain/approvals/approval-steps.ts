/** Who can approve a step of an access request; the chain is a sequence of these. */
export const APPROVER_STEPS = ['attending', 'privacy_officer'] as const;
export type ApproverStep = (typeof APPROVER_STEPS)[number];
