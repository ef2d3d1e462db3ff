// What each `sparbar` command takes and says about itself: arguments, options and help text, in Swedish.
// run.ts checks the arguments against these before a command runs, and prints the help from them.
import { NEW_NODE_TYPES } from '../scaffold/new-node-types.js';
import type { Options } from './args.js';

/** An option as the help shows it; `value` names its value (`<mapp>`, `human|json`), absent for a switch. */
export interface OptionSpec {
  name: string;
  value?: string;
  /** May be given more than once (values collected). */
  multiple?: boolean;
  text: string;
}

/** A command or subcommand (`uppfoljning ny`). */
export interface CommandSpec {
  /** The words after `sparbar`: `['check']`, `['uppfoljning', 'ny']`. */
  words: readonly string[];
  /** Other spellings of the last word (`uppföljning`, `hämta`). */
  aliases?: readonly string[];
  /** The arguments, in order; those in brackets are optional. */
  positionals: readonly { name: string; optional: boolean; text: string; choices?: readonly string[] }[];
  options: readonly OptionSpec[];
  /** One line for the overview. */
  summary: string;
  /** What the command does, a few lines. */
  description: string;
  examples: readonly { command: string; text: string }[];
  /** What the exit codes mean for this command. */
  exitCodes: string;
}

/** A command word with subcommands (`uppfoljning`, `kolada`). */
export interface CommandGroup {
  word: string;
  aliases?: readonly string[];
  summary: string;
  subcommands: readonly CommandSpec[];
}

const FOLDER = { name: 'mapp', optional: true, text: 'Mappen med planfilerna (standard: plans).' };
const PERIOD = { name: 'period', optional: false, text: 'Uppföljningsperioden, ÅÅÅÅ-MM, t.ex. 2027-08.' };

