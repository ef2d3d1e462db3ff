// The documents the import tests read, written by us in the shapes of ../shared/domain.md (not copied from
// any real document): each shape as paragraphs that a test turns into text with PDF artefacts, a Word file
// or a PDF. A block is a heading (level), a paragraph, a list item (level) or a table row.

export type ShapeBlock =
  | { h: string; level?: 0 | 1 | 2 | 3 }
  | { p: string }
  | { li: string; level?: number; ordered?: boolean }
  | { row: string[]; header?: boolean };

/** Shape 1: a policy and strategic plan in one document (areas, principles with sub-points, numbered goals). */
export const POLICY_AND_PLAN: ShapeBlock[] = [
  { h: 'IT- och digitaliseringspolicy med strategisk plan 2025–2028 för Åby kommun', level: 0 },
  { p: 'Antagen av kommunfullmäktige 2024-11-25, § 112' },
  { p: 'Diarienummer: KS 2024/301' },
  { p: 'Giltighet: 2025-01-01 – 2028-12-31' },
  { h: 'Vision', level: 1 },
  { p: 'Åby är en kommun där digitala tjänster gör vardagen enklare för invånare och företag, och där verksamhetsnytta styr varje satsning på IT.' },
  { h: 'Strategiska områden och styrprinciper', level: 1 },
  { h: 'Område 1: Nytta för invånare och företag', level: 2 },
  { p: 'Invånare och företag ska märka att kommunen blir enklare att ha att göra med.' },
  { p: 'Styrprinciper för området:' },
  { li: 'Digitalt först när det ger nytta för invånaren' },
  { li: 'Självservice dygnet runt där det är möjligt', level: 1 },
  { li: 'Personlig service finns kvar för den som behöver den', level: 1 },
  { li: 'Öppenhet och insyn i kommunens beslut' },
  { h: 'Område 2: Tydliga strukturer för IT-arbetet', level: 2 },
  { p: 'Styrprinciper för området:' },
  { li: 'Gemensamma lösningar går före enhetsspecifika' },
  { li: 'Samutnyttjande av system mellan förvaltningarna', level: 1 },
  { li: 'Tidigare investeringar återanvänds', level: 1 },
  { li: 'Säkerhetsnivån bestäms efter riskanalys' },
  { h: 'Övergripande mål', level: 1 },
  { p: '1. IT-styrning — Kommunen styr sina investeringar i IT gemensamt och följer upp verksamhetsnyttan.' },
  { p: 'Målet förverkligar styrprinciperna 3 och 4.' },
  { p: 'Fokusområden:' },
  { li: 'Gemensam beslutsordning för investeringar' },
  { li: 'Systemägarskap för varje verksamhetssystem' },
  { p: 'Förväntat resultat 2028' },
  { p: 'Alla IT-investeringar prövas i en gemensam ordning och samutnyttjande av system är regel.' },
  { p: '2. Digitala tjänster — Invånare och företag sköter sina vanligaste ärenden digitalt.' },
  { p: 'Förverkligar styrprinciperna: 1, 2' },
  { p: 'Fokusområden:' },
  { li: 'E-tjänster för de vanligaste ärendena' },
  { li: 'Mindre miljöbelastning genom digitala möten' },
  { p: 'Förväntat resultat 2028' },
  { p: 'Åtta av tio ärenden börjar digitalt.' },
  { h: 'Handlingsplan', level: 1 },
  { row: ['Aktivitet', 'Bidrar till', 'Ansvarig', 'Klart', 'Status', 'Budget'], header: true },
  { row: ['Ny e-tjänsteplattform', 'FO2.1', 'Kommunledningsförvaltningen', '2026-06-30', 'pågår', '3 Mkr investering'] },
  { row: ['Beslutsordning för IT-investeringar', 'FO1.1', 'Kommunstyrelsen', '', 'ej påbörjad', ''] },
  { row: ['Digitala mötesrum', 'FO2.2', 'Servicenämnden', 'hösten 2026', '', '400 tkr'] },
  { h: 'Ansvar och uppföljning', level: 1 },
  { p: 'Kommunstyrelsen följer upp planen varje år i samband med delårsbokslutet i augusti.' },
];

/** Shape 2: a policy shared by several municipalities: strategic areas with goals and deadlines, no principles. */
export const SHARED_POLICY: ShapeBlock[] = [
  { h: 'Gemensam IT-policy för Norrdalens kommuner', level: 0 },
  { p: 'Policyn är framtagen i samverkan mellan Aby, Bby och Cby kommuner.' },
  { row: ['Kommun', 'Beslutande organ', 'Datum'], header: true },
  { row: ['Aby', 'Kommunfullmäktige', '2023-03-20'] },
  { row: ['Bby', 'Kommunfullmäktige', '2023-04-17'] },
  { row: ['Cby', 'Kommunfullmäktige', '2023-04-24'] },
  { p: 'Gäller 2023–2027' },
  { h: 'Vision', level: 1 },
  { p: 'Tillsammans blir tre små kommuner starka nog att ge invånarna moderna digitala tjänster.' },
  { h: 'Strategiska områden', level: 1 },
  { h: 'Samverkan', level: 2 },
  { p: 'Kommunerna upphandlar och förvaltar system tillsammans där det går.' },
  { p: 'Mål:' },
  { li: 'Gemensam e-tjänsteplattform senast 2025' },
  { li: 'Gemensam systemförvaltning för skolan senast 2026' },
  { h: 'Kompetens', level: 2 },
  { p: 'Medarbetarna ska ha den digitala kompetens som uppdraget kräver.' },
  { p: 'Mål:' },
  { li: 'Alla chefer har gått utbildningen i digitalt ledarskap senast 2027' },
  { h: 'Roller och ansvar', level: 1 },
  { p: 'Varje system har en systemägare och en systemansvarig. Gruppen av IT-chefer samordnar arbetet.' },
];

