import { projectPath } from '../../shared/paths.js';

/** The Cedar policy folder shipped with the service (schema and policy files): loaded at start, shown by the admin console. */
export const POLICY_DIR = projectPath('config', 'policies');
