// Writes a realistic, deterministic plans tree of about `nodeCount` files for the benchmark.
// One municipality: an organisation, a policy with 12 inline principles in two areas, a strategic plan
// with goals, focus-area files, actions (most of the files), indicators (some grouped on a 1–4 scale)
// and follow-ups for 2025-08 and 2026-08. Files average about 1.4 KB: frontmatter plus a markdown body
// of a few paragraphs with a list and a link. Same input, same bytes: a seeded PRNG, never Math.random.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface GeneratedPlan {
  root: string;
  /** Number of .md files written. */
  files: number;
  /** Total size of the files in bytes. */
  bytes: number;
  /** Files written per `typ`. */
  byType: Record<string, number>;
}

/** Small fast seeded PRNG (mulberry32): deterministic across runs and platforms. */
export function prng(seed: number): Rng {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number): number => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const chance = (p: number): boolean => next() < p;
  return { next, int, pick, chance };
}

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [lo, hi]. */
  int(lo: number, hi: number): number;
  pick<T>(list: readonly T[]): T;
  chance(p: number): boolean;
}

// ---------------------------------------------------------------------------------------------
// Vocabulary

const ORG = { id: 'storby', titel: 'Storby kommun', kommunkod: '9998', webb: 'https://www.storby.example' };
const POLICY_ID = 'storby-it-policy';
const PLAN_ID = 'storby-digplan-2024-2027';
const PLAN_FOLDER = 'plan-2024-2027';
const PERIODS = ['2025-08', '2026-08'] as const;

const AREAS = [
  {
    id: 'O1',
    titel: 'Nytta för invånare och företag, starkare demokrati och öppenhet',
    beskrivning: 'Digitaliseringen ska göra det enklare att leva, bo och driva företag i Storby och ge invånarna bättre insyn i och inflytande över kommunens arbete.',
    principles: [
      ['SP1', 'Digitalt först – invånare och företag ska kunna sköta sina ärenden digitalt', ['Självservice dygnet runt där det är möjligt', 'Personlig service finns kvar för den som behöver den']],
      ['SP2', 'Tjänsterna utformas utifrån användarnas behov', ['Invånare och medarbetare är med när tjänster tas fram', 'Tillgänglighet enligt lag och standard är ett krav från början']],
      ['SP3', 'Kommunens information och data är öppen när den kan vara det', ['Data publiceras i öppna och maskinläsbara format', 'Öppna standarder väljs när det finns sådana']],
      ['SP4', 'Invånare och företag ska bara behöva lämna en uppgift en gång', []],
      ['SP5', 'Ingen ska lämnas utanför – kommunen stödjer digital delaktighet', []],
      ['SP6', 'Digitaliseringen ska stärka demokratin och ge bättre insyn i besluten', []],
      ['SP7', 'Digitala satsningar ska ge nytta som kan visas och följas upp', ['Förväntad nytta beskrivs innan beslut', 'Utfallet följs upp och redovisas']],
    ],
  },
  {
    id: 'O2',
    titel: 'Tydliga och transparenta strukturer för IT-arbetet',
    beskrivning: 'IT-arbetet ska ha tydliga roller, gemensamma beslutsvägar och en kostnad som går att förstå och följa över tid.',
    principles: [
      ['SP8', 'Vi väljer gemensamma och beprövade lösningar', ['Gemensamma lösningar går före enhetsspecifika', 'Tidigare investeringar återanvänds innan nya görs', 'Standardlösningar från marknaden går före egenutveckling']],
      ['SP9', 'Informationssäkerheten anpassas efter informationens värde', ['Säkerhetsnivån bestäms efter riskanalys', 'Informationen klassas innan en ny lösning väljs']],
      ['SP10', 'Varje system och informationsmängd har en tydlig ägare', ['Systemägare och systemförvaltare utses för varje verksamhetssystem']],
      ['SP11', 'IT-investeringar prövas i en gemensam beslutsordning', []],
      ['SP12', 'Chefer och medarbetare har den digitala kompetens som uppdraget kräver', []],
    ],
  },
] as const;
const PRINCIPLE_IDS = AREAS.flatMap((a) => a.principles.map((p) => p[0]));

