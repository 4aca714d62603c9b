// Status page: uploads an exported cookie file for a provider as JSON, so the browser can act for the
// person (first try, or monthly re-checks). The file is read in the page; no password is involved.
async function uploadSession(event) {
  event.preventDefault();
  const form = event.target;
  const result = form.querySelector('.session-result');
  const file = form.querySelector('input[name=cookies]').files?.[0];
  if (!file) {
    result.textContent = form.dataset.chooseFile;
    return;
  }
  const response = await fetch(form.dataset.action, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      provider: form.dataset.provider,
      cookies: await file.text(),
      keep: form.querySelector('input[name=keep]').checked,
    }),
  });
  const body = await response.json();
  result.textContent =
    response.status === 201
      ? `${form.dataset.saved.replace('{cookies}', body.cookies)} ${body.scheduled.length ? form.dataset.soon : ''}`
      : (body.issues ?? [{ path: 'upload', message: body.error }]).map((i) => `${i.path}: ${i.message}`).join('; ');
}

document.addEventListener('DOMContentLoaded', () => {
  for (const form of document.querySelectorAll('form.session')) form.addEventListener('submit', uploadSession);
});
