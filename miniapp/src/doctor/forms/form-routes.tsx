/**
 * Slot for the mini-app screens that replace the bot's one-time form pages (case open, consent).
 * Returns null for a route that is not one of them.
 */
export function formScreen(_route: string): JSX.Element | null {
  return null;
}
