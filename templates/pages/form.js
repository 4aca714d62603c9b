// The form with JavaScript on. Without it, the page is a plain HTML form (one service from a list,
// posted to /submit). With it, this script replaces the single list with the catalog grouped by what
// will happen where the person lives (GET /api/providers?jurisdiction=: the server's own channel rule,
// never one of ours), adds the search over every company (GET /api/companies), previews each letter
// as it will go out (POST /api/preview) and sends the JSON body to POST /api/submissions, showing each
// error next to its field. Every word comes from the page (data-text), in the page's language.
const form = document.getElementById('submission');
const text = JSON.parse(form.dataset.text);
const lang = form.dataset.lang;

const SEARCH_DELAY_MS = 250;
const GROUPS = [
  ['letter', 'formGroupLetter', 'formGroupLetterHint'],
  ['session', 'formGroupSession', 'formGroupSessionHint'],
  ['yourself', 'formGroupYourself', 'formGroupYourselfHint'],
];

const state = {
  /** The jurisdiction the catalog below is grouped for ('' before one is chosen). */
  jurisdiction: '',
  /** The catalog as the server sent it, with each provider's plan once a jurisdiction is chosen. */
  providers: [],
  /** Companies added from the search that the catalog does not list (the long tail), by slug. */
  extra: new Map(),
  /** Each provider's row, kept while the list is regrouped (so ticks, names and files stay). */
  rows: new Map(),
  /** The chosen slugs, in the order they were chosen: the accounts, in this order. */
  picked: [],
};
let rowCount = 0;
let catalogRequest = 0;

function fill(template, vars) {
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in vars ? String(vars[name]) : whole));
}

function make(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'text') node.textContent = value;
    else if (name in node && typeof value !== 'string') node[name] = value;
    else node.setAttribute(name, value === true ? '' : value);
  }
  node.append(...children.filter(Boolean));
  return node;
}

// ---------------------------------------------------------------------------------------------
// The catalog, grouped by what will happen

function providerBySlug(slug) {
  return state.providers.find((p) => p.slug === slug) ?? state.extra.get(slug);
}

function buildRow(provider) {
  const n = ++rowCount;
  const box = make('input', { type: 'checkbox', id: `pick-${n}`, class: 'pick', value: provider.slug });
  const label = make('label', { for: `pick-${n}`, class: 'pick-label' });
  const identifierLabel = make('label', { for: `identifier-${n}` });
  const identifier = make('input', { id: `identifier-${n}`, class: 'identifier', autocomplete: 'off', required: true });
  const instructions = make('p', { id: `instructions-${n}`, class: 'instructions' });
  const link = make('a', { class: 'deep-link', target: '_blank', rel: 'noopener noreferrer' });
  const fileLabel = make('label', { for: `session-${n}` });
  const file = make('input', { type: 'file', id: `session-${n}`, class: 'session-file', accept: '.json,.txt' });
  const session = make('details', { class: 'session' }, make('summary', { text: text.formSessionOptional }), fileLabel, file);
  const details = make('div', { class: 'details', hidden: true }, identifierLabel, identifier, instructions, make('p', {}, link), session);
  const row = make('li', { class: 'provider', 'data-slug': provider.slug }, box, label, details);
  box.addEventListener('change', () => {
    state.picked = state.picked.filter((slug) => slug !== provider.slug);
    if (box.checked) state.picked.push(provider.slug);
    details.hidden = !box.checked;
    chosenChanged();
  });
  state.rows.set(provider.slug, row);
  return row;
}

