// What the engine asks a page: the toggles, buttons, dialogs and links a person would see, with the
// names a screen reader would read, through open shadow roots. It runs inside each frame; the engine
// gets plain facts (`info`) plus handles to the elements (`els`) in the same order.
import type { ElementHandle, Frame, JSHandle } from 'puppeteer-core';

// A string, not a function: the test runner's transpiler can add helpers that a page does not have.
const TOOLKIT = `(() => {
  const norm = (t) => (t || '').replace(/[\\u00ad\\u200b-\\u200d\\u2060\\ufeff]/g, '').replace(/[\\u2018\\u2019\\u02bc]/g, "'").replace(/\\s+/g, ' ').trim().toLowerCase();
  const deep = (root, out = []) => {
    for (const el of root.querySelectorAll('*')) {
      out.push(el);
      if (el.shadowRoot) deep(el.shadowRoot, out);
    }
    return out;
  };
  const visible = (el) => {
    if (!el || !el.getBoundingClientRect) return false;
    const r = el.getBoundingClientRect(); const s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none' && !el.closest('[hidden]');
  };
  const clean = (t) => (t || '').replace(/\\s+/g, ' ').trim();
  const text = (el) => clean(el.innerText || el.textContent || '');
  const byIds = (el, ids) => ids.split(/\\s+/).map((id) => el.getRootNode().getElementById(id)).filter(Boolean).map(text).join(' ');
  const name = (el) => {
    const by = el.getAttribute('aria-labelledby');
    if (by) { const n = byIds(el, by); if (n) return n; }
    const aria = el.getAttribute('aria-label');
    if (aria) return clean(aria);
    if (el.labels && el.labels.length) return clean([...el.labels].map((l) => l.innerText || l.textContent).join(' '));
    const role = el.getAttribute('role');
    if (el.matches('button, a, summary, [role=button], [role=link], [role=tab], [role=menuitem], [role=switch]') || role === 'checkbox') {
      const t = text(el); if (t) return t;
    }
    if (el instanceof HTMLInputElement && (el.type === 'button' || el.type === 'submit')) return clean(el.value);
    return clean(el.getAttribute('title') || '');
  };
  const kind = (el) => {
    const role = el.getAttribute('role');
    if (role === 'switch') return 'switch';
    if (role === 'checkbox' || role === 'menuitemcheckbox' || (el instanceof HTMLInputElement && el.type === 'checkbox')) return 'checkbox';
    const pressed = el.getAttribute('aria-pressed');
    if (pressed === 'true' || pressed === 'false') return 'toggle button';
    return null;
  };
  const state = (el) => {
    const pressed = el.getAttribute('aria-pressed');
    if (pressed === 'true' || pressed === 'false') return pressed === 'true';
    const aria = el.getAttribute('aria-checked');
    if (aria === 'true' || aria === 'false') return aria === 'true';
    if (el instanceof HTMLInputElement) return el.checked;
    return null;
  };
  const up = (el) => el.parentElement || (el.getRootNode() && el.getRootNode().host) || null;
  const around = (el) => {
    let node = el; const own = text(el).length;
    for (let i = 0; i < 4 && up(node); i++) { node = up(node); if (text(node).length > own + 20) break; }
    return text(node).slice(0, 400);
  };
  // Up through shadow hosts too: a component inside a disabled row is disabled.
  const disabled = (el) => {
    if (el.matches(':disabled')) return true;
    for (let node = el; node; node = up(node)) if (node.getAttribute('aria-disabled') === 'true' || node.matches('fieldset[disabled]')) return true;
    return false;
  };
  const matchOf = (shown, labels) => {
    const n = norm(shown).replace(/\\s*:$/, '');
    for (const l of labels) if (n === norm(l.label)) return { ...l, match: 'exact' };
    for (const l of labels) { const want = norm(l.label); if (n.startsWith(want + ' ') || n.startsWith(want + ',') || n.startsWith(want + '(')) return { ...l, match: 'prefix' }; }
    return null;
  };
  // A visually hidden input (1 px, clipped, transparent) is clicked through its visible label or slider.
  const hidden = (el) => {
    const r = el.getBoundingClientRect(); const s = getComputedStyle(el);
    return r.width < 4 || r.height < 4 || s.opacity === '0' || /rect\\(0(px)?,? 0(px)?,? 0(px)?,? 0(px)?\\)/.test(s.clip) || /inset\\(50%/.test(s.clipPath);
  };
  const clickable = (el) => {
    const label = el.labels && [...el.labels].find(visible);
    if (visible(el) && !(label && hidden(el))) return el;
    return label || null;
  };
  const indeterminate = (el) => (el.matches('[role=progressbar]') && !el.hasAttribute('aria-valuenow')) || (el instanceof HTMLProgressElement && !el.hasAttribute('value'));
  const loading = (el) => el.getAttribute('aria-busy') === 'true' || indeterminate(el)
    || /(^|[\\s_-])(spinner|loading|loader|skeleton)($|[\\s_-])/i.test(typeof el.className === 'string' ? el.className : '');
  const dialogs = () => deep(document).filter((el) => visible(el) && (el.matches('[role=dialog], [role=alertdialog], dialog[open], [aria-modal=true]')
    || (/cookie|consent|gdpr|cmp/i.test((el.id || '') + ' ' + (typeof el.className === 'string' ? el.className : '')) && ['fixed', 'sticky'].includes(getComputedStyle(el).position))));
  const buttonsIn = (root) => deep(root).filter((el) => visible(el) && el.matches('button, [role=button], input[type=button], input[type=submit], a[href]') && !kind(el));
  return {
    controls(labels) {
      const out = { info: [], els: [] };
      for (const el of deep(document)) {
        const k = kind(el); if (!k) continue;
        const target = clickable(el); if (!target) continue;
        const n = name(el); const m = matchOf(n, labels); if (!m) continue;
        out.info.push({ name: n, kind: k, on: state(el), disabled: disabled(el), around: around(el), ...m });
        out.els.push(target);
      }
      return out;
    },
    dialogs(arg) {
      const out = { info: [], els: [] };
      const all = dialogs();
      const setting = (arg && arg.setting) || []; const path = (arg && arg.path) || [];
      // Does the dialog hold the setting or the next menu entry? Then it is the way on, not in the way.
      const holds = (d) => deep(d).some((el) => visible(el) && ((kind(el) && matchOf(name(el), setting))
        || (el.matches('a[href], [role=link], [role=tab], [role=menuitem], button, summary') && matchOf(name(el), path))));
      for (const d of all) {
        if (all.some((o) => o !== d && o.contains(d))) continue; // the outermost container speaks for it
        const buttons = buttonsIn(d);
        out.info.push({ label: name(d), text: text(d).slice(0, 1000), holds: holds(d), buttons: buttons.map((b) => ({ name: name(b), focused: b === document.activeElement })), first: out.els.length });
        out.els.push(...buttons);
      }
      return out;
    },
    links(labels) {
      const out = { info: [], els: [] };
      for (const el of deep(document)) {
        if (!visible(el) || !el.matches('a[href], [role=link], [role=tab], [role=menuitem], button, summary')) continue;
        if (el.getAttribute('aria-current') === 'page' || (el instanceof HTMLAnchorElement && el.href === location.href)) continue;
        const m = matchOf(name(el), labels); if (!m) continue;
        // Where it leads (or its place among the matches), to tell two entries of the same name apart.
        out.info.push({ name: name(el), ...m, target: el.href || el.getAttribute('href') || '#' + out.els.length }); out.els.push(el);
      }
      return out;
    },
    page() {
      const busy = deep(document).some((el) => loading(el) && visible(el));
      const live = deep(document).filter((el) => el.matches('[role=status], [role=alert], [aria-live]')).map(text).filter(Boolean);
      return { info: { settled: document.readyState === 'complete' && !busy, live }, els: [] };
    },
  };
})()`;

