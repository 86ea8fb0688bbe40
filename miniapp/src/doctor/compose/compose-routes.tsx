/**
 * Slot for the mini-app compose screens (share a report, send a burn message, raise an allergy alert).
 * Returns null for a route that is not one of them.
 */
export function composeScreen(_route: string): JSX.Element | null {
  return null;
}
