/** The files of docs/din-forsta-plan.md's example: each code block after a line "Fil: `<path>`". */
export function firstPlanFiles(markdown: string): { path: string; text: string }[];