/** Fills a row for the provider's current plan (the words change with the jurisdiction). */
function updateRow(row, provider) {
  const plan = provider.plan;
  const name = provider.name;
  // Grouped, the group says what happens; in the list before a jurisdiction is chosen, the catalog says
  // which providers offer no opt-out of their own.
  row.querySelector('.pick-label').textContent = !plan && provider.individualOptOut === false ? fill(text.formNoOptOut, { name }) : name;
  row.querySelector('.details > label').textContent = fill(text.formIdentifierFor, { name, hint: provider.identifierHint });
  const instructions = row.querySelector('.instructions');
  const link = row.querySelector('.deep-link');
  const handOver = plan && plan.action !== 'letter';
  instructions.hidden = !handOver;
  link.parentElement.hidden = !handOver || !plan.deepLink;
  instructions.textContent = handOver ? plan.instructions : '';
  if (handOver && plan.deepLink) {
    link.href = plan.deepLink;
    link.textContent = fill(text.formWhere, { name });
  }
  const identifier = row.querySelector('.identifier');
  if (handOver) identifier.setAttribute('aria-describedby', instructions.id);
  else identifier.removeAttribute('aria-describedby');
  // The cookie file is a fallback for the browser channel only; the status page is where sessions are handed over.
  const session = row.querySelector('.session');
  session.hidden = !plan?.withSession;
  row.querySelector('.session label').textContent = fill(text.formSessionFile, { name });
}

function renderGroups() {
  const groups = state.jurisdiction ? GROUPS : [['all', 'formServices', 'formChooseResidenceFirst']];
  const lists = new Map();
  const fieldsets = groups.map(([key, title, hint]) => {
    const list = make('ul', { class: 'providers' });
    lists.set(key, list);
    return make(
      'fieldset',
      { class: 'group', id: `group-${key}`, 'aria-describedby': `group-${key}-hint` },
      make('legend', { text: text[title] }),
      make('p', { class: 'hint', id: `group-${key}-hint`, text: text[hint] }),
      list,
    );
  });
  const extras = [...state.extra.values()].filter((p) => !state.providers.some((c) => c.slug === p.slug));
  for (const provider of [...state.providers, ...extras]) {
    const row = state.rows.get(provider.slug) ?? buildRow(provider);
    updateRow(row, provider);
    const list = lists.get(state.jurisdiction ? provider.plan?.action : 'all') ?? lists.get(groups[0][0]);
    list.append(row);
  }
  const container = document.getElementById('groups');
  container.replaceChildren(...fieldsets.filter((f) => f.querySelector('li')));
  container.dataset.jurisdiction = state.jurisdiction;
}

async function loadCatalog() {
  const jurisdiction = document.getElementById('jurisdiction').value;
  const mine = ++catalogRequest;
  const params = new URLSearchParams({ lang });
  if (jurisdiction) params.set('jurisdiction', jurisdiction);
  if (state.extra.size) params.set('include', [...state.extra.keys()].join(','));
  let body;
  try {
    const response = await fetch(`/api/providers?${params}`);
    if (!response.ok) return;
    body = await response.json();
  } catch {
    return; // offline: the list stays as it was
  }
  if (mine !== catalogRequest) return; // a later choice is already on its way
  enhance();
  state.jurisdiction = jurisdiction;
  state.providers = body.providers.filter((p) => !state.extra.has(p.slug));
  for (const p of body.providers) if (state.extra.has(p.slug)) state.extra.set(p.slug, { ...state.extra.get(p.slug), ...p });
  renderGroups();
}

function chosenChanged() {
  const names = [...new Set(state.picked.map((slug) => providerBySlug(slug)?.name).filter(Boolean))];
  document.getElementById('chosen-count').textContent = names.length ? fill(text.formChosenCount, { count: names.length }) : '';
  // Personal mode has no authorization to sign (the page leaves it out).
  const businesses = document.getElementById('authorization-businesses');
  if (!businesses) return;
  document.getElementById('authorization-for').hidden = names.length === 0;
  businesses.replaceChildren(...names.map((name) => make('li', { text: name })));
}

/** Ticks a provider's row (adding a searched company to the list first) and moves to its account field. */
function choose(company) {
  if (!state.providers.some((p) => p.slug === company.slug) && !state.extra.has(company.slug)) {
    state.extra.set(company.slug, company);
    renderGroups();
  }
  const row = state.rows.get(company.slug);
  const box = row.querySelector('.pick');
  if (!box.checked) {
    box.checked = true;
    box.dispatchEvent(new Event('change'));
  }
  document.getElementById('search-status').textContent = fill(text.formAdded, { name: company.name });
  row.querySelector('.identifier').focus();
}

