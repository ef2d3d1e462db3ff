// The command line's exit codes, defined below the layers (src/util/exit-codes.ts) because buildSite returns them too.
export { EXIT_OK, EXIT_PLAN_ERRORS, EXIT_USAGE } from '../util/exit-codes.js';
