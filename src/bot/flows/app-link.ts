/** Mini-app screens the bot links to (miniapp/src/doctor/DoctorRoutes.tsx and forms/form-routes.tsx). */
export type AppScreen = 'doc' | 'burn' | 'form/case-open' | 'form/consent';

/**
 * A deep link into the mini-app (served under /app/, see http/miniapp-static.ts). The id is opaque
 * (a document, burn item or link intent id): never a credential, never patient data. Whoever opens
 * it is signed in by the app first, and the app's API decides what they may see.
 */
export function appLink(publicUrl: string, screen: AppScreen, id: string): string {
  return `${publicUrl}/app/${screen}/${encodeURIComponent(id)}`;
}