// ---------------------------------------------------------------------------------------------
// The search over every company (the catalog and the long tail)

function whatHappens(company) {
  if (company.plan) return text[GROUPS.find(([key]) => key === company.plan.action)[1]];
  if (company.kind === 'long-tail') return company.channels.includes('email') ? text.formSearchLetter : text.formSearchForm;
  return '';
}

function watchSearch() {
  const input = document.getElementById('company-search');
  const results = document.getElementById('company-results');
  const status = document.getElementById('search-status');
  let timer;
  let asked = '';
  const show = (companies) => {
    if (companies.length === 0) {
      results.replaceChildren(make('li', { text: text.formSearchNone }));
      status.textContent = text.formSearchNone;
      return;
    }
    status.textContent = '';
    results.replaceChildren(
      ...companies.map((company) => {
        const where = [company.domain, company.country].filter(Boolean).join(', ');
        const how = whatHappens(company);
        const button = make('button', {
          type: 'button',
          class: 'company',
          'data-slug': company.slug,
          text: `${company.name}${where ? ` (${where})` : ''}${how ? ` – ${how}` : ''}`,
        });
        button.addEventListener('click', () => {
          results.replaceChildren();
          input.value = '';
          choose(company);
        });
        return make('li', {}, button);
      }),
    );
  };
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const q = input.value.trim();
      asked = q;
      if (q.length < 2) {
        results.replaceChildren();
        return;
      }
      const params = new URLSearchParams({ q, lang });
      if (state.jurisdiction) params.set('jurisdiction', state.jurisdiction);
      try {
        const response = await fetch(`/api/companies?${params}`);
        if (!response.ok) return;
        const body = await response.json();
        if (q === asked) show(body.companies); // a late answer to an older query is dropped
      } catch {
        // Offline or refused: the list still works.
      }
    }, SEARCH_DELAY_MS);
  });
}

// ---------------------------------------------------------------------------------------------
// The body for the API

function readFile(input) {
  const file = input.files?.[0];
  return file ? file.text() : Promise.resolve(undefined);
}

async function collect({ forPreview = false } = {}) {
  const accounts = [];
  for (const slug of state.picked) {
    const row = state.rows.get(slug);
    const account = { provider: slug, identifier: row.querySelector('.identifier').value };
    const session = row.querySelector('.session').hidden ? undefined : await readFile(row.querySelector('.session-file'));
    if (session) account.session = session;
    accounts.push(account);
  }
  const body = {
    name: document.getElementById('name').value,
    email: document.getElementById('email').value,
    jurisdiction: document.getElementById('jurisdiction').value,
    lang,
    accounts,
  };
  // No signature field in personal mode (nothing to sign). The preview comes before signing: it
  // takes signature and consent only once given.
  const signature = document.getElementById('signature');
  const consent = document.getElementById('consent').checked;
  if (signature && (!forPreview || signature.value.trim())) body.signature = signature.value;
  if (!forPreview || consent) body.consent = consent;
  // Optional grounds for the objection: sent only when the person chose or wrote something.
  const choices = [...document.querySelectorAll('#grounds input[name=ground]:checked')].map((box) => box.value);
  const groundsText = document.getElementById('grounds-text').value.trim();
  if (choices.length || groundsText) body.grounds = groundsText ? { choices, text: groundsText } : { choices };
  return body;
}

// ---------------------------------------------------------------------------------------------
// Errors, next to their fields

const FIELD_MESSAGES = {
  name: 'formErrName',
  email: 'formErrEmail',
  jurisdiction: 'formErrResidence',
  signature: 'formErrSignature',
  consent: 'formErrConsent',
  grounds: 'formErrGrounds',
};

