// The site's interface strings, in Swedish, by key: the words of the layout, the menus and the shared
// components, as Starlight keeps its UI strings (src/translations/*.json) apart from the pages' content.
// Counted phrases (1 aktivitet, 3 aktiviteter; 1 uppfyllt mål) are made with ./agreement.ts, node types'
// names are in ./nodes.ts. A page's own prose stays in the page.

export const UI = {
  'skipLink.label': 'Hoppa till innehållet',
  'search.label': 'Sök på webbplatsen',
  'search.button': 'Sök',
  'search.placeholder': 'Sök på webbplatsen',
  'search.headerLandmark': 'Sök i sidhuvudet',
  'search.pageLandmark': 'Sök på sidan Sök',
  'menu.label': 'Huvudmeny',
  'menu.start': 'Start',
  'menu.listing': 'Planer och policyer',
  'menu.openData': 'Öppna data',
  'breadcrumbs.label': 'Brödsmulor',
  'footer.accessibility': 'Tillgänglighetsredogörelse',
  'footer.openData': 'Öppna data',
  'footer.search': 'Sök och alla sidor',
  'footer.pageAddress': 'Sidan finns på',
  'footer.madeWith': 'Publicerad med Spårbar – planer som kod.',
  'print.page': 'Sida',
  'print.pageOf': 'av',
  'group.computed': 'medelvärdet av frågorna',
  'group.fromQuestions': 'Gruppen har ingen egen uppföljning: värdet är medelvärdet av frågornas utfall, med samma vikt. Frågornas uppföljningar:',

  'sectionNav.plan': 'Planens sidor',
  'sectionNav.policy': 'Policyns sidor',
  'section.overview': 'Översikt',
  'section.goals': 'Mål',
  'section.focusAreas': 'Fokusområden',
  'section.actions': 'Aktiviteter',
  'section.indicators': 'Indikatorer',
  'section.traceability': 'Spårbarhet',
  'section.owners': 'Ansvariga',
  'section.followUp': 'Uppföljning',
  'section.history': 'Historik',
  'section.sinceAdoption': 'Ändringar sedan antagandet',
  'section.comparison': 'Jämförelse',
  'section.areas': 'Områden',
  'section.principles': 'Styrprinciper',

  'state.noStatus': 'Status saknas',
  'state.noForecast': 'Ingen prognos',
  'state.notAssessed': 'Ej bedömd',
  'state.notAssessedPlural': 'ej bedömda',
  'state.notSubmitted': 'Ej inlämnad',
  'state.notSubmittedPlural': 'ej inlämnade',
  'state.followUpNotSubmitted': 'uppföljningen ej inlämnad',
  'report.notSubmitted': 'Uppföljningen är öppnad men inte inlämnad: ingen har skrivit bedömning eller analys ännu.',
  'state.forecast': 'Prognos',
  'state.overdue': 'försenad',
  'state.notActive': 'Ej aktuell',
  'state.startsLater': 'Startar senare',
  'counts.noStatus': 'status saknas',
  'counts.startsLater': 'startar senare',
  'counts.of': 'av',
  'owner.missing': 'Ansvarig saknas',

  'budget.year': 'År',
  'budget.noYear': 'År ej angivet',
  'budget.stageUnknown': 'Läge ej angivet',
  'budget.kindUnknown': 'slag ej angivet',
  'budget.exact': 'Beloppen räknas om exakt mellan kr, tkr och Mkr (1 Mkr = 1 000 tkr = 1 000 000 kr), och ett spann summeras som spann.',
  'target.met': 'Nått',
  'target.notMet': 'Inte nått',

  'actionChange.ny': 'Ny',
  'actionChange.klar': 'Blev klar',
  'actionChange.avbruten': 'Avbröts',
  'actionChange.försenad': 'Försenad',
  'actionChange.pausad': 'Pausades',
  'actionChange.ändrad': 'Ändrad status',
  'actionChange.oförändrad': 'Oförändrad',
  'actionChange.stillLate': 'Fortfarande försenad',
  'assessmentChange.bättre': 'Bättre',
  'assessmentChange.sämre': 'Sämre',
  'assessmentChange.ny bedömning': 'Ny bedömning',
  'assessmentChange.bedömning saknas': 'Bedömning saknas',
  'assessmentChange.oförändrad': 'Oförändrad',

  'column.action': 'Aktivitet',
  'column.owner': 'Ansvarig',
  'column.due': 'Klar senast',
  'column.status': 'Status',
  'column.change': 'Ändring',
  'column.goalOrFocusArea': 'Mål eller fokusområde',
  'column.focusArea': 'Fokusområde',
  'column.goal': 'Mål',
  'column.assessment': 'Bedömning',
  'column.actions': 'Aktiviteter',
  'column.indicators': 'Indikatorer',
  'column.indicator': 'Indikator',
  'column.period': 'Period',
  'column.date': 'Datum',
  'column.changedBy': 'Ändrad av',
  'column.commit': 'Incheckning',

  'empty.actions': 'Inga aktiviteter.',
  'empty.focusAreas': 'Inga fokusområden.',
  'empty.indicators': 'Inga indikatorer.',

  'changeHistory.title': 'Ändringshistorik',

  'trace.up': 'Leder upp till',
} as const;

export type UiKey = keyof typeof UI;

/** The interface string `key`: `t('search.label')` is `Sök på webbplatsen`. */
export function t(key: UiKey): string {
  return UI[key];
}
