// Names and HK dates are not chat words: they live with the directory and in shared; re-exported for the bot.
export { clinicianLine, clinicianName, roleName } from '../domain/directory/clinician-names.js';
export { hkClock, hkDate, hkDateTime } from '../shared/hk-time.js';
