// Addresses (URLs) a municipality writes in its configuration: only the schemes the site may publish. zod's URL
// check accepts `javascript:`, `data:` and `vbscript:`, and Astro crashes ("Invalid URL") on a site address it cannot
// resolve page paths against, so every address is read with the WHATWG URL parser (as browsers read an href) and its
// scheme is checked against the key's list: the same list the markdown pipeline keeps links with (src/site/markdown.ts).
import { z } from 'zod';

/** Schemes a link on the site may have: the markdown pipeline's list (http, https, mailto, tel). */
export const LINK_PROTOCOLS = ['https:', 'http:', 'mailto:', 'tel:'] as const;
/** Schemes of a web address: the site's own address, a sign-in service, a git host. */
export const WEB_PROTOCOLS = ['https:', 'http:'] as const;

export type AddressProtocol = (typeof LINK_PROTOCOLS)[number];

/**
 * What is wrong with `value` as an address with one of `protocols`, as a Swedish clause ("ska börja med …"), or null
 * when it is fine. Whitespace and control characters anywhere are refused (browsers drop some of them inside a
 * scheme, "java\tscript:"), as is an address the URL parser cannot read or, for http and https, one without a host.
 */
export function addressProblem(value: string, protocols: readonly AddressProtocol[]): string | null {
  const allowed = protocols.map((p) => `${p}`).join(', ').replace(/, ([^,]*)$/, ' eller $1');
  const example = protocols.includes('https:') ? ', t.ex. https://plan.ekby.se/' : '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters in an address is what this is for.
  if (/[\u0000-\u0020\u007f-\u009f\u00a0\u2028\u2029]/.test(value)) return `får inte innehålla blanksteg eller styrtecken; skriv adressen utan dem${example}`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `är ingen fullständig adress; den ska börja med ${allowed}${example}`;
  }
  if (!(protocols as readonly string[]).includes(url.protocol)) {
    return `börjar med ${url.protocol}, som inte är tillåtet här; adressen ska börja med ${allowed}${example}`;
  }
  if ((url.protocol === 'https:' || url.protocol === 'http:') && url.hostname === '') return `saknar värdnamn${example}`;
  return null;
}

/** A zod string that is an address with one of `protocols` (see addressProblem), with the problem as its Swedish message. */
export function addressSchema(protocols: readonly AddressProtocol[]) {
  return z.string().superRefine((value, context) => {
    const problem = addressProblem(value, protocols);
    if (problem !== null) context.addIssue({ code: 'custom', message: problem, input: value });
  });
}
