// sparbar importera: documents in each shape of ../shared/domain.md, written by us, imported as text with the
// artefacts of PDF extraction, as Word files made with the docx package and as PDFs made with pdfkit. Each
// gives the same nodes and links, repairs the text, and checks with exactly the facts the document lacks.
import { describe, expect, it } from 'vitest';
import { EXISTING, expectMissingFacts, importAndCheck, summarise, type Imported } from './import-check.js';
import type { ImportOptions } from '../../src/import/to-files.js';
import { toDocx, toExtractedText, toPdf, type Artefacts } from './render.js';
import { BUDGET_REPORT, POLICY_AND_PLAN, SHARED_POLICY, VISION_STRATEGY, type ShapeBlock } from './shapes.js';

const FORMATS = ['txt', 'docx', 'pdf'] as const;
/** The no-indicator warnings of goals `ids`: no imported document here has indicators, so no goal is measured. */
const NO_INDICATOR = (ids: string[]) => ids.map((id) => `plan/mal/${id}.md no-indicator`);

async function render(shape: ShapeBlock[], format: (typeof FORMATS)[number], artefacts: Artefacts): Promise<string | Buffer> {
  if (format === 'txt') return toExtractedText(shape, artefacts);
  if (format === 'docx') return toDocx(shape);
  return toPdf(shape, artefacts);
}

const cache = new Map<string, Promise<Imported>>();
/** Imports the shape once per format; a plan document without its policy is imported under an existing one. */
function imported(name: string, shape: ShapeBlock[], format: (typeof FORMATS)[number], artefacts: Artefacts, options: ImportOptions = {}): Promise<Imported> {
  const key = `${name}.${format}`;
  if (!cache.has(key)) cache.set(key, render(shape, format, artefacts).then((bytes) => importAndCheck(`${name}.${format}`, bytes, options)));
  return cache.get(key)!;
}

const POLICY_ARTEFACTS: Artefacts = {
  header: 'Åby kommun – IT-policy och plan',
  hyphenate: { verksamhetsnytta: 'verksam-\nhetsnytta' },
  split: { samutnyttjande: 'samutnyttj ande', miljöbelastning: 'milj öbelastning' },
};

