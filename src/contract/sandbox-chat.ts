/** The sandbox chat's messages as the demo page shows them (sandbox mode only; plain types, no schema). */

export interface ChatButton {
  label: string;
  action?: string;
  params?: Record<string, string>;
  url?: string;
}

export interface ChatMessage {
  id: number;
  rev: number;
  from: 'user' | 'bot';
  userId?: string;
  name: string;
  text: string;
  atUserIds: string[];
  at: number;
  recalled: boolean;
  /** `status` is the pressing user's own line after a press (private card data). */
  card?: { outTrackId: string; title: string; text: string; buttons: ChatButton[]; status?: string };
}
