// The form posts JSON to /api/submissions and shows each field error next to what was wrong.
// The authorization text names the businesses behind the chosen services (the server's text is what is signed).
function listBusinesses() {
  const list = document.getElementById('authorization-businesses');
  const names = new Set();
  for (const select of document.querySelectorAll('#accounts [name=provider]')) {
    if (select.value) names.add(select.selectedOptions[0].textContent);
  }
  list.replaceChildren(
    ...[...names].map((name) => {
      const item = document.createElement('li');
      item.textContent = name;
      return item;
    }),
  );
}

function addAccount() {
  const row = document.getElementById('account-row').content.firstElementChild.cloneNode(true);
  row.querySelector('.remove').addEventListener('click', () => {
    row.remove();
    listBusinesses();
  });
  row.querySelector('[name=provider]').addEventListener('change', listBusinesses);
  watchCompanySearch(row);
  document.getElementById('accounts').appendChild(row);
}

// Any company of the datenanfragen database, not only the list: the person types a name or a domain,
// the server answers with at most ten (GET /api/companies), and the one picked becomes an option of the
// row's list, chosen. The page itself never carries the 3,000 companies.
const SEARCH_DELAY_MS = 250;

function watchCompanySearch(row) {
  const box = row.querySelector('.company-search');
  const input = box.querySelector('input');
  const results = box.querySelector('.company-results');
  const select = row.querySelector('[name=provider]');
  let timer;
  let asked = '';
  const choose = (company) => {
    let option = [...select.options].find((o) => o.value === company.slug);
    if (!option) {
      option = document.createElement('option');
      option.value = company.slug;
      option.textContent = company.name;
      option.dataset.hint = company.identifierHint;
      select.appendChild(option);
    }
    select.value = company.slug;
    results.replaceChildren();
    input.value = '';
    listBusinesses();
  };
  const show = (companies) => {
    if (companies.length === 0) {
      const item = document.createElement('li');
      item.textContent = box.dataset.none;
      results.replaceChildren(item);
      return;
    }
    results.replaceChildren(
      ...companies.map((company) => {
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'company';
        button.dataset.slug = company.slug;
        const where = [company.domain, company.country].filter(Boolean).join(', ');
        const how = company.kind === 'long-tail' ? ` – ${company.channels.includes('email') ? box.dataset.letter : box.dataset.webform}` : '';
        button.textContent = `${company.name}${where ? ` (${where})` : ''}${how}`;
        button.addEventListener('click', () => choose(company));
        const item = document.createElement('li');
        item.appendChild(button);
        return item;
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
      try {
        const response = await fetch(`/api/companies?q=${encodeURIComponent(q)}`);
        if (!response.ok) return;
        const body = await response.json();
        if (q === asked) show(body.companies); // a late answer to an older query is dropped
      } catch {
        // Offline or refused: the list above still works.
      }
    }, SEARCH_DELAY_MS);
  });
}

function readFile(input) {
  const file = input.files?.[0];
  if (!file) return Promise.resolve(undefined);
  return file.text();
}

async function collect() {
  const rows = [...document.querySelectorAll('#accounts .account')];
  const accounts = [];
  for (const row of rows) {
    const session = await readFile(row.querySelector('[name=session]'));
    const account = {
      provider: row.querySelector('[name=provider]').value,
      identifier: row.querySelector('[name=identifier]').value,
    };
    if (session) account.session = session;
    accounts.push(account);
  }
  const body = {
    name: document.getElementById('name').value,
    email: document.getElementById('email').value,
    jurisdiction: document.getElementById('jurisdiction').value,
    lang: document.getElementById('submission').dataset.lang,
    accounts,
    consent: document.getElementById('consent').checked,
    signature: document.getElementById('signature').value,
  };
  // Optional grounds for the objection: sent only when the person chose or wrote something.
  const choices = [...document.querySelectorAll('#grounds input[name=ground]:checked')].map((box) => box.value);
  const text = document.getElementById('grounds-text').value.trim();
  if (choices.length || text) body.grounds = text ? { choices, text } : { choices };
  return body;
}

function showErrors(issues) {
  const list = document.getElementById('errors');
  list.replaceChildren();
  for (const issue of issues) {
    const item = document.createElement('li');
    item.textContent = `${issue.path}: ${issue.message}`;
    list.appendChild(item);
  }
}

async function send(event) {
  event.preventDefault();
  const button = document.getElementById('send');
  button.disabled = true;
  document.getElementById('result').textContent = '';
  showErrors([]);
  try {
    const response = await fetch('/api/submissions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(await collect()),
    });
    const body = await response.json();
    if (response.status === 202 && body.statusUrl) {
      // Personal mode: the person's own address needs no confirmation; their status page is next.
      window.location.assign(body.statusUrl);
    } else if (response.status === 202) {
      const form = document.getElementById('submission');
      form.hidden = true;
      document.getElementById('result').textContent = form.dataset.sent;
    } else {
      showErrors(body.issues || [{ path: 'request', message: body.error || 'failed' }]);
    }
  } catch (error) {
    showErrors([{ path: 'network', message: String(error) }]);
  } finally {
    button.disabled = false;
  }
}

document.addEventListener('DOMContentLoaded', () => {
  document.getElementById('add-account').addEventListener('click', addAccount);
  document.getElementById('submission').addEventListener('submit', send);
  addAccount();
});
