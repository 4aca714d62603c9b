// Settings pages that differ the way real sites differ (issue 15), generated for a fixture provider
// from its site.json "variant" texts: in English or German, with the control as a native checkbox or a
// switch, in a shadow root or a same-origin iframe, behind an overview page, a one-time notice or a
// cookie banner with unusual texts, after a prefix-named decoy, worded the other way round, disabled,
// with a confirmation dialog whose focused first button is Cancel, or with a save that takes seconds.

export const FEATURES = [
  'plain',
  /** The other kind of control: a switch where the site has a checkbox, and the reverse. */
  'other-control',
  /** A toggle button (aria-pressed) instead. */
  'toggle-button',
  'shadow-root',
  'iframe',
  /** A control whose name begins with the setting's name, just before it. */
  'decoy',
  /** The deep link shows an overview; the setting is one link deeper. */
  'overview',
  /** "We updated our terms: continue" before the settings. */
  'notice',
  /** A cookie banner with texts other than "Reject all". */
  'cookie-banner',
  /** A confirmation dialog after switching off, Cancel first and focused. */
  'confirm-dialog',
  /** The save takes 3 s; a reload before it answered loses it. */
  'slow-save',
  /** "Don't use my data...": on means protected. */
  'inverted',
  /** Disabled because an organisation manages it. */
  'managed',
  /** The server refuses to save (HTTP 503). */
  'failing-save',
  /** Two controls whose names both begin with the setting's name, neither exactly it. */
  'ambiguous',
] as const;
export type Feature = (typeof FEATURES)[number];

export interface Variant {
  lang: 'en' | 'de';
  features: Feature[];
}

interface Texts {
  title: string;
  nav: string;
  label: string;
  inverse: string;
  decoy: string;
  describe: string;
  overview: string;
  overviewLink: string;
  cookie: { text: string; buttons: string[] };
  notice: { title: string; text: string; button: string };
  confirm: { title: string; text: string; confirm: string; cancel: string };
  managed: string;
  saving: string;
  saved: string;
  error: string;
}

export interface VariantSite {
  path: string;
  key: string;
  control: 'switch' | 'checkbox';
  texts: Record<string, Texts>;
}

export const SLOW_SAVE_MS = 3000;
/** Where the setting lives when the deep link shows an overview. */
export const DEEPER = '/ai';
export const FRAME_PREFIX = '/_fixture/frame';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

function control(kind: 'switch' | 'checkbox' | 'toggle-button', id: string, key: string, label: string, extra: string): string {
  const labelled = `<span id="${id}-label">${esc(label)}</span>`;
  if (kind === 'checkbox') return `<label for="${id}">${esc(label)}</label><input type="checkbox" id="${id}" data-setting="${key}"${extra}>`;
  const role = kind === 'switch' ? ' role="switch"' : ' aria-pressed="false"';
  const style = ' style="width:3rem;height:1.6rem;border-radius:1rem"';
  return `${labelled}<button type="button"${role}${style} data-setting="${key}" aria-labelledby="${id}-label"${extra}></button>`;
}

/** The rows of the settings: the decoy (or two look-alikes), then the setting itself. */
export function settingRows(site: VariantSite, v: Variant): string {
  const t = site.texts[v.lang]!;
  const has = (f: Feature) => v.features.includes(f);
  const native = site.control;
  const kind = has('toggle-button') ? 'toggle-button' : has('other-control') ? (native === 'switch' ? 'checkbox' : 'switch') : native;
  const rows: string[] = [];
  if (has('decoy') || has('ambiguous')) rows.push(`<div class="row">${control(kind, 'decoy', 'decoy', t.decoy, '')}</div>`);
  const inverted = has('inverted');
  const label = has('ambiguous') ? `${t.label} (beta)` : inverted ? t.inverse : t.label;
  const extra = `${inverted ? ' data-invert="true"' : ''}${has('managed') ? ' disabled aria-describedby="managed-note"' : ''}`;
  rows.push(
    `<div class="row"><div>${control(kind, 'target', site.key, label, extra)}<p>${esc(t.describe)}</p>` +
      `${has('managed') ? `<p id="managed-note">${esc(t.managed)}</p>` : ''}</div></div>`,
  );
  return rows.join('\n');
}

function shell(lang: string, title: string, t: Texts, body: string): string {
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${esc(title)}</title>{{HEAD}}</head>
<body>
<header><strong>{{SITE}}</strong></header>
<nav class="side" aria-label="Settings"><a href="#account">Account</a><a href="#" aria-current="page">${esc(t.nav)}</a></nav>
<main>
${body}
</main>
{{TRACKER}}
</body></html>`;
}

/** The page for `path` under this variant, or null when the variant has no such page. */
export function variantPage(site: VariantSite, v: Variant, path: string): { html: string; state: boolean; frame: boolean } | null {
  const t = site.texts[v.lang]!;
  const has = (f: Feature) => v.features.includes(f);
  const settingsPath = has('overview') ? site.path + DEEPER : site.path;
  if (has('overview') && path === site.path) {
    const body =
      `<h1>${esc(t.nav)}</h1><div id="root" aria-busy="true">…</div><template id="app"><h2>${esc(t.overview)}</h2>` +
      `<ul><li><a href="${site.path}/other">${esc(t.nav)}: FAQ</a></li><li><a href="${settingsPath}">${esc(t.overviewLink)}</a></li></ul></template>`;
    return { html: shell(v.lang, t.nav, t, body), state: false, frame: false };
  }
  const app = `<div id="root" aria-busy="true">…</div><p id="fx-status" role="status"></p><template id="app">${settingRows(site, v)}</template>`;
  if (path === FRAME_PREFIX + settingsPath && has('iframe')) {
    return { html: `<!doctype html><html lang="${v.lang}"><head><meta charset="utf-8">{{HEAD}}</head><body>${app}</body></html>`, state: true, frame: true };
  }
  if (path !== settingsPath) return null;
  const inner = has('iframe') ? `<iframe src="${FRAME_PREFIX}${settingsPath}" title="${esc(t.title)}" style="width:100%;height:22rem;border:0"></iframe>` : app;
  return { html: shell(v.lang, t.title, t, `<h1>${esc(t.title)}</h1>${inner}`), state: !has('iframe'), frame: false };
}

/** What the shared page script (common/site.js) needs to behave like this variant. */
export function variantConfig(site: VariantSite, v: Variant, frame: boolean): Record<string, unknown> {
  const t = site.texts[v.lang]!;
  const has = (f: Feature) => v.features.includes(f);
  return {
    delayMs: 400,
    cookieBanner: has('cookie-banner') && !frame ? { ...t.cookie, label: v.lang === 'de' ? 'Cookie-Einwilligung' : 'Cookie consent' } : null,
    notice: has('notice') && !frame ? t.notice : null,
    confirmOff: has('confirm-dialog') ? t.confirm : null,
    shadow: has('shadow-root'),
    optimistic: has('slow-save') || has('failing-save'),
    texts: { saving: t.saving, saved: t.saved, error: t.error },
  };
}
