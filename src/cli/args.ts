// Argument parsing shared by the commands: node's parseArgs, with Swedish usage errors instead of exceptions.
import { parseArgs, type ParseArgsConfig } from 'node:util';

export type Options = NonNullable<ParseArgsConfig['options']>;

/** Parsed options and positionals, or a Swedish reason why the arguments are wrong. */
export function parseCommandArgs(args: readonly string[], options: Options, maxPositionals: number): { values: Record<string, string | boolean | undefined>; positionals: string[] } | { error: string } {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    return { error: (error as Error).message };
  }
  if (parsed.positionals.length > maxPositionals) return { error: `för många argument: ${parsed.positionals.slice(maxPositionals).join(' ')}` };
  return { values: parsed.values as Record<string, string | boolean | undefined>, positionals: parsed.positionals };
}

/** True for a period on the form ÅÅÅÅ-MM. */
export function isPeriod(s: string | undefined): s is string {
  return s !== undefined && /^\d{4}-(0[1-9]|1[0-2])$/.test(s);
}
