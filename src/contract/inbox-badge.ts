/**
 * The inbox's badge counts new documents up to this many ("99+" at it): counting stops there, so the
 * badge costs the same for a clinician with 30 unread documents as for one with 3,000. No zod here:
 * the mini-app imports the value.
 */
export const NEW_DOCUMENTS_COUNT_CAP = 100;