/** Shape 3: vision, current state, target state and action plan, with critical success factors. */
export const VISION_STRATEGY: ShapeBlock[] = [
  { h: 'Digital strategi för Dby kommun 2026–2029', level: 0 },
  { h: 'Vision', level: 1 },
  { p: 'Dby kommun är digital där det gör nytta och personlig där det behövs.' },
  { h: 'Nuläge', level: 1 },
  { p: 'I dag har kommunen många system som inte talar med varandra, och de flesta blanketter är på papper.' },
  { h: 'Målbild', level: 1 },
  { p: '1. Invånarna möter en enda ingång till kommunens tjänster' },
  { p: 'Förväntat resultat 2029' },
  { p: 'Nio av tio ärenden kan startas digitalt.' },
  { p: '2. Medarbetarna har verktyg som frigör tid' },
  { h: 'Kritiska framgångsfaktorer', level: 1 },
  { li: 'Ledningen prioriterar arbetet' },
  { li: 'Verksamheterna äger sina förändringar' },
  { h: 'Handlingsplan', level: 1 },
  { p: 'Handlingsplanen tas fram under 2026 av respektive förvaltning.' },
];

/** Shape 4: a yearly IT report toward the budget frame: per area, what was done and what is in focus, with money. */
export const BUDGET_REPORT: ShapeBlock[] = [
  { h: 'IT-rapport inför mål och ramar 2026–2028, Eby kommun', level: 0 },
  { h: 'Digital förnyelse', level: 1 },
  { p: 'Programmet för digital förnyelse har 5 Mkr per år 2026–2028. Bedömningen är att beloppet behöver fördubblas.' },
  { p: 'Genomfört 2025' },
  { li: 'Ny webbplats lanserad' },
  { p: 'I fokus 2026' },
  { li: 'Digital nämndhantering (ansvarig: Kansliet, 800 tkr drift)' },
  { h: 'IT-infrastruktur', level: 1 },
  { p: 'I fokus 2026' },
  { li: 'Byte av trådlöst nät i skolorna (ansvarig: IT-enheten, klart 2026-12-31, 2,5 Mkr investering)' },
];

/**
 * Shape 5: a municipal plan with numbered chapters ("3. Mål", "4. Handlingsplan"), goals named "Mål 1: …"
 * with numbered focus areas, and an action table whose Mål column gives the document's own numbers ("1.1",
 * "3"), end dates that are no dates, and money beside a date cell.
 */
export const NUMBERED_PLAN: ShapeBlock[] = [
  { h: 'Digitaliseringsplan för Fby kommun 2025–2028', level: 0 },
  { p: 'Antagen av kommunstyrelsen 2025-03-12, § 45.' },
  { h: '1. Inledning', level: 1 },
  { p: 'Planen beskriver hur kommunen arbetar med digitalisering.' },
  { h: '2. Mål', level: 1 },
  { h: 'Mål 1: Enklare service', level: 2 },
  { p: 'Invånarna ska kunna sköta sina ärenden digitalt.' },
  { p: 'Fokusområden:' },
  { li: 'E-tjänster för de vanligaste ärendena', ordered: true },
  { li: 'Ett gemensamt kontaktcenter', ordered: true },
  { h: 'Mål 2: Säker IT-drift', level: 2 },
  { p: 'Fokusområden:' },
  { li: 'Informationssäkerhet', ordered: true },
  { h: 'Mål 3: Digital kompetens', level: 2 },
  { p: 'Alla medarbetare ska ha den digitala kompetens som uppdraget kräver.' },
  { h: '3. Handlingsplan', level: 1 },
  { row: ['Nr', 'Aktivitet', 'Mål', 'Ansvarig', 'Klart', 'Budget'], header: true },
  { row: ['1', 'Införa e-tjänst för bygglov', '1.1', 'Samhällsbyggnadsförvaltningen', '2026-06-30', '1 500 tkr'] },
  { row: ['2', 'Starta kontaktcenter', '1.2', 'Kommunledningsförvaltningen', 'Q4 2026', '2,5 Mkr'] },
  { row: ['3', 'Digitala fixare för seniorer', '1.4', 'Kultur- och fritidsförvaltningen', '2027', 'Inom ram'] },
  { row: ['4', 'Ledningssystem för informationssäkerhet', '2.1', 'IT-enheten', '2025-02-30', '800 000 kr'] },
  { row: ['5', 'Utbildning för chefer', '3', '', 'löpande', ''] },
  { row: ['6', 'Öppna data', '7', 'IT-enheten', '2027-12-31', ''] },
  { h: '4. Uppföljning', level: 1 },
  { p: 'Planen följs upp årligen i samband med delårsbokslutet i augusti.' },
];
