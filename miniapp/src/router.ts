/** The app's base path (Vite's `base`), without the trailing slash: react-router's basename. */
export const BASE = import.meta.env.BASE_URL.replace(/\/$/, '');

/** A path segment the server could have issued: case codes, document, item and intent ids. */
export const ID = /^[A-Za-z0-9_-]{1,64}$/;
export const CASE_CODE = /^[A-Za-z0-9-]{1,20}$/;
