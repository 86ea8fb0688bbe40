import { useEffect, useState } from 'react';

/** The app's base path (Vite's `base`), without the trailing slash. */
export const BASE = import.meta.env.BASE_URL.replace(/\/$/, '');

/** The path inside the app, e.g. '/me' for /app/me; '/' for the app's root. */
function currentRoute(): string {
  const path = window.location.pathname;
  const inner = path.startsWith(BASE) ? path.slice(BASE.length) : path;
  return inner === '' ? '/' : inner;
}

const listeners = new Set<() => void>();

/** Client-side navigation; the server answers every /app/… route with index.html, so reloads work. */
export function navigate(route: string): void {
  if (route === currentRoute()) return;
  window.history.pushState(null, '', BASE + route);
  listeners.forEach((l) => l());
}

export function useRoute(): string {
  const [route, setRoute] = useState(currentRoute);
  useEffect(() => {
    const update = () => setRoute(currentRoute());
    listeners.add(update);
    window.addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      window.removeEventListener('popstate', update);
    };
  }, []);
  return route;
}