const GOAL_THEMES = [
  'IT-styrning',
  'Digitalisering av kommunens tjänster',
  'Verksamhetssystem',
  'IT-infrastruktur',
  'Informationssäkerhet och dataskydd',
  'Öppna data och insyn',
  'Digital kompetens',
  'Digital delaktighet',
  'Automatisering av handläggning',
  'Informationshantering och e-arkiv',
  'Digital välfärd',
  'Samverkan i regionen',
  'Smart samhällsbyggnad',
  'Digitalt lärande i skolan',
];

const FOCUS_THEMES = [
  'Gemensam beslutsordning för IT-investeringar',
  'Systemägarskap och förvaltningsmodell',
  'Nyttorealisering',
  'Uppföljning av IT-kostnader',
  'E-tjänster med e-legitimation',
  'Mina sidor för invånare',
  'Automatisering av handläggning',
  'Gemensam integrationsplattform',
  'Digitala möten och samarbete',
  'Trådlöst nät i verksamhetslokaler',
  'Stabil och säker drift',
  'Identitets- och behörighetshantering',
  'Informationsklassning',
  'Kontinuitetsplanering',
  'Öppna data-portal',
  'Digitalt stöd i hemtjänsten',
  'Välfärdsteknik i äldreomsorgen',
  'Elevernas digitala verktyg',
  'Digital kompetens för chefer',
  'Digitala arbetssätt i förvaltningarna',
  'E-arkiv och bevarande',
  'Dokument- och ärendehantering',
  'Geodata och digitala detaljplaner',
  'Bredband på landsbygden',
];

const VERBS = ['Införa', 'Upphandla', 'Utveckla', 'Ta fram', 'Modernisera', 'Byta ut', 'Pröva', 'Utreda', 'Samordna', 'Bygga ut', 'Förbättra', 'Avveckla', 'Utbilda om', 'Kartlägga', 'Automatisera'];
const OBJECTS = [
  'e-tjänst för bygglov',
  'e-tjänst för ansökan om förskoleplats',
  'gemensam plattform för e-tjänster',
  'mina sidor för invånare',
  'digital signering av avtal',
  'ett nytt ekonomisystem',
  'ett nytt HR- och lönesystem',
  'verksamhetssystemet inom socialtjänsten',
  'digitala trygghetslarm',
  'nattillsyn med kamera i hemtjänsten',
  'programrobotar för leverantörsfakturor',
  'automatiserad handläggning av ekonomiskt bistånd',
  'trådlöst nät i skolor och förskolor',
  'stamnätet mellan kommunens byggnader',
  'serverhallen',
  'säkerhetskopiering av verksamhetsdata',
  'flerfaktorsinloggning för medarbetare',
  'behörighetsstyrning i verksamhetssystemen',
  'klassning av informationen i verksamhetssystemen',
  'en plan för kontinuitet vid IT-avbrott',
  'öppna data om kommunens ekonomi',
  'en karttjänst för invånare',
  'digitala detaljplaner',
  'e-arkiv för avslutade ärenden',
  'ett gemensamt ärendehanteringssystem',
  'digitala nämndhandlingar',
  'webbsändning av kommunfullmäktige',
  'ett digitalt stöd för medborgardialog',
  'en utbildning i digital kompetens för chefer',
  'digitala lärverktyg för elever',
  'en gemensam integrationsplattform',
  'uppföljningen av IT-kostnader per förvaltning',
  'en förvaltningsmodell för verksamhetssystem',
  'en tjänstekatalog för IT-enheten',
  'en säker AI-tjänst för medarbetare',
  'bredband till hushåll på landsbygden',
  'ett system för lokalbokning',
  'digital tidrapportering i hemtjänsten',
  'självservice för lösenordsbyte',
  'avtalsdatabasen',
];

