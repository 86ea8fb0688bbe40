/** Mini-app screens the bot links to (miniapp/src/doctor/DoctorRoutes.tsx and forms/form-routes.tsx). */
export type AppScreen = 'doc' | 'burn' | 'alert' | 'form/case-open' | 'form/consent' | 'doctor/interactions' | 'referral';

/**
 * A deep link into the mini-app (served under /app/, see http/miniapp-static.ts). The id is opaque
 * (a document, burn item, allergy alert or link intent id): never a credential, never patient data. Whoever opens
 * it is signed in by the app first, and the app's API decides what they may see.
 */
export function appLink(publicUrl: string, screen: AppScreen, id: string): string {
  return `${publicUrl}/app/${screen}/${encodeURIComponent(id)}`;
}

/** A case's compose screen in the mini-app (share a report, send a burn message, raise an allergy alert). */
export type CaseScreen = 'share' | 'burn' | 'alert';

/** `/app/case/<code>/<screen>`: the case code is the pseudonymous code chat already carries; `query` for screen options. */
export function caseScreenLink(publicUrl: string, caseCode: string, screen: CaseScreen, query?: Record<string, string | number>): string {
  const qs = query ? `?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString()}` : '';
  return `${publicUrl}/app/case/${encodeURIComponent(caseCode)}/${screen}${qs}`;
}

/** `/app/doctor/<segments>`: the doctor pages of the clinical layer (a case's medication list, an interaction alert). */
export function doctorPageLink(publicUrl: string, ...segments: string[]): string {
  return `${publicUrl}/app/doctor/${segments.map(encodeURIComponent).join('/')}`;
}

/**
 * DingTalk's own deep link that opens `url` inside the client, in place (a side panel on the PC client):
 * `dingtalk://dingtalkclient/page/link?url=<encoded>&pc_slide=true`. Used on card [Open] buttons so one
 * tap reaches the mini-app screen; the button's callback (a 1:1 link) stays as the fallback.
 */
export function dingtalkOpenLink(url: string): string {
  return `dingtalk://dingtalkclient/page/link?url=${encodeURIComponent(url)}&pc_slide=true`;
}

/** A case's medication list in the mini-app (`/app/doctor/cases/<code>/medications`). */
export function medicationsLink(publicUrl: string, caseCode: string): string {
  return `${publicUrl}/app/doctor/cases/${encodeURIComponent(caseCode)}/medications`;
}