describe.each(FORMATS)('a policy and strategic plan in one document (%s)', (format) => {
  const get = () => imported('it-policy-och-plan', POLICY_AND_PLAN, format, POLICY_ARTEFACTS);

  it('recognises areas, principles with sub-points, numbered goals with focus areas and expected results, and the action table', async () => {
    const { check } = await get();
    const plan = summarise(check.graph);
    expect(plan.areas).toEqual([
      { id: 'O1', title: 'Nytta för invånare och företag', principles: ['SP1', 'SP2'] },
      { id: 'O2', title: 'Tydliga strukturer för IT-arbetet', principles: ['SP3', 'SP4'] },
    ]);
    expect(plan.principles).toEqual([
      { id: 'SP1', title: 'Digitalt först när det ger nytta för invånaren', subPoints: ['Självservice dygnet runt där det är möjligt', 'Personlig service finns kvar för den som behöver den'] },
      { id: 'SP2', title: 'Öppenhet och insyn i kommunens beslut', subPoints: [] },
      { id: 'SP3', title: 'Gemensamma lösningar går före enhetsspecifika', subPoints: ['Samutnyttjande av system mellan förvaltningarna', 'Tidigare investeringar återanvänds'] },
      { id: 'SP4', title: 'Säkerhetsnivån bestäms efter riskanalys', subPoints: [] },
    ]);
    expect(plan.goals).toEqual([
      {
        id: 'M1',
        title: 'IT-styrning',
        principles: ['SP3', 'SP4'],
        focusAreas: ['FO1.1 Gemensam beslutsordning för investeringar', 'FO1.2 Systemägarskap för varje verksamhetssystem'],
        expectedResult: 'Alla IT-investeringar prövas i en gemensam ordning och samutnyttjande av system är regel.',
        targetYear: 2028,
      },
      {
        id: 'M2',
        title: 'Digitala tjänster',
        principles: ['SP1', 'SP2'],
        focusAreas: ['FO2.1 E-tjänster för de vanligaste ärendena', 'FO2.2 Mindre miljöbelastning genom digitala möten'],
        expectedResult: 'Åtta av tio ärenden börjar digitalt.',
        targetYear: 2028,
      },
    ]);
    expect(plan.actions).toEqual([
      { id: 'A01', title: 'Ny e-tjänsteplattform', contributesTo: ['FO2.1'], owner: 'Kommunledningsförvaltningen', end: '2026-06-30', status: 'pågår', budget: { belopp: 3, enhet: 'Mkr', slag: 'investering' } },
      { id: 'A02', title: 'Beslutsordning för IT-investeringar', contributesTo: ['FO1.1'], owner: 'Kommunstyrelsen', end: null, status: 'ej påbörjad', budget: null },
      { id: 'A03', title: 'Digitala mötesrum', contributesTo: ['FO2.2'], owner: 'Servicenämnden', end: null, status: null, budget: { belopp: 400, enhet: 'tkr' } },
    ]);
  });

  it('gives the policy the council decision of the title page, and keeps the vision and the follow-up text', async () => {
    const { check } = await get();
    const policy = check.graph.nodes.find((n) => n.type === 'policy')!;
    expect(policy.fields).toMatchObject({ antagen_av: 'Kommunfullmäktige', antagen: '2024-11-25', giltighet: { från: '2025-01-01', till: '2028-12-31' }, diarienummer: 'KS 2024/301' });
    expect(policy.organisations).toEqual(['aby']);
    expect(policy.body).toBe('## Vision\n\nÅby är en kommun där digitala tjänster gör vardagen enklare för invånare och företag, och där verksamhetsnytta styr varje satsning på IT.');
    const plan = check.graph.nodes.find((n) => n.type === 'plan')!;
    expect(plan.fields['period']).toEqual({ från: 2025, till: 2028 });
    expect(plan.body).toContain('## Ansvar och uppföljning\n\nKommunstyrelsen följer upp planen varje år i samband med delårsbokslutet i augusti.');
  });

  it('checks with 0 errors and a warning for each fact the document does not give, and for what is really missing', async () => {
    const imported = await get();
    expectMissingFacts(
      imported,
      ['plan/plan.md antagen_av', 'plan/plan.md antagen', 'plan/aktiviteter/A02.md slut', 'plan/aktiviteter/A03.md slut', 'plan/aktiviteter/A03.md budget.slag'],
      ['plan/mal/M1.md focus-area-without-action', 'plan/mal/M1.md no-indicator', 'plan/mal/M2.md no-indicator'],
    );
    // "hösten 2026" is kept as the document says it, not turned into a date; "400 tkr" is a budget of unknown kind.
    const a03 = imported.check.graph.nodes.find((n) => n.id === 'A03')!;
    expect(a03.body).toBe('Klart: hösten 2026');
    expect((a03.fields as Record<string, unknown>)['budget']).toEqual({ belopp: 400, enhet: 'tkr' });
  });
});

describe.each(['txt', 'pdf'] as const)('the same document out of a PDF (%s)', (format) => {
  const get = () => imported('it-policy-och-plan', POLICY_AND_PLAN, format, POLICY_ARTEFACTS);

  it('repairs what extraction did: page lines, hyphenation, split words, ligatures and odd spaces', async () => {
    const { result } = await get();
    const repairs = result.repairs.map((r) => `${r.kind}: ${r.before} → ${r.after}${r.unsure ? ' (osäkert)' : ''}`);
    expect(repairs).toContain('hyphenation: verksam- hetsnytta → verksamhetsnytta');
    expect(repairs).toContain('hyphenation: verksam- hetsnyttan → verksamhetsnyttan');
    expect(repairs).toContain('split-word: samutnyttj ande → samutnyttjande');
    expect(repairs).toContain('split-word: milj öbelastning → miljöbelastning (osäkert)');
    expect(repairs.filter((r) => r.startsWith('page-number: Sida')).length).toBeGreaterThanOrEqual(2);
    expect(repairs.filter((r) => r === 'running-line: Åby kommun – IT-policy och plan → ').length).toBeGreaterThanOrEqual(2);
    if (format === 'txt') expect(result.repairs.some((r) => r.kind === 'characters' && r.before.includes('ﬁ'))).toBe(true);
    const text = JSON.stringify({ ...result, repairs: [] });
    expect(text).not.toMatch(/ﬁ|\u00a0|Sida \d av/);
  });
});

