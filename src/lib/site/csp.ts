// The site's Content-Security-Policy: scripts, styles, fetches and fonts from the site itself
// only. 'wasm-unsafe-eval' lets Pagefind compile its WebAssembly; nothing else is relaxed (no
// inline scripts, styles or event handlers: the tests check every built page for them).
export const CSP_DIRECTIVES: Record<string, string> = {
  'default-src': "'self'",
  'script-src': "'self' 'wasm-unsafe-eval'",
  'style-src': "'self'",
  'img-src': "'self'",
  'font-src': "'self'",
  'connect-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'self'",
  'form-action': "'self'",
};

/** For the <meta http-equiv> in every page (frame-ancestors is ignored there; the HTTP header adds it). */
export const CSP_META = Object.entries(CSP_DIRECTIVES).map(([name, value]) => `${name} ${value}`).join('; ');

/** For hosts that read a _headers file (Netlify, Cloudflare Pages) or an equivalent server config. */
export const CSP_HEADER = `${CSP_META}; frame-ancestors 'none'`;