const UNITS = [
  { slug: 'digitaliseringsenheten', ansvarig: 'Kommunstyrelsen – digitaliseringsenheten', prefix: 'KS', weight: 5 },
  { slug: 'it-enheten', ansvarig: 'Servicenämnden – IT-enheten', prefix: 'SN', weight: 5 },
  { slug: 'kansliavdelningen', ansvarig: 'Kommunstyrelsen – kansliavdelningen', prefix: 'KS', weight: 2 },
  { slug: 'ekonomiavdelningen', ansvarig: 'Kommunstyrelsen – ekonomiavdelningen', prefix: 'KS', weight: 2 },
  { slug: 'barn-och-utbildning', ansvarig: 'Barn- och utbildningsnämnden', prefix: 'BUN', weight: 3 },
  { slug: 'socialforvaltningen', ansvarig: 'Socialnämnden', prefix: 'SOC', weight: 3 },
  { slug: 'vard-och-omsorg', ansvarig: 'Vård- och omsorgsnämnden', prefix: 'VON', weight: 3 },
  { slug: 'samhallsbyggnad', ansvarig: 'Samhällsbyggnadsnämnden', prefix: 'SBN', weight: 2 },
  { slug: 'kultur-och-fritid', ansvarig: 'Kultur- och fritidsnämnden', prefix: 'KFN', weight: 1 },
  { slug: 'tekniska-forvaltningen', ansvarig: 'Tekniska nämnden', prefix: 'TN', weight: 2 },
];
const UNIT_BAG = UNITS.flatMap((u) => Array<typeof u>(u.weight).fill(u));

const AUTHORS = [
  'Anna Berg, digitaliseringsstrateg',
  'Jonas Ek, IT-chef',
  'Maria Lind, förvaltningschef',
  'Erik Sjöberg, verksamhetsutvecklare',
  'Fatima Haddad, systemförvaltare',
  'Karin Holm, kanslichef',
  'Lars Nyström, enhetschef',
  'Sofia Åberg, controller',
];

const SENTENCES = [
  'I dag görs många moment för hand, vilket tar tid från handläggarna och ger risk för fel.',
  'Arbetet sker i nära samverkan med de förvaltningar som berörs och med kommunens IT-enhet.',
  'Invånarna ska kunna följa sitt ärende digitalt och se vad som händer och när.',
  'Lösningen ska uppfylla kraven på tillgänglighet och fungera i mobilen.',
  'Nyttan beskrivs innan beslut och följs upp ett år efter införandet.',
  'Informationen klassas och en riskanalys görs innan systemet tas i drift.',
  'Systemägaren ansvarar för att förvaltningen har de resurser som behövs.',
  'Upphandlingen görs tillsammans med grannkommunerna för att få bättre villkor.',
  'Kostnaden för drift och licenser ryms inom förvaltningens budget från och med nästa år.',
  'Medarbetarna får utbildning i god tid innan det nya arbetssättet införs.',
  'En gemensam lösning går före en lösning för en enskild enhet, i enlighet med policyn.',
  'Tidigare investeringar i plattformen återanvänds i så stor utsträckning som möjligt.',
  'Projektet följer kommunens projektmodell med beslutspunkter i IT-rådet.',
  'Erfarenheterna från pilotverksamheten visar att handläggningstiden kan halveras.',
  'Personlig service finns kvar för den som inte kan eller vill använda de digitala tjänsterna.',
  'Arbetet har försenats av att leverantören bytt version av systemet under hösten.',
  'Förvaltningen bedömer att aktiviteten kan slutföras under perioden om bemanningen håller.',
  'Data publiceras som öppna data i maskinläsbart format när det är möjligt.',
  'Dataskyddsombudet har granskat behandlingen av personuppgifter.',
  'Införandet sker stegvis, med start i de verksamheter där behovet är störst.',
  'Användarna har varit med och testat tjänsten i flera omgångar under utvecklingen.',
  'Den gamla lösningen avvecklas när alla ärenden har flyttats över.',
  'Resultatet redovisas för kommunstyrelsen i samband med delårsbokslutet i augusti.',
  'Säkerhetsnivån bestäms efter riskanalys och informationens skyddsvärde.',
  'Kommunen följer Kolada-nyckeltalen för att kunna jämföra sig med liknande kommuner.',
  'Ett avbrott i våras visade att rutinerna för kontinuitet behöver ses över.',
  'Verksamheten har tagit fram en plan för hur arbetssätten ska förändras.',
  'Integrationen mot ekonomisystemet gör att uppgifterna bara behöver registreras en gång.',
];

const LIST_ITEMS = [
  'kartläggning av nuläge och behov',
  'kravställning och upphandling',
  'pilot i en förvaltning',
  'utbildning av medarbetare',
  'införande i alla förvaltningar',
  'uppföljning av nyttan efter ett år',
  'avveckling av den gamla lösningen',
  'informationsklassning och riskanalys',
  'dialog med invånare och brukare',
  'överföring av data från det gamla systemet',
  'test av tillgänglighet',
  'beslut i IT-rådet',
];