describe.each(FORMATS)('a policy shared by several municipalities (%s)', (format) => {
  const get = () => imported('gemensam-policy', SHARED_POLICY, format, { header: 'Norrdalens kommuner – gemensam IT-policy' });

  it('names every adopter, keeps the areas, and reads the goals under them with their deadlines', async () => {
    const { filled: check, planned, result } = await get();
    const policy = check.graph.nodes.find((n) => n.type === 'policy')!;
    expect(policy.organisations).toEqual(['aby', 'bby', 'cby']);
    expect(policy.fields).toMatchObject({ antagen_av: 'Kommunfullmäktige', giltighet: { från: '2023-01-01', till: '2027-12-31' } });
    const plan = summarise(check.graph);
    expect(plan.areas.map((a) => `${a.id} ${a.title}`)).toEqual(['O1 Samverkan', 'O2 Kompetens']);
    // Each goal realises the area it stands under in the document (områden: [O1]).
    expect(plan.goals.map((g) => [g.id, g.title, g.targetYear, g.principles])).toEqual([
      ['M1', 'Gemensam e-tjänsteplattform', 2025, ['O1']],
      ['M2', 'Gemensam systemförvaltning för skolan', 2026, ['O1']],
      ['M3', 'Alla chefer har gått utbildningen i digitalt ledarskap', 2027, ['O2']],
    ]);
    // The three decisions differ in date: no single adoption date is written; each is kept in beslut.
    expect(result.policy?.adopted).toBeNull();
    expect(result.policy?.adoptions.map((a) => `${a.organisation} ${a.body} ${a.date}`)).toEqual([
      'Aby kommun Kommunfullmäktige 2023-03-20',
      'Bby kommun Kommunfullmäktige 2023-04-17',
      'Cby kommun Kommunfullmäktige 2023-04-24',
    ]);
    // Each municipality's decision is kept in beslut, the organ they share once for all.
    expect(policy.fields).toMatchObject({ beslut: [{ organisation: 'aby', antagen: '2023-03-20' }, { organisation: 'bby', antagen: '2023-04-17' }, { organisation: 'cby', antagen: '2023-04-24' }] });
    expect(planned.notes.some((n) => /antogs i 3 beslut/.test(n.text))).toBe(false);
    expect(planned.notes.filter((n) => /området/.test(n.text))).toEqual([]);
  });

  it('checks with 0 errors: the plan keeps every adopter in organisationer, and a warning for each fact not given', async () => {
    const imported = await get();
    expect(imported.check.graph.nodes.find((n) => n.type === 'plan')!.organisations).toEqual(['aby', 'bby', 'cby']);
    expectMissingFacts(
      imported,
      ['plan/plan.md antagen_av', 'plan/plan.md antagen', 'plan/plan.md period', 'plan/mal/M1.md förväntat_resultat', 'plan/mal/M2.md förväntat_resultat', 'plan/mal/M3.md förväntat_resultat'],
      ['plan/mal/M1.md goal-without-focus-area', 'plan/mal/M2.md goal-without-focus-area', 'plan/mal/M3.md goal-without-focus-area', ...NO_INDICATOR(['M1', 'M2', 'M3'])],
    );
  });
});

describe('a policy shared by several municipalities, imported for one of them (--organisation aby)', () => {
  it('keeps every adopter, makes the plan Aby’s, and checks with 0 errors and a warning for each fact not given', async () => {
    const bytes = toExtractedText(SHARED_POLICY, { header: 'Norrdalens kommuner – gemensam IT-policy' });
    const imported = await importAndCheck('gemensam-policy.txt', bytes, { organisation: 'aby' });
    const { check, planned } = imported;
    expect(planned.files.filter((f) => f.path.startsWith('organisationer/')).map((f) => f.path)).toEqual(['organisationer/aby.md', 'organisationer/bby.md', 'organisationer/cby.md']);
    expect(check.graph.nodes.find((n) => n.type === 'policy')!.organisations).toEqual(['aby', 'bby', 'cby']);
    expect(check.graph.nodes.find((n) => n.type === 'plan')!.organisations).toEqual(['aby']);
    expect(summarise(check.graph).goals.map((g) => g.id)).toEqual(['M1', 'M2', 'M3']);
    expectMissingFacts(
      imported,
      ['plan/plan.md antagen_av', 'plan/plan.md antagen', 'plan/plan.md period', 'plan/mal/M1.md förväntat_resultat', 'plan/mal/M2.md förväntat_resultat', 'plan/mal/M3.md förväntat_resultat'],
      ['plan/mal/M1.md goal-without-focus-area', 'plan/mal/M2.md goal-without-focus-area', 'plan/mal/M3.md goal-without-focus-area', ...NO_INDICATOR(['M1', 'M2', 'M3'])],
    );
  });
});

