// Names the site's history pages share, in a module of their own so that pages importing them do not pull the
// git and diff code (src/site/history.ts) into the site's bundle.

/** URL segment of a plan's page "Ändringar sedan antagandet": `/<plan>/andringar/`. */
export const SINCE_ADOPTION_SEGMENT = 'andringar';

/** The configuration key naming the adopted revision, for messages and the page that says how to set it. */
export const ADOPTION_KEY = 'antagen_revision';
