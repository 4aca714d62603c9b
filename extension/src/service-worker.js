// Optout Autopilot session hand-over: the extension's service worker, the only part that touches
// cookies. It answers two messages from the content script on an Optout status page:
//   describe: which of the named providers it knows, their origins, and where a hand-over would go;
//   handover: after the person confirmed in the page's dialog, read the cookies of exactly those
//             providers' origins and send each provider's list to the status API of that same page.
// Where the cookies go is decided here, from the address the browser reports for the sending tab
// (sender.url), never from the message; which origins are read comes from the catalog baked in at
// build time (catalog.js), never from the page. Chrome itself refuses cookies of any host outside the
// manifest's host_permissions, so another site's cookies cannot be read even by mistake.
/* global importScripts, OPTOUT_EXTENSION */
importScripts('catalog.js');

const { providers, statusOrigins } = self.OPTOUT_EXTENSION;
const STATUS_PATH = /^\/status\/([\w-]{8,64})$/;
/** The fields the status API reads (functions/browser/cookies.ts); storeId and the like stay here. */
const COOKIE_FIELDS = ['name', 'value', 'domain', 'hostOnly', 'path', 'secure', 'httpOnly', 'sameSite', 'session', 'expirationDate'];

/** The status page a message came from, or null when it is not one of the configured deployments'. */
function statusPageOf(sender) {
  if (sender.id !== chrome.runtime.id || !sender.tab || !sender.url) return null;
  const url = new URL(sender.url);
  const allowed = statusOrigins.some((o) => o.protocol === url.protocol && o.hostname === url.hostname);
  const match = STATUS_PATH.exec(url.pathname);
  const token = url.searchParams.get('t');
  if (!allowed || !match || !token) return null;
  const shown = `${url.origin}/api/submissions/${match[1]}/sessions`;
  return { shown, endpoint: `${shown}?t=${encodeURIComponent(token)}` };
}

/** The providers of a message that this build knows, each once, in the message's order. */
function known(slugs) {
  const list = Array.isArray(slugs) ? slugs : [];
  return [...new Set(list.filter((s) => typeof s === 'string' && Object.hasOwn(providers, s)))];
}

function describe(message, page) {
  const asked = Array.isArray(message.providers) ? message.providers.filter((s) => typeof s === 'string') : [];
  const slugs = known(asked);
  return {
    destination: page.shown,
    providers: slugs.map((slug) => ({ slug, name: providers[slug].name, origins: providers[slug].origins })),
    unknown: asked.filter((s) => !slugs.includes(s)),
  };
}

/** Every cookie the browser would send to the provider's playbook pages, each once. */
async function cookiesOf(provider) {
  const seen = new Map();
  for (const url of [...provider.origins.map((o) => `${o}/`), ...provider.urls]) {
    for (const cookie of await chrome.cookies.getAll({ url })) {
      const key = `${cookie.domain}\u0000${cookie.path}\u0000${cookie.name}`;
      if (!seen.has(key)) seen.set(key, Object.fromEntries(COOKIE_FIELDS.filter((f) => f in cookie).map((f) => [f, cookie[f]])));
    }
  }
  return [...seen.values()];
}

async function handOver(slug, keep, page) {
  const provider = providers[slug];
  const cookies = await cookiesOf(provider);
  if (cookies.length === 0) return { provider: slug, result: 'no-cookies', origins: provider.origins };
  let response;
  try {
    response = await fetch(page.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ provider: slug, cookies, keep }),
      credentials: 'omit',
      cache: 'no-store',
      // A redirect would carry the cookies to another address: refuse it.
      redirect: 'error',
      referrerPolicy: 'no-referrer',
    });
  } catch (error) {
    return { provider: slug, result: 'failed', message: String(error?.message ?? error) };
  }
  const body = await response.json().catch(() => ({}));
  if (response.status === 201) {
    return { provider: slug, result: 'sent', count: body.cookies, names: cookies.map((c) => c.name), scheduled: body.scheduled ?? [] };
  }
  const issues = Array.isArray(body.issues) ? body.issues.map((i) => `${i.path}: ${i.message}`).join('; ') : '';
  return { provider: slug, result: 'refused', status: response.status, message: issues || body.error || `HTTP ${response.status}` };
}

async function handle(message, sender) {
  const page = statusPageOf(sender);
  if (!page) return { error: 'not an Optout status page this extension was built for' };
  if (message?.type === 'describe') return describe(message, page);
  if (message?.type === 'handover') {
    const results = [];
    for (const slug of known(message.providers)) results.push(await handOver(slug, message.keep === true, page));
    return { destination: page.shown, results };
  }
  return { error: 'unknown message' };
}

chrome.runtime.onMessage.addListener((message, sender, reply) => {
  handle(message, sender).then(reply, (error) => reply({ error: String(error?.message ?? error) }));
  return true;
});