describe.each(FORMATS)('a strategy with vision, current state, target state and success factors (%s)', (format) => {
  const get = () => imported('digital-strategi', VISION_STRATEGY, format, { header: 'Dby kommun – digital strategi' }, EXISTING);

  it('reads the goals of the target state and keeps vision, current state, success factors and the unwritten action plan as text', async () => {
    const { check, planned, result } = await get();
    const plan = summarise(check.graph);
    expect(result.plan?.goals.map((g) => [g.id, g.title, g.expectedResult, g.targetYear])).toEqual([
      ['M1', 'Invånarna möter en enda ingång till kommunens tjänster', 'Nio av tio ärenden kan startas digitalt.', 2029],
      ['M2', 'Medarbetarna har verktyg som frigör tid', null, null],
    ]);
    expect(plan.actions).toEqual([]);
    const body = check.graph.nodes.find((n) => n.type === 'plan')!.body;
    for (const heading of ['## Vision', '## Nuläge', '## Kritiska framgångsfaktorer', '## Handlingsplan']) expect(body).toContain(heading);
    expect(body).toContain('Handlingsplanen tas fram under 2026 av respektive förvaltning.');
    expect(result.plan?.successFactors.map((s) => `${s.id} ${s.title}`)).toEqual(['KF1 Ledningen prioriterar arbetet', 'KF2 Verksamheterna äger sina förändringar']);
    expect(planned.notes.filter((n) => n.text.startsWith('Framgångsfaktor'))).toHaveLength(2);
  });

  it('checks with exactly what the strategy does not say', async () => {
    expectMissingFacts(await get(), ['plan/plan.md antagen_av', 'plan/plan.md antagen', 'plan/mal/M2.md förväntat_resultat', 'plan/mal/M2.md målår'], [
      'plan/mal/M1.md goal-without-focus-area',
      'plan/mal/M2.md goal-without-focus-area',
      ...NO_INDICATOR(['M1', 'M2']),
    ]);
  });
});

describe.each(FORMATS)('a yearly report toward the budget frame (%s)', (format) => {
  const get = () => imported('it-rapport', BUDGET_REPORT, format, { header: 'Eby kommun – IT-rapport', linesPerPage: 10 }, EXISTING);

  it('reads each area as a goal, what was done as finished actions and what is in focus as actions with their money', async () => {
    const { check, planned } = await get();
    const plan = summarise(check.graph);
    expect(plan.goals.map((g) => `${g.id} ${g.title}`)).toEqual(['M1 Digital förnyelse', 'M2 IT-infrastruktur']);
    expect(plan.actions).toEqual([
      { id: 'A01', title: 'Ny webbplats lanserad', contributesTo: ['M1'], owner: null, end: null, status: 'klar', budget: null },
      { id: 'A02', title: 'Digital nämndhantering', contributesTo: ['M1'], owner: 'Kansliet', end: null, status: null, budget: { belopp: 800, enhet: 'tkr', slag: 'drift' } },
      { id: 'A03', title: 'Byte av trådlöst nät i skolorna', contributesTo: ['M2'], owner: 'IT-enheten', end: '2026-12-31', status: null, budget: { belopp: 2.5, enhet: 'Mkr', slag: 'investering' } },
    ]);
    expect(check.graph.nodes.find((n) => n.id === 'M1')!.body).toBe('Programmet för digital förnyelse har 5 Mkr per år 2026–2028. Bedömningen är att beloppet behöver fördubblas.');
    expect(planned.notes.some((n) => n.text.includes('Målet M1 nämner pengar (5 Mkr)'))).toBe(true);
  });

  it('checks with exactly what the report does not say', async () => {
    expectMissingFacts(
      await get(),
      ['plan/plan.md antagen_av', 'plan/plan.md antagen', 'plan/mal/M1.md förväntat_resultat', 'plan/mal/M1.md målår', 'plan/mal/M2.md förväntat_resultat', 'plan/mal/M2.md målår', 'plan/aktiviteter/A01.md ansvarig', 'plan/aktiviteter/A01.md slut', 'plan/aktiviteter/A02.md slut'],
      [
        'plan/mal/M1.md goal-without-focus-area',
        'plan/mal/M2.md goal-without-focus-area',
        ...NO_INDICATOR(['M1', 'M2']),
      ],
    );
  });
});