/** The control an API issue is about, and what to tell the person. */
function locate(issue, sentAccounts) {
  const [head, index, leaf] = issue.path.split('.');
  if (FIELD_MESSAGES[head]) {
    const id = head === 'grounds' ? 'grounds-text' : head;
    return { control: document.getElementById(id), message: text[FIELD_MESSAGES[head]] };
  }
  if (head === 'accounts') {
    const row = index === undefined ? undefined : state.rows.get(sentAccounts[Number(index)]);
    if (!row) return { control: document.getElementById('company-search'), message: text.formErrAccounts };
    if (leaf === 'session') {
      row.querySelector('.session').open = true;
      return { control: row.querySelector('.session-file'), message: text.formErrSession };
    }
    if (leaf === 'provider') return { control: row.querySelector('.pick'), message: text.formErrAccounts };
    return { control: row.querySelector('.identifier'), message: text.formErrIdentifier };
  }
  return { control: null, message: text.formErrOther };
}

function clearErrors() {
  for (const error of document.querySelectorAll('.field-error')) error.remove();
  for (const control of document.querySelectorAll('[aria-invalid]')) {
    control.removeAttribute('aria-invalid');
    const rest = (control.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id && !id.endsWith('-error'));
    if (rest.length) control.setAttribute('aria-describedby', rest.join(' '));
    else control.removeAttribute('aria-describedby');
  }
  document.getElementById('errors').replaceChildren();
  document.getElementById('notice')?.remove();
  document.getElementById('error-summary').hidden = true;
}

function showErrors(issues, sentAccounts = state.picked) {
  clearErrors();
  const summary = document.getElementById('error-summary');
  const list = document.getElementById('errors');
  // In the order of the page, so the list reads like the form.
  const located = issues.map((issue) => ({ issue, ...locate(issue, sentAccounts) }));
  located.sort((a, b) => {
    if (!a.control || !b.control) return (a.control ? 0 : 1) - (b.control ? 0 : 1);
    return a.control.compareDocumentPosition(b.control) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
  });
  for (const { issue, control, message } of located) {
    const detail = make('span', { class: 'detail', lang: 'en', text: `(${issue.message})` });
    if (control) {
      const id = `${control.id}-error`;
      if (!document.getElementById(id)) {
        const note = make('p', { class: 'field-error', id, text: message });
        // Before the control (after its label); a check box sits inside its label.
        const anchor = control.type === 'checkbox' && control.closest('label') ? control.closest('label') : control;
        anchor.before(note);
        control.setAttribute('aria-invalid', 'true');
        const describedBy = (control.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
        control.setAttribute('aria-describedby', [...describedBy, id].join(' '));
      }
      const link = make('a', { href: `#${control.id}`, text: message });
      link.addEventListener('click', (event) => {
        event.preventDefault();
        control.focus();
      });
      list.append(make('li', {}, link, ' ', detail));
    } else {
      list.append(make('li', {}, make('span', { text: message }), ' ', detail));
    }
  }
  summary.hidden = false;
  summary.focus();
}

function showNotice(message) {
  clearErrors();
  const summary = document.getElementById('error-summary');
  summary.querySelector('h2').after(make('p', { id: 'notice', text: message }));
  summary.hidden = false;
  summary.focus();
}

// ---------------------------------------------------------------------------------------------
// The preview, and sending

function renderPreview(preview) {
  document.getElementById('preview-note').textContent = fill(text.formPreviewNote, { reference: preview.reference });
  const items = preview.accounts.map((account, i) => {
    const name = account.name;
    if (account.action === 'letter') {
      const facts = make('dl', { class: 'letter-facts' });
      const fact = (term, value) => value && facts.append(make('dt', { text: term }), make('dd', { text: value }));
      fact(text.formPreviewTo, account.to);
      fact(text.formPreviewCc, account.cc);
      fact(text.formPreviewSubject, account.subject);
      fact(text.formPreviewAttached, account.attachments.join(', '));
      fact(text.formPreviewDue, account.dueDate);
      return make(
        'details',
        { class: 'preview-item', 'data-provider': account.provider, 'data-action': 'letter', open: i === 0 },
        make('summary', { text: fill(text.formPreviewLetter, { name, to: account.to }) }),
        facts,
        make('pre', { class: 'letter', lang: account.lang, text: account.text }),
      );
    }
    if (account.action === 'browser') {
      return make(
        'div',
        { class: 'preview-item', 'data-provider': account.provider, 'data-action': 'browser' },
        make('p', { text: fill(text.formPreviewBrowser, { name }) }),
      );
    }
    const link = make('a', { href: account.deepLink, target: '_blank', rel: 'noopener noreferrer', text: fill(text.formWhere, { name }) });
    return make(
      'div',
      { class: 'preview-item', 'data-provider': account.provider, 'data-action': account.action },
      make('p', {}, make('strong', { text: fill(text.formPreviewHandover, { name }) })),
      make('p', { text: account.instructions }),
      make('p', {}, link),
    );
  });
  document.getElementById('preview-accounts').replaceChildren(...items);
  const authorization = preview.authorization;
  document
    .getElementById('preview-authorization')
    .replaceChildren(
      ...(authorization
        ? [
            make('h3', { text: fill(text.formPreviewAuthorization, { pdf: authorization.pdf }) }),
            make('pre', { class: 'letter', id: 'preview-authorization-text', text: authorization.text }),
            make('p', { text: authorization.signature ? fill(text.formPreviewSigned, { signature: authorization.signature }) : text.formPreviewUnsigned }),
          ]
        : []),
    );
  const section = document.getElementById('preview');
  section.hidden = false;
  section.focus();
}

/** Posts the body as JSON; answers { status, body } or shows the network error. */
async function post(path, body) {
  try {
    const response = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: response.status, body: await response.json() };
  } catch (error) {
    showNotice(String(error));
    return undefined;
  }
}

