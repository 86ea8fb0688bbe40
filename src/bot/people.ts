// How people are named and which language they read: shared with the mini-app API, re-exported for the bot.
export { personLine } from '../domain/directory/clinician-names.js';
export { langOf } from '../shared/lang.js';