export const COMMAND_SPECS: readonly (CommandSpec | CommandGroup)[] = [
  {
    words: ['check'],
    positionals: [FOLDER],
    options: [
      { name: 'format', value: 'human|json|github|codequality', text: 'Utdataformat (standard: human). github ger anteckningar i GitHub Actions, codequality en GitLab Code Quality-rapport.' },
      { name: 'strict', text: 'Räkna varningar som fel.' },
      { name: 'require-period', value: 'ÅÅÅÅ-MM', text: 'Kräv att periodens uppföljning är komplett och ifylld.' },
      { name: 'watch', text: 'Kontrollera igen vid varje sparning och skriv bara ut det som ändrats (nya och åtgärdade problem). Avsluta med Ctrl+C.' },
      { name: 'no-cache', text: 'Läs och kontrollera varje fil på nytt i stället för att använda det som sparats från förra körningen (i node_modules/.cache/sparbar; stängs också av med SPARBAR_CACHE=0).' },
    ],
    summary: 'Kontrollera planen och rapportera alla problem.',
    description: 'Läser varje .md-fil i mappen och rapporterar alla problem i en körning: regel, fil, rad, kolumn och hur felet rättas, med förslag (Menade du …?) för nästan rätt stavade värden. En trasig fil rapporteras och resten av planen kontrolleras ändå.',
    examples: [
      { command: 'sparbar check', text: 'Kontrollera planen i mappen plans.' },
      { command: 'sparbar check plans --format github', text: 'Fel och varningar som anteckningar i en pull request.' },
      { command: 'sparbar check --require-period 2027-08', text: 'Kräv att augustiuppföljningen 2027 är ifylld.' },
    ],
    exitCodes: '0 inga fel (varningar tillåts utom med --strict), 1 planen har fel, 2 felaktig användning.',
  },
  {
    words: ['graph'],
    positionals: [FOLDER],
    options: [],
    summary: 'Skriv ut planens spårbarhetsgraf som JSON.',
    description: 'Skriver grafen (noder, länkar, uppföljningar och härledda värden) som JSON på standard ut. Har planen fel skrivs det som gick att bygga.',
    examples: [{ command: 'sparbar graph > graf.json', text: 'Spara grafen i en fil.' }],
    exitCodes: '0 grafen skrevs, 1 planen har fel (grafen skrevs ändå), 2 felaktig användning.',
  },
  {
    words: ['diff'],
    positionals: [
      { name: 'bas', optional: false, text: 'Git-revisionen att jämföra med: en gren, tagg eller commit.' },
      { name: 'huvud', optional: true, text: 'Revisionen som jämförs (standard: arbetskopian).' },
      FOLDER,
    ],
    options: [{ name: 'format', value: 'markdown|json', text: 'Utdataformat (standard: markdown, för en pull request).' }],
    summary: 'Visa vad som ändrats i planen mellan två git-revisioner.',
    description: 'Läser planmappen vid båda revisionerna med git (arbetskopian och indexet rörs inte), kontrollerar båda och jämför graferna nod för nod. Med två argument är det andra mappen om en sådan mapp finns, annars en revision.',
    examples: [
      { command: 'sparbar diff main', text: 'Vad arbetskopian ändrar jämfört med main.' },
      { command: 'sparbar diff plan-2024-antagen HEAD plans', text: 'Vad som ändrats sedan den antagna planen.' },
    ],
    exitCodes: '0 jämförelsen gjordes, 1 planen i huvud har fel (jämförelsen skrivs ändå), 2 felaktig användning, ingen git-katalog eller okänd revision.',
  },
  {
    words: ['build'],
    positionals: [FOLDER],
    options: [
      { name: 'out', value: '<mapp>', text: 'Utmapp (standard: dist); töms först och får bara innehålla en tidigare byggd webbplats.' },
      { name: 'base', value: '<sökväg>', text: 'Webbplatsens bassökväg, t.ex. /plan/ (standard: /).' },
      { name: 'config', value: '<fil>', text: 'Konfigurationsfilen (standard: sparbar.config.json i planmappen).' },
      { name: 'no-cache', text: 'Kontrollera varje fil och tolka varje markdowntext på nytt i stället för att använda det som sparats från förra körningen (i node_modules/.cache/sparbar; stängs också av med SPARBAR_CACHE=0).' },
    ],
    summary: 'Bygg den publicerade webbplatsen (vägrar om planen har fel).',
    description: 'Kontrollerar planen och bygger, bara när den saknar fel, den statiska webbplatsen med status, uppföljningar, spårbarhet och öppna data.',
    examples: [
      { command: 'sparbar build', text: 'Bygg webbplatsen i dist.' },
      { command: 'sparbar build plans --out public --base /plan/', text: 'För en webbplats som publiceras under /plan/.' },
    ],
    exitCodes: '0 webbplatsen byggdes, 1 planen har fel eller bygget misslyckades, 2 felaktig användning.',
  },
  {
    words: ['ny'],
    positionals: [
      { name: 'typ', optional: false, text: 'organisation, policy, styrprincip, plan, mål, fokusområde, aktivitet eller indikator.', choices: NEW_NODE_TYPES },
      FOLDER,
    ],
    options: [
      { name: 'till', value: '<id>', multiple: true, text: 'Föräldern: fokusområdet en aktivitet bidrar till, målet för ett fokusområde, området för en styrprincip, policyn för en plan. Flera med komma eller flera --till.' },
      { name: 'titel', value: '<text>', text: 'Rubriken (annars en platshållare).' },
      { name: 'ansvarig', value: '<text>', text: 'Ansvarig (aktivitet, mål); väljer mappen för aktiviteten.' },
      { name: 'plan', value: '<id>', text: 'Planen eller policyn, när mappen har flera.' },
    ],
    summary: 'Skapa en ny planfil med nästa lediga id och en kort guide.',
    description: 'Skriver en ny fil med de nycklar som krävs, nästa lediga id i planens form (A37 efter A36, FO2.12 under M2) och en kort guide i kommentarer. Skriver aldrig över en fil, vägrar om planen har fel och visar sedan vad som återstår att fylla i. Uppföljningar skapas per period med sparbar uppfoljning ny.',
    examples: [
      { command: 'sparbar ny aktivitet --till FO2.1 --titel "Chattbot för medborgarfrågor"', text: 'En ny aktivitet under fokusområde FO2.1.' },
      { command: 'sparbar ny mål --till SP1', text: 'Ett nytt mål som förverkligar styrprincip SP1.' },
    ],
    exitCodes: '0 filen skrevs, 1 planen har fel eller filen finns redan (inget skrevs), 2 felaktig användning (okänd typ, fel --till).',
  },
  {
    word: 'uppfoljning',
    aliases: ['uppföljning'],
    summary: 'Öppna en uppföljningsperiod och se vad som återstår.',
    subcommands: [
      {
        words: ['uppfoljning', 'ny'],
        positionals: [PERIOD, FOLDER],
        options: [],
        summary: 'Skapa uppföljningsfiler för perioden, per ansvarig.',
        description: 'Skapar en fil per mål, fokusområde och aktivitet som är aktiv under perioden, i uppfoljning/<period>/<ansvarig>/, ej ifylld, med förra periodens status eller bedömning som en kommentar att utgå från. Skriver aldrig över: att köra kommandot två gånger ändrar inget.',
        examples: [{ command: 'sparbar uppfoljning ny 2027-08', text: 'Öppna augustiuppföljningen 2027.' }],
        exitCodes: '0 klart, 1 planen har fel (inget skrevs), 2 felaktig användning.',
      },
      {
        words: ['uppfoljning', 'status'],
        positionals: [PERIOD, FOLDER],
        options: [{ name: 'format', value: 'human|json', text: 'Utdataformat (standard: human).' }],
        summary: 'Visa vad som saknas eller inte är ifyllt, per ansvarig.',
        description: 'Listar per ansvarig vilka uppföljningar för perioden som saknas eller inte är ifyllda, i id-ordning.',
        examples: [{ command: 'sparbar uppfoljning status 2027-08', text: 'Vad återstår av augustiuppföljningen 2027?' }],
        exitCodes: '0 perioden är komplett, 1 något saknas eller är inte ifyllt, 2 felaktig användning.',
      },
    ],
  },
  {
    words: ['rapport'],
    positionals: [PERIOD, FOLDER],
    options: [
      { name: 'pdf', value: '<fil>', text: 'PDF-filen som skrivs (krävs).' },
      { name: 'plan', value: '<id>', text: 'Planen, när flera planer har en uppföljning för perioden.' },
    ],
    summary: 'Skriv ut periodens uppföljningsrapport som PDF (A4) med Chromium.',
    description: 'Bygger webbplatsen i en tillfällig mapp och skriver ut periodens uppföljningsrapport som en A4-PDF för sammanträdeshandlingarna. Kräver webbläsaren Chromium (apt-get install chromium).',
    examples: [{ command: 'sparbar rapport 2026-08 --pdf uppfoljning-2026-08.pdf', text: 'Rapporten för augusti 2026.' }],
    exitCodes: '0 PDF:en skrevs, 1 planen har fel (inget skrevs), 2 felaktig användning, Chromium saknas eller skrev ingen PDF.',
  },
  {
    words: ['redigera'],
    positionals: [FOLDER],
    options: [
      { name: 'port', value: '<nummer>', text: 'Porten på 127.0.0.1 (standard: 4322).' },
      { name: 'arbetsflode', text: 'Varje sparning blir en gren cms/… i git och Publicera slår ihop den (kräver en ren arbetskopia).' },
    ],
    summary: 'Prova redigeringen i webbläsaren (Decap CMS) på den här klonen, utan konto.',
    description: 'Bygger webbplatsen med redigeringssidan /admin/ i en tillfällig mapp och visar den på 127.0.0.1 med Decap CMS lokala server (decap-server) mot planmappens git-förråd. Varje sparning skriver filen i arbetskopian. Kräver decap-cms och decap-server (npm install --save-dev decap-cms@3 decap-server@3).',
    examples: [{ command: 'sparbar redigera', text: 'Öppna http://127.0.0.1:4322/admin/ och redigera planen i plans.' }],
    exitCodes: '0 avslutad med Ctrl+C, 1 planen har fel (inget startades), 2 felaktig användning eller decap-server saknas.',
  },
  {
    words: ['importera'],
    positionals: [
      { name: 'fil', optional: false, text: 'Dokumentet som läses in: .docx, .pdf, .txt eller .md.' },
      { name: 'mapp', optional: true, text: 'Den nya mappen som planen skrivs i (standard: plans); får inte finnas, eller ska vara tom.' },
    ],
    options: [
      { name: 'torrkörning', text: 'Skriv ingenting; visa vad som skulle skrivas och rapporten.' },
      { name: 'torrkorning', text: 'Samma som --torrkörning.' },
      { name: 'rapport', value: '<fil>', text: 'Rapportens fil (standard: importrapport-<mapp>.md bredvid mappen, till exempel importrapport-plans.md).' },
      { name: 'organisation', value: '<id>', text: 'Organisationen finns redan i planerna; ingen organisationsfil skrivs. Är den en av dokumentets kommuner (ett gemensamt dokument) skrivs alla, och planen blir dess.' },
      { name: 'policy', value: '<id>', text: 'Policyn som planen förverkligar, när den redan finns i planerna.' },
    ],
    summary: 'Läs in en befintlig policy eller plan (Word, PDF, text) som en ny planmapp.',
    description:
      'Känner igen vision, områden med styrprinciper och underpunkter, numrerade mål med fokusområden och förväntat resultat, aktiviteter i tabeller eller listor och texten om ansvar och uppföljning. Skriver en ny mapp (aldrig i eller över en befintlig plan) och importrapport-<mapp>.md bredvid den: varje nod med sida och rad, det som saknas i dokumentet och det som var osäkert.',
    examples: [
      { command: 'sparbar importera it-policy.docx', text: 'Policyn som en ny mapp plans.' },
      { command: 'sparbar importera plan.pdf plans/plan-2025 --organisation ekby --policy ekby-it-policy --torrkörning', text: 'Visa vad en plan till en befintlig policy skulle bli.' },
    ],
    exitCodes: '0 mappen och rapporten skrevs (eller torrkörningen visades), 2 felaktig användning, okänt format eller mappen finns redan.',
  },
  {
    words: ['dokument'],
    positionals: [FOLDER],
    options: [
      { name: 'docx', value: '<fil>', text: 'Word-filen som skrivs.' },
      { name: 'pdf', value: '<fil>', text: 'PDF-filen som skrivs (med Chromium).' },
      { name: 'plan', value: '<id>', text: 'Policyn eller planen, när mappen har flera.' },
    ],
    summary: 'Skriv policyn eller planen som dokument inför beslut (Word eller PDF).',
    description: 'Skriver policyn eller planen som ett Word-dokument med titelsida, riktiga rubriker och listor, målen med fokusområden och förväntat resultat och handlingsplanen som tabell, i filernas ordning och numrering. Med --pdf samma dokument som PDF med Chromium.',
    examples: [{ command: 'sparbar dokument --docx plan.docx', text: 'Planen i plans som Word-dokument.' }],
    exitCodes: '0 dokumentet skrevs, 1 planen har fel (inget skrevs), 2 felaktig användning.',
  },
  {
    word: 'kolada',
    summary: 'Hämta utfall från Kolada.',
    subcommands: [
      {
        words: ['kolada', 'hamta'],
        aliases: ['hämta'],
        positionals: [FOLDER],
        options: [
          { name: 'url', value: '<adress>', text: 'Kolada-API:ts adress (standard: https://api.kolada.se/v2, eller SPARBAR_KOLADA_URL).' },
          { name: 'timeout', value: '<sekunder>', text: 'Gräns per anrop (standard: 15).' },
        ],
        summary: 'Hämta utfall för indikatorer med källa kolada.',
        description: 'Hämtar utfallen för varje indikator med källa: kolada från Koladas öppna API och skriver dem i indikatorernas utfall, utan att ändra något annat i filerna. Skriver bara när alla indikatorer kunde hämtas.',
        examples: [{ command: 'sparbar kolada hamta', text: 'Uppdatera indikatorerna i plans.' }],
        exitCodes: '0 klart, 1 planen har fel eller något kunde inte hämtas (inget skrevs), 2 felaktig användning.',
      },
    ],
  },
];

