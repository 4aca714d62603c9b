// The form posts JSON to /api/submissions and shows each field error next to what was wrong.
function addAccount() {
  const row = document.getElementById('account-row').content.firstElementChild.cloneNode(true);
  row.querySelector('.remove').addEventListener('click', () => row.remove());
  document.getElementById('accounts').appendChild(row);
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
  return {
    name: document.getElementById('name').value,
    email: document.getElementById('email').value,
    jurisdiction: document.getElementById('jurisdiction').value,
    lang: document.getElementById('submission').dataset.lang,
    accounts,
    consent: document.getElementById('consent').checked,
  };
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
    if (response.status === 202) {
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
