import { errorBody } from '../../contract/errors.js';

/** The admin API's shapes live in the contract (shared with the mini-app); re-exported for the routes. */
export { clinicianDto, institutionDto, teamMemberDto } from '../../contract/admin-directory.js';
export { errorBody };

/** The error statuses every admin route can answer with. */
export const errorResponses = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };
