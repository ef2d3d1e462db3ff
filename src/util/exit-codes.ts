// Exit codes of the `sparbar` command, documented in the README. Below the layers: the command line returns
// them and so does `buildSite` (src/site/build-site.ts), which `sparbar build` and `sparbar rapport` call.

export const EXIT_OK = 0;
/** The plan has errors (or warnings, with --strict). */
export const EXIT_PLAN_ERRORS = 1;
/** Usage error (unknown command or option, missing folder) or an internal failure. */
export const EXIT_USAGE = 2;