export interface Found<T> {
  info: T[];
  els: ElementHandle<Element>[];
}

/** Runs one toolkit query in a frame; a frame that is navigating or gone answers with nothing. */
export async function ask<T>(frame: Frame, method: 'controls' | 'dialogs' | 'links', arg?: unknown): Promise<Found<T>> {
  let handle: JSHandle<{ info: T[]; els: Element[] }> | undefined;
  try {
    handle = (await frame.evaluateHandle(`${TOOLKIT}.${method}(${JSON.stringify(arg ?? null)})`)) as JSHandle<{ info: T[]; els: Element[] }>;
    const info = (await handle.evaluate((r) => r.info)) as T[];
    const count = await handle.evaluate((r) => r.els.length);
    const list = await handle.getProperty('els');
    const els: ElementHandle<Element>[] = [];
    for (let i = 0; i < count; i++) {
      const el = (await list.getProperty(String(i))).asElement();
      if (el) els.push(el as ElementHandle<Element>);
    }
    await list.dispose();
    return { info, els };
  } catch {
    return { info: [], els: [] };
  } finally {
    await handle?.dispose().catch(() => undefined);
  }
}

export interface PageState {
  settled: boolean;
  live: string[];
}

/** Is the frame done loading (no busy region), and what do its live regions (status, alert) say? */
export async function pageState(frame: Frame): Promise<PageState> {
  try {
    return (await frame.evaluate(`${TOOLKIT}.page().info`)) as PageState;
  } catch {
    return { settled: false, live: [] };
  }
}