/** The options every command takes besides its own. */
export const HELP_OPTION: OptionSpec = { name: 'help', text: 'Visa den här hjälpen.' };

/** The command or group named by `word` (or one of its aliases). */
export function findCommand(word: string): CommandSpec | CommandGroup | undefined {
  return COMMAND_SPECS.find((c) => (isGroup(c) ? c.word === word || c.aliases?.includes(word) : c.words[0] === word || c.aliases?.includes(word)));
}

/** The subcommand of `group` named by `word` (or an alias). */
export function findSubcommand(group: CommandGroup, word: string): CommandSpec | undefined {
  return group.subcommands.find((s) => s.words[1] === word || s.aliases?.includes(word));
}

export function isGroup(c: CommandSpec | CommandGroup): c is CommandGroup {
  return 'subcommands' in c;
}

/** Every command word users can type, aliases included, for "Menade du …?". */
export function commandWords(): string[] {
  return COMMAND_SPECS.flatMap((c) => (isGroup(c) ? [c.word, ...(c.aliases ?? [])] : [c.words[0]!, ...(c.aliases ?? [])]));
}

/** The options of `spec` (and --help/-h) for util.parseArgs. */
export function parseOptions(spec: CommandSpec): Options {
  const options: Options = { help: { type: 'boolean', short: 'h' } };
  for (const o of spec.options) options[o.name] = o.value === undefined ? { type: 'boolean' } : { type: 'string', ...(o.multiple ? { multiple: true } : {}) };
  return options;
}

/** `sparbar ny <typ> [mapp] [flaggor]`. */
export function usageLine(spec: CommandSpec): string {
  const args = spec.positionals.map((p) => (p.optional ? `[${p.name}]` : `<${p.name}>`));
  return ['sparbar', ...spec.words, ...args, ...(spec.options.length > 0 ? ['[flaggor]'] : [])].join(' ');
}