function answerProblem(answer, sentAccounts) {
  if (answer.body.issues) showErrors(answer.body.issues, sentAccounts);
  else showNotice(answer.body.error || `HTTP ${answer.status}`);
}

async function preview() {
  const button = document.getElementById('preview-button');
  button.disabled = true;
  try {
    const sentAccounts = [...state.picked];
    const answer = await post('/api/preview', await collect({ forPreview: true }));
    if (!answer) return;
    if (answer.status === 200) {
      clearErrors();
      renderPreview(answer.body);
    } else {
      answerProblem(answer, sentAccounts);
    }
  } finally {
    button.disabled = false;
  }
}

async function send(event) {
  event.preventDefault();
  const button = document.getElementById('send');
  button.disabled = true;
  try {
    const sentAccounts = [...state.picked];
    const answer = await post('/api/submissions', await collect());
    if (!answer) return;
    if (answer.status === 202 && answer.body.statusUrl) {
      // Personal mode: the person's own address needs no confirmation; their status page is next.
      window.location.assign(answer.body.statusUrl);
    } else if (answer.status === 202) {
      clearErrors();
      form.hidden = true;
      const result = document.getElementById('result');
      result.textContent = text.formSent;
      result.focus();
    } else {
      answerProblem(answer, sentAccounts);
    }
  } finally {
    button.disabled = false;
  }
}

/**
 * The plain list is the path without JavaScript; once the catalog has loaded, the grouped list takes
 * its place and the form talks to the JSON API. Until then (or if it never loads) the plain form works.
 */
let enhanced = false;
function enhance() {
  if (enhanced) return;
  enhanced = true;
  document.getElementById('basic-account').remove();
  document.getElementById('catalog').hidden = false;
  document.getElementById('preview-area').hidden = false;
  document.getElementById('preview-button').addEventListener('click', preview);
  form.addEventListener('submit', send);
  watchSearch();
}

document.addEventListener('DOMContentLoaded', () => {
  document.getElementById('jurisdiction').addEventListener('change', loadCatalog);
  loadCatalog();
});
