// The error pages a person may meet (a link that does not work, an action that no longer fits), in
// the person's language. The app's NotFound and Conflict carry an English reason, meant for the JSON
// API; the page says the reasons it knows in the person's words and the others in general terms, and
// keeps the English reason underneath as a reference (the way the form shows a refused field's).
import type { Conflict, NotFound } from '../app/errors.ts';
import type { Language } from '../core/model.ts';
import { type PageText, pageText } from '../core/page-text.ts';
import { render } from '../core/templates.ts';

type Key = keyof PageText;

/** What an error page says: our own words, or the app's error (its kind decides the general wording). */
export type ErrorCause =
  | { kind: 'no-page' }
  | { kind: 'foreign-post' }
  /** A request the server could not read (too long, too large, not UTF-8): `reason` is the API's English one. */
  | { kind: 'bad-request'; reason: string }
  | { kind: 'not-found'; error: NotFound }
  | { kind: 'conflict'; error: Conflict };

/** The app's English reasons (functions/app/submissions.ts) that have words of their own, by kind. */
const KNOWN_REASONS: Record<'not-found' | 'conflict', [RegExp, Key][]> = {
  'not-found': [
    [/^this verification link is not valid$/, 'errorVerifyLink'],
    [/^submission not found$/, 'errorStatusLink'],
    [/^request \S+ not found$/, 'errorRequestMissing'],
  ],
  conflict: [
    [/^this submission was cancelled$/, 'errorCancelled'],
    [/^request \S+ is already /, 'errorRequestClosed'],
    [/^request \S+ changed meanwhile/, 'errorRequestChanged'],
  ],
};

function wording(cause: ErrorCause): { title: Key; message: Key; detail: string | null } {
  switch (cause.kind) {
    case 'no-page':
      return { title: 'errorNotFoundTitle', message: 'errorNoPage', detail: null };
    case 'foreign-post':
      return { title: 'errorRefusedTitle', message: 'errorForeignPost', detail: null };
    case 'bad-request':
      return { title: 'errorRefusedTitle', message: 'errorBadRequest', detail: cause.reason };
    case 'not-found':
    case 'conflict': {
      const reason = cause.error.message;
      const known = KNOWN_REASONS[cause.kind].find(([pattern]) => pattern.test(reason))?.[1];
      const general = cause.kind === 'not-found' ? 'errorNotFound' : 'errorConflict';
      return { title: cause.kind === 'not-found' ? 'errorNotFoundTitle' : 'errorConflictTitle', message: known ?? general, detail: reason };
    }
  }
}

/** The error page for `cause`, in `lang`, with a way back to the form in the same language. */
export function errorPage(lang: Language, cause: ErrorCause): string {
  const t = pageText(lang);
  const { title, message, detail } = wording(cause);
  return render('pages/error.html', { lang, t, title: t[title], message: t[message], detail });
}