const HEADINGS = ['Bakgrund', 'Genomförande', 'Nytta', 'Risker', 'Ansvar', 'Analys', 'Nästa steg'];
const LINK_TEXTS = ['beslutet i kommunstyrelsen', 'förstudien', 'projektplanen', 'kommunens webbplats', 'Kolada', 'uppföljningsrapporten'];

// ---------------------------------------------------------------------------------------------
// Text helpers

/** A YAML scalar: plain when safe, double-quoted (JSON syntax is valid YAML) when not. */
function q(s: string): string {
  const plainSafe =
    /^[^\s\-?:,[\]{}#&*!|>'"%@`0-9]/u.test(s) && !/: |\s#|:$|^\s|\s$/.test(s) && !/^(true|false|null|~|yes|no)$/i.test(s);
  return plainSafe ? s : JSON.stringify(s);
}

/** A YAML flow sequence of ids. */
function flow(ids: readonly string[]): string {
  return `[${ids.join(', ')}]`;
}

/** Wraps a paragraph at about 95 characters, as a human would in an editor. */
function wrap(text: string, width = 95): string {
  const words = text.split(' ');
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line && line.length + 1 + w.length > width) {
      lines.push(line);
      line = w;
    } else {
      line = line ? `${line} ${w}` : w;
    }
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

function paragraph(rng: Rng, sentences: number): string {
  const out: string[] = [];
  for (let i = 0; i < sentences; i++) out.push(rng.pick(SENTENCES));
  return wrap(out.join(' '));
}

/**
 * A markdown body of about `targetBytes` (UTF-8): a heading, paragraphs, one bullet list and one link.
 * Overshoots by at most one paragraph.
 */
function body(rng: Rng, targetBytes: number, lead: string): string {
  const parts: string[] = [wrap(lead + ' ' + paragraph(rng, 1))];
  const items = new Set<string>();
  const n = rng.int(3, 5);
  while (items.size < n) items.add(rng.pick(LIST_ITEMS));
  parts.push(`## ${rng.pick(HEADINGS)}`);
  parts.push(paragraph(rng, rng.int(1, 2)));
  parts.push([...items].map((i) => `- ${i[0]!.toUpperCase()}${i.slice(1)}`).join('\n'));
  const doc = `KS ${rng.int(2022, 2025)}/${rng.int(10, 999)}`;
  parts.push(wrap(`Mer underlag finns i [${rng.pick(LINK_TEXTS)}](${ORG.webb}/dokument/${doc.replace(/[ /]/g, '-')}) (dnr ${doc}).`));
  let size = Buffer.byteLength(parts.join('\n\n'));
  while (size < targetBytes) {
    if (rng.chance(0.25)) parts.push(`## ${rng.pick(HEADINGS)}`);
    const p = paragraph(rng, rng.int(1, 3));
    parts.push(p);
    size += Buffer.byteLength(p) + 2;
  }
  return parts.join('\n\n') + '\n';
}

/** A real date ÅÅÅÅ-MM-DD in the given year and month range. */
function date(rng: Rng, year: number, monthLo = 1, monthHi = 12): string {
  const m = rng.int(monthLo, monthHi);
  const d = rng.int(1, 28);
  return `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function shuffle<T>(rng: Rng, list: T[]): T[] {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
  return list;
}

// ---------------------------------------------------------------------------------------------
// The plan

interface Goal {
  id: string;
  titel: string;
  focusAreas: string[];
}

interface Action {
  id: string;
  unit: (typeof UNITS)[number];
  start: string;
  slut: string;
  status: string;
}

/** Planned counts of every kind of file for a tree of `nodeCount` files. */
export function planShape(nodeCount: number): {
  goals: number;
  focusAreasPerGoal: number[];
  indicatorSlots: number;
  actions: number;
  actionFollowUps: [number, number];
} {
  const rng = prng(0x5eed ^ nodeCount);
  const goals = Math.max(4, Math.round(nodeCount / 250));
  const focusAreasPerGoal = Array.from({ length: goals }, () => rng.int(4, 11));
  const focusAreas = focusAreasPerGoal.reduce((s, n) => s + n, 0);
  // Indicator "slots": every 8th is a group of 1 + 4 files; the rest are single indicators.
  const indicatorSlots = Math.max(6, Math.round(nodeCount / 50));
  const indicatorFiles = indicatorFileCount(indicatorSlots);
  const indicatorFollowUps = 2 * indicatorFollowUpCount(indicatorSlots);
  const fixed = 3 + goals + focusAreas + indicatorFiles + indicatorFollowUps + PERIODS.length * (goals + focusAreas);
  const rest = Math.max(10, nodeCount - fixed);
  const actions = Math.round(rest / 1.65);
  const first = Math.round(actions * 0.35);
  return { goals, focusAreasPerGoal, indicatorSlots, actions, actionFollowUps: [first, Math.max(0, rest - actions - first)] };
}

const isGroupSlot = (slot: number) => slot % 8 === 3;
const indicatorFileCount = (slots: number) => Array.from({ length: slots }, (_, s) => (isGroupSlot(s) ? 5 : 1)).reduce((a, b) => a + b, 0);
/** Indicators followed up each period: every single indicator whose slot is not a multiple of 5, and every group member. */
const followedUpIndicator = (slot: number) => isGroupSlot(slot) || slot % 5 !== 0;
const indicatorFollowUpCount = (slots: number) =>
  Array.from({ length: slots }, (_, s) => (followedUpIndicator(s) ? (isGroupSlot(s) ? 4 : 1) : 0)).reduce<number>((a, b) => a + b, 0);

/** Writes the plans tree into `dir` (created if missing) and returns what was written. */
export function generatePlan(dir: string, nodeCount: number): GeneratedPlan {
  const rng = prng(0x5ba4ba4 ^ nodeCount);
  const shape = planShape(nodeCount);
  const result: GeneratedPlan = { root: dir, files: 0, bytes: 0, byType: {} };
  const madeDirs = new Set<string>();
  const write = (rel: string, typ: string, frontmatter: string, text: string): void => {
    const abs = path.join(dir, rel);
    const parent = path.dirname(abs);
    if (!madeDirs.has(parent)) {
      mkdirSync(parent, { recursive: true });
      madeDirs.add(parent);
    }
    const content = `---\n${frontmatter.trimEnd()}\n---\n${text}`;
    writeFileSync(abs, content);
    result.files++;
    result.bytes += Buffer.byteLength(content);
    result.byType[typ] = (result.byType[typ] ?? 0) + 1;
  };
  const planDir = `${ORG.id}/${PLAN_FOLDER}`;
  /** A target file size around `mean` bytes (±40 %), minus the frontmatter already written. */
  const bodyTarget = (mean: number, frontmatter: string) => Math.max(200, Math.round(mean * (0.6 + 0.8 * rng.next())) - Buffer.byteLength(frontmatter) - 10);

  // Organisation
  {
    const fm = `typ: organisation\nid: ${ORG.id}\ntitel: ${ORG.titel}\nkommunkod: "${ORG.kommunkod}"\nwebbplats: ${ORG.webb}`;
    write(`organisationer/${ORG.id}.md`, 'organisation', fm, body(rng, bodyTarget(900, fm), 'Storby kommun är en påhittad kommun med omkring 120 000 invånare.'));
  }

  // Policy: 12 inline principles in two areas
  {
    const lines = [
      'typ: policy',
      `id: ${POLICY_ID}`,
      'titel: IT- och digitaliseringspolicy för Storby kommun',
      `organisationer: [${ORG.id}]`,
      'antagen_av: Kommunfullmäktige',
      'antagen: 2023-11-27',
      'giltighet:',
      '  från: 2024-01-01',
      '  till: 2028-12-31',
      'ansvarig: Kommunstyrelsen',
      'diarienummer: KS 2023/412',
      'översyn: >-',
      '  Kommunstyrelsen följer upp policyn varje år i samband med delårsbokslutet i augusti.',
      'områden:',
    ];
    for (const area of AREAS) {
      lines.push(`  - id: ${area.id}`, `    titel: ${q(area.titel)}`, '    beskrivning: >-', ...wrap(area.beskrivning, 88).split('\n').map((l) => `      ${l}`), '    styrprinciper:');
      for (const [id, titel, under] of area.principles) {
        lines.push(`      - id: ${id}`, `        titel: ${q(titel)}`);
        if (under.length) lines.push('        underpunkter:', ...under.map((u) => `          - ${q(u)}`));
      }
    }
    const fm = lines.join('\n');
    write(`${ORG.id}/policy/policy.md`, 'policy', fm, body(rng, 1500, 'Storby är en öppen och nära kommun där digitala tjänster gör vardagen enklare.'));
  }

  // Plan
  {
    const fm = [
      'typ: plan',
      `id: ${PLAN_ID}`,
      'titel: Strategisk plan för digitalisering 2024–2027',
      `organisation: ${ORG.id}`,
      `policy: ${POLICY_ID}`,
      'antagen_av: Kommunstyrelsen',
      'antagen: 2024-02-14',
      'period:',
      '  från: 2024',
      '  till: 2027',
      'diarienummer: KS 2024/38',
      'revideringar:',
      '  - datum: 2025-09-17',
      '    beskrivning: >-',
      '      Efter uppföljningen i augusti 2025 kompletterades handlingsplanen med nya aktiviteter.',
      '    beslut: KS 2025-09-17 § 142',
    ].join('\n');
    write(`${planDir}/plan.md`, 'plan', fm, body(rng, 1800, 'Planen omsätter IT- och digitaliseringspolicyn i övergripande mål för perioden 2024–2027.'));
  }

  // Goals and focus areas
  const goals: Goal[] = [];
  for (let g = 1; g <= shape.goals; g++) {
    const theme = GOAL_THEMES[(g - 1) % GOAL_THEMES.length]!;
    const round = Math.floor((g - 1) / GOAL_THEMES.length);
    const titel = round === 0 ? theme : `${theme}, del ${round + 1}`;
    const focusAreas = Array.from({ length: shape.focusAreasPerGoal[g - 1]! }, (_, k) => `FO${g}.${k + 1}`);
    goals.push({ id: `M${g}`, titel, focusAreas });
    // Every principle is realised by at least one goal: principle i goes to goal i mod goals, plus one or two more.
    const principles = new Set(PRINCIPLE_IDS.filter((_, i) => i % shape.goals === g - 1));
    while (principles.size < 2 || rng.chance(0.4)) {
      principles.add(rng.pick(PRINCIPLE_IDS));
      if (principles.size >= 5) break;
    }
    const sortedPrinciples = PRINCIPLE_IDS.filter((p) => principles.has(p));
    const fm = [
      'typ: mål',
      `id: M${g}`,
      `titel: ${q(titel)}`,
      `styrprinciper: ${flow(sortedPrinciples)}`,
      'förväntat_resultat: >-',
      ...wrap(`År 2027 har ${theme.toLowerCase()} nått den nivå som planen beskriver. ${rng.pick(SENTENCES)}`, 88)
        .split('\n')
        .map((l) => `  ${l}`),
      'målår: 2027',
      `ansvarig: ${rng.pick(['Kommundirektören', 'Digitaliseringschefen', 'IT-chefen'])}`,
    ].join('\n');
    write(`${planDir}/mal/M${g}.md`, 'mål', fm, body(rng, bodyTarget(1900, fm), `Målet ${titel} handlar om hur kommunen tar tillvara digitaliseringens möjligheter.`));
    focusAreas.forEach((fo, k) => {
      const foTitle = FOCUS_THEMES[(g * 7 + k) % FOCUS_THEMES.length]!;
      const ffm = `typ: fokusområde\nid: ${fo}\ntitel: ${q(foTitle)}\nmål: M${g}`;
      write(`${planDir}/fokusomraden/${fo}.md`, 'fokusområde', ffm, body(rng, bodyTarget(1700, ffm), `Fokusområdet ${foTitle.toLowerCase()} är en del av målet ${titel}.`));
    });
  }
  const allFocusAreas = goals.flatMap((g) => g.focusAreas.map((fo) => ({ fo, goal: g })));

  // Actions: each contributes to one to three focus areas (every focus area gets at least one) or, rarely, a goal.
  const actions: Action[] = [];
  const idWidth = Math.max(2, String(shape.actions).length);
  for (let i = 0; i < shape.actions; i++) {
    const id = `A${String(i + 1).padStart(idWidth, '0')}`;
    const unit = rng.pick(UNIT_BAG);
    const primary = i < allFocusAreas.length ? allFocusAreas[i]! : rng.pick(allFocusAreas);
    const targets = new Set<string>([primary.fo]);
    const extra = rng.int(0, 2);
    for (let k = 0; k < extra; k++) targets.add(rng.chance(0.8) ? rng.pick(primary.goal.focusAreas) : rng.pick(allFocusAreas).fo);
    if (rng.chance(0.05)) targets.add(primary.goal.id);
    const startYear = rng.int(2024, 2026);
    const start = date(rng, startYear);
    const slut = date(rng, Math.min(2027, startYear + rng.int(0, 2)));
    const [s, e] = slut < start ? [slut, start] : [start, slut];
    const status = startYear === 2024 ? rng.pick(['pågår', 'pågår', 'ej påbörjad']) : 'ej påbörjad';
    const action: Action = { id, unit, start: s, slut: e, status };
    actions.push(action);
    const titel = `${rng.pick(VERBS)} ${rng.pick(OBJECTS)}`;
    const lines = [
      'typ: aktivitet',
      `id: ${id}`,
      `titel: ${q(titel)}`,
      `bidrar_till: ${flow([...targets])}`,
      `ansvarig: ${q(unit.ansvarig)}`,
      `start: ${s}`,
      `slut: ${e}`,
      `status: ${status}`,
    ];
    if (rng.chance(0.4)) {
      const enhet = rng.pick(['tkr', 'tkr', 'Mkr', 'kr'] as const);
      const belopp = enhet === 'Mkr' ? rng.int(1, 12) : enhet === 'tkr' ? rng.int(50, 4000) : rng.int(20000, 900000);
      lines.push('budget:', `  belopp: ${belopp}`, `  enhet: ${enhet}`, `  slag: ${rng.pick(['investering', 'drift'])}`);
      if (rng.chance(0.5)) lines.push(`  år: ${startYear}`);
    }
    if (rng.chance(0.7)) lines.push(`diarienummer: ${unit.prefix} ${startYear - 1 + rng.int(0, 1)}/${rng.int(10, 999)}`);
    if (i > 10 && rng.chance(0.15)) {
      // Depend on an earlier action: links always point backwards, so they never form a cycle.
      const deps = new Set<string>();
      const n = rng.int(1, 2);
      for (let k = 0; k < n; k++) deps.add(actions[rng.int(Math.max(0, i - 200), i - 1)]!.id);
      lines.push(`beroenden: ${flow([...deps].sort())}`);
    }
    const fm = lines.join('\n');
    write(`${planDir}/aktiviteter/${unit.slug}/${id}.md`, 'aktivitet', fm, body(rng, bodyTarget(1450, fm), `Aktiviteten gäller att ${titel.toLowerCase()}.`));
  }

  // Indicators: single ones measuring a goal or focus areas; every 8th slot a 1–4 maturity group of four questions.
  const indicatorFollowUps: { id: string; unit: string; scale: boolean }[] = [];
  for (let slot = 0; slot < shape.indicatorSlots; slot++) {
    const id = `I${slot + 1}`;
    const goal = goals[slot % goals.length]!;
    const measures = rng.chance(0.4) ? [goal.id] : [...new Set([rng.pick(goal.focusAreas), rng.pick(goal.focusAreas)])];
    const unit = rng.pick(UNIT_BAG).slug;
    if (isGroupSlot(slot)) {
      const gfm = [
        'typ: indikator',
        `id: ${id}`,
        `titel: ${q(`Digital mognad: ${goal.titel.toLowerCase()}`)}`,
        'enhet: skala 1–4',
        'riktning: högre',
        'källa: enkät',
        `mäter: ${flow([goal.id])}`,
        'beräkning: medelvärde',
        'skala:',
        '  min: 1',
        '  max: 4',
        'målvärden: {2025: 2.75, 2026: 3.25, 2027: 3.75}',
      ].join('\n');
      write(`${planDir}/indikatorer/${id}.md`, 'indikator', gfm, body(rng, bodyTarget(1300, gfm), 'Hörnstenen i kommunens mätning av digital mognad; värdet är medelvärdet av frågorna.'));
      for (let k = 1; k <= 4; k++) {
        const mid = `${id}.${k}`;
        const mfm = [
          'typ: indikator',
          `id: ${mid}`,
          `titel: ${q(`Fråga ${k}: ${rng.pick(FOCUS_THEMES)} fungerar i hela organisationen`)}`,
          'enhet: skala 1–4',
          'riktning: högre',
          'källa: enkät',
          `mäter: ${flow([goal.id])}`,
          `grupp: ${id}`,
          'skala:',
          '  min: 1',
          '  max: 4',
          '  etiketter: {1: inte alls, 2: i viss omfattning, 3: i stor omfattning, 4: fullt ut}',
          `målvärden: {2025: ${rng.int(2, 3)}, 2026: 3, 2027: 4}`,
          `utfall: {2023: ${rng.int(1, 2)}, 2024: ${rng.int(2, 3)}}`,
        ].join('\n');
        write(`${planDir}/indikatorer/${mid}.md`, 'indikator', mfm, body(rng, bodyTarget(1100, mfm), 'Frågan besvaras varje år i juni av ledningsgruppen.'));
        indicatorFollowUps.push({ id: mid, unit, scale: true });
      }
      continue;
    }
    const kolada = rng.chance(0.3);
    const base = rng.int(20, 70);
    const fm = [
      'typ: indikator',
      `id: ${id}`,
      `titel: ${q(`Andel ${rng.pick(OBJECTS)} som används fullt ut`)}`,
      'enhet: "%"',
      `riktning: ${rng.chance(0.85) ? 'högre' : 'lägre'}`,
      `källa: ${kolada ? 'kolada' : 'egen'}`,
      ...(kolada ? [`kolada_kpi: ${rng.pick(['N', 'U'])}${String(rng.int(0, 99999)).padStart(5, '0')}`] : []),
      `mäter: ${flow(measures)}`,
      `målvärden: {2025: ${base + 10}, 2026: ${base + 20}, 2027: ${base + 30}}`,
      `utfall: {2023: ${base - rng.int(0, 8)}, 2024: ${base}}`,
    ].join('\n');
    write(`${planDir}/indikatorer/${id}.md`, 'indikator', fm, body(rng, bodyTarget(1200, fm), 'Indikatorn mäts varje år i juni utifrån kommunens egna uppgifter.'));
    if (followedUpIndicator(slot)) indicatorFollowUps.push({ id, unit, scale: false });
  }

  // Follow-ups: every goal and focus area, the indicators, and a share of the actions, for each period.
  const followUp = (period: string, unit: string, avser: string, fields: string[], lead: string, mean: number): void => {
    const fm = ['typ: uppföljning', `avser: ${avser}`, `period: ${period}`, ...fields, `författare: ${q(rng.pick(AUTHORS))}`, `datum: ${date(rng, Number(period.slice(0, 4)), 8, 8)}`].join('\n');
    write(`${planDir}/uppfoljning/${period}/${unit}/${avser}.md`, 'uppföljning', fm, body(rng, bodyTarget(mean, fm), lead));
  };
  const assessments = ['uppfyllt', 'delvis uppfyllt', 'delvis uppfyllt', 'delvis uppfyllt', 'ej uppfyllt'];
  const actionOrder = shuffle(rng, actions.map((_, i) => i));
  PERIODS.forEach((period, p) => {
    for (const goal of goals) {
      for (const avser of [goal.id, ...goal.focusAreas]) {
        followUp(period, 'digitaliseringsenheten', avser, [`bedömning: ${rng.pick(assessments)}`, `prognos: ${rng.pick(assessments)}`], 'Bedömningen bygger på förvaltningarnas rapporter.', 1500);
      }
    }
    for (const ind of indicatorFollowUps) {
      const value = ind.scale ? rng.int(1, 4) : rng.int(30, 95) + (rng.chance(0.3) ? 0.5 : 0);
      followUp(period, ind.unit, ind.id, [`utfall: ${value}`], 'Utfallet är hämtat från årets mätning.', 900);
    }
    // Period 1 follows up the first share of the shuffled actions; period 2 an overlapping, later share.
    const count = shape.actionFollowUps[p]!;
    const offset = p === 0 ? 0 : Math.floor(shape.actionFollowUps[0]! / 3);
    for (let k = 0; k < count; k++) {
      const a = actions[actionOrder[(offset + k) % actions.length]!]!;
      const year = Number(period.slice(0, 4));
      const due = Number(a.slut.slice(0, 4));
      const status = due < year ? rng.pick(['klar', 'klar', 'försenad', 'avbruten']) : rng.pick(['pågår', 'pågår', 'pågår', 'försenad', 'pausad', 'ej påbörjad']);
      followUp(period, a.unit.slug, a.id, [`status: ${status}`], `Status för ${a.id} i augusti ${year}.`, 1000);
    }
  });
  return result;
}
