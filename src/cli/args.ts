// Argument parsing shared by the commands: Node's util.parseArgs reads the tokens; every mistake becomes a
// Swedish reason with a "Menade du …?" suggestion instead of Node's English exception.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { closest } from '../util/suggest.js';

export type Options = NonNullable<ParseArgsConfig['options']>;

/** Parsed option values and positionals. */
export interface ParsedArgs {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

/** What the caller knows beyond the options, for messages that show the right way to write it. */
export interface ArgsContext {
  /** The command as typed before its arguments: `sparbar ny`. */
  command?: string;
  /** The command's positional arguments as the help names them (`typ`, `mapp`), with their allowed values if fixed. */
  positionals?: readonly { name: string; choices?: readonly string[] }[];
  /** The command's usage line, `sparbar ny <typ> [mapp] [flaggor]`. */
  usage?: string;
  /** How the help writes each string option's value: `format` → `human|json`. */
  optionValues?: Readonly<Record<string, string>>;
}

/**
 * Parsed options and positionals, or a Swedish reason why the arguments are wrong: an unknown option
 * (with the nearest known one and the full list), an option that needs a value and has none, a switch
 * given a value, or more positionals than `maxPositionals`. Arguments after `--` are positionals.
 */
export function parseCommandArgs(args: readonly string[], options: Options, maxPositionals: number, context: ArgsContext = {}): ParsedArgs | { error: string } {
  const { tokens } = parseArgs({ args: [...args], options, allowPositionals: true, strict: false, tokens: true });
  for (const [i, token] of tokens.entries()) {
    if (token.kind !== 'option') continue;
    const spec = Object.hasOwn(options, token.name) ? options[token.name] : undefined;
    if (spec === undefined) {
      const next = tokens[i + 1];
      return { error: unknownOption(token.rawName, token.value ?? (next?.kind === 'positional' ? next.value : undefined), options, context) };
    }
    if (spec.type === 'boolean' && token.value !== undefined) return { error: `flaggan ${token.rawName} tar inget värde; skriv bara ${token.rawName}.` };
    if (spec.type === 'string') {
      if (token.value === undefined) return { error: `flaggan ${token.rawName} behöver ett värde: ${token.rawName} ${context.optionValues?.[token.name] ?? '<värde>'}.` };
      // parseArgs takes the next argument even when it looks like an option: `--titel --strict` is a mistake.
      if (!token.inlineValue && token.value.startsWith('-') && token.value.length > 1) {
        return { error: `flaggan ${token.rawName} behöver ett värde men följs av ${token.value}. Skriv ${token.rawName}=${token.value} om värdet verkligen börjar med ett bindestreck.` };
      }
    }
  }
  const parsed = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  if (parsed.positionals.length > maxPositionals) {
    return { error: `för många argument: ${parsed.positionals.slice(maxPositionals).join(' ')} (kommandot tar ${maxPositionals === 0 ? 'inga argument' : `högst ${maxPositionals}`}).` };
  }
  return { values: parsed.values as ParsedArgs['values'], positionals: parsed.positionals };
}

/**
 * "okänd flagga --forma. Menade du --format? Flaggor: …". A flag named like a positional (`ny --typ mal`) gets
 * the command written without it, with the nearest allowed value (`sparbar ny mål`).
 */
function unknownOption(raw: string, value: string | undefined, options: Options, context: ArgsContext): string {
  const names = Object.keys(options).filter((n) => n !== 'help');
  const bare = raw.replace(/^-+/, '');
  const positionals = context.positionals ?? [];
  const index = positionals.findIndex((p) => p.name.toLowerCase() === bare.toLowerCase());
  if (index >= 0) {
    const { name, choices } = positionals[index]!;
    const fixed = value === undefined || choices === undefined || choices.includes(value) ? value : closest(value, choices);
    const written = index === 0 && fixed !== undefined && context.command ? ` Menade du "${context.command} ${fixed}"?` : context.usage ? ` Användning: ${context.usage}.` : '';
    return `okänd flagga ${raw}: ${name} skrivs utan flagga, som argument.${written}`;
  }
  const hit = raw.startsWith('--') ? closest(bare, names, { transpositions: true }) : names.find((n) => n[0] === bare[0] && names.filter((m) => m[0] === bare[0]).length === 1);
  const list = names.length === 0 ? 'Kommandot har inga flaggor utom --help.' : `Flaggor: ${names.map((n) => `--${n}`).join(', ')}.`;
  return `okänd flagga ${raw}.${hit === undefined ? '' : ` Menade du --${hit}?`} ${list}`;
}

/** True for a period on the form ÅÅÅÅ-MM. */
export function isPeriod(s: string | undefined): s is string {
  return s !== undefined && /^\d{4}-(0[1-9]|1[0-2])$/.test(s);
}
