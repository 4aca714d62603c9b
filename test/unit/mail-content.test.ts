// Every mail to the person, in every language, has a plain-text part and an HTML part that say the
// same thing (functions/core/mail-content.ts): every link of the text part is a link of the HTML
// part, and every other line of the text part (each request line included) is in the HTML part's
// text. The HTML is a real document (lang, title, one h1, lists), escapes what people and companies
// typed, and uses no layout table and no image.
import { describe, expect, it } from 'vitest';
import { changeMail, deletedMail, digestMail, type RequestLine, summaryMail, verifyMail } from '../../functions/core/mail-content.ts';
import type { RenderedMail } from '../../functions/core/mail-document.ts';
import { LANGUAGES, type Language } from '../../functions/core/model.ts';
import { mailWords } from '../../functions/core/mail-words/index.ts';

const STATUS_LINK = 'http://127.0.0.1:3000/status/4f0c2d1e9a8b7c6d?t=abc_DEF-123';
const DEEP_LINK = 'https://www.facebook.com/help/contact/540977946302970?ref=ai&lang=de';
const HOSTILE = '<script>alert("x")</script>&<b>';

const letter: RequestLine = {
  provider: 'Reddit',
  identifier: 'erika_m',
  reference: 'OA-7K2M-9QXD',
  channel: 'letter by email',
  status: 'sent, waiting for an answer',
  dueDate: '2026-06-01',
  userAction: null,
  deepLink: null,
};
const handedOver: RequestLine = {
  provider: 'Facebook',
  identifier: HOSTILE,
  reference: 'OA-2B3C-4D5E',
  channel: 'web form',
  status: 'needs you',
  dueDate: null,
  userAction: 'Fill in Facebook\'s form "AI data" (we cannot send it for you without a session).',
  deepLink: DEEP_LINK,
};

/** Every kind of mail to the person, filled so that every optional part shows. */
function mails(lang: Language): Record<string, RenderedMail> {
  return {
    verify: verifyMail(lang, {
      link: 'http://127.0.0.1:3000/verify?token=4f0c2d1e9a8b7c6d.sig_nature-1',
      accounts: [
        { provider: 'Reddit', identifier: 'erika_m' },
        { provider: '23andMe, Inc.', identifier: HOSTILE },
      ],
      hours: 72,
    }),
    summary: summaryMail(lang, { name: 'Erika Mustermann', requests: [letter, handedOver], link: STATUS_LINK }),
    change: changeMail(lang, { ...handedOver, name: 'Erika Mustermann', note: 'They wrote: see https://example.com/privacy/form.', link: STATUS_LINK }),
    digest: digestMail(lang, {
      name: 'Erika Mustermann',
      changes: [
        { date: '2026-05-02', ...letter, note: null },
        { date: '2026-05-03', ...handedOver, status: 'refused by the company', note: 'The company claims an exemption.' },
      ],
      link: STATUS_LINK,
    }),
    'digest with a complaint draft': digestMail(lang, {
      name: 'Erika Mustermann',
      changes: [
        {
          date: '2026-07-20',
          ...letter,
          status: 'escalated',
          note: 'The complaint draft is attached as complaint-reddit-OA-7K2M-9QXD.eml. Submit it to CNIL (https://www.cnil.fr/fr/plaintes).',
        },
      ],
      link: STATUS_LINK,
      drafts: 1,
    }),
    deleted: deletedMail(lang, { id: '4f0c2d1e9a8b7c6d', operator: 'Optout Autopilot' }),
    'summary in personal mode': summaryMail(lang, { name: 'Erika Mustermann', requests: [letter], link: STATUS_LINK, personal: true }),
    'digest in personal mode': digestMail(lang, {
      name: 'Erika Mustermann',
      changes: [{ date: '2026-05-02', ...letter, note: null }],
      link: STATUS_LINK,
      personal: true,
    }),
  };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#x27': "'", '#39': "'", '#x3D': '=', '#x60': '`' };
const decode = (s: string) => s.replace(/&(amp|lt|gt|quot|#x27|#39|#x3D|#x60);/g, (_, name: string) => ENTITIES[name]!);
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The text a reader of the HTML part sees (the body, without the head's title and style). */
function htmlText(html: string): string {
  const body = html.slice(html.indexOf('<body>'));
  return squash(decode(body.replace(/<[^>]+>/g, ' ')));
}

function hrefs(html: string): string[] {
  return [...html.matchAll(/href="([^"]*)"/g)].map((m) => decode(m[1]!));
}

/** Web addresses in a line of the text part, without the punctuation after them. */
function urls(textLine: string): string[] {
  return [...textLine.matchAll(/https?:\/\/[^\s<>"]+?(?=[.,;:!?)\]"]*(?:\s|$))/g)].map((m) => m[0]);
}

describe('mails to the person', () => {
  for (const lang of LANGUAGES) {
    describe(`in ${lang}`, () => {
      for (const [kind, mail] of Object.entries(mails(lang))) {
        it(`${kind}: the HTML part has every link and every line of the text part`, () => {
          const seen = htmlText(mail.html);
          const links = hrefs(mail.html);
          const lines = mail.text
            .split('\n')
            .map((l) => l.trim())
            .filter(Boolean);
          expect(lines.length).toBeGreaterThan(2);
          for (const line of lines) {
            const found = urls(line);
            if (found.length > 0) {
              for (const url of found) expect(links, `link of "${line}"`).toContain(url);
            } else {
              // A list line's bullet is the HTML's <li>.
              expect(seen, `line "${line}"`).toContain(squash(line.replace(/^[-*] /, '')));
            }
          }
        });

        it(`${kind}: the HTML part is an accessible document in ${lang}, with what people typed escaped`, () => {
          const { html } = mail;
          expect(html.startsWith('<!doctype html>')).toBe(true);
          expect(html).toContain(`<html lang="${lang}">`);
          expect(html).toContain(`<title>${mail.subject.replace(/&/g, '&amp;').replace(/'/g, '&#x27;').replace(/"/g, '&quot;')}</title>`);
          expect(html.match(/<h1>[^<]+<\/h1>/g)).toHaveLength(1);
          expect(html).not.toMatch(/<table|<img|<script/i);
          // Every link says where it goes: no bare "here", no empty link text.
          for (const m of html.matchAll(/<a href="[^"]*">([^<]*)<\/a>/g)) expect(m[1]!.trim().length).toBeGreaterThan(3);
          if (mail.text.includes(HOSTILE)) expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&lt;b&gt;');
        });
      }
    });
  }

  it('lists requests as semantic lists, each request line as an item, and the status page as a link that says so', () => {
    const { text, html } = summaryMail('en', { name: 'Erika', requests: [letter, handedOver], link: STATUS_LINK });
    expect(text).toContain(
      '* Reddit (erika_m), ref OA-7K2M-9QXD\n  Channel: letter by email\n  Status: sent, waiting for an answer\n  Answer due by: 2026-06-01',
    );
    expect(text).toContain(`Your status page (keep this link private): ${STATUS_LINK}`);
    expect(html).toContain('<li><p>Reddit (erika_m), ref OA-7K2M-9QXD</p>\n<ul>\n<li>Channel: letter by email</li>');
    expect(html).toContain(`<a href="${STATUS_LINK.replace(/=/g, '&#x3D;')}">Open your status page (keep this link private)</a>`);
    expect(html).toContain(`<a href="${DEEP_LINK.replace(/&/g, '&amp;').replace(/=/g, '&#x3D;')}">Go to the right place at Facebook</a>`);
  });

  it('keeps the subjects people and filters know', () => {
    expect(verifyMail('en', { link: 'http://x/verify?token=a.b', accounts: [], hours: 72 }).subject).toBe(
      'Please confirm your email address to start your opt-out requests',
    );
    expect(summaryMail('de', { name: 'E', requests: [letter], link: STATUS_LINK }).subject).toBe('Ihre 1 Opt-out-Anfragen sind unterwegs');
    expect(digestMail('en', { name: 'E', changes: [{ date: '2026-05-02', ...letter, note: null }], link: STATUS_LINK }).subject).toBe(
      '1 update(s) on your opt-out requests',
    );
    expect(changeMail('fr', { ...letter, name: 'E', note: null, link: STATUS_LINK }).subject).toBe('Reddit : sent, waiting for an answer (réf. OA-7K2M-9QXD)');
  });

  it("says in personal mode, in every language, that the letters went from the person's own address and replies are read in their inbox", () => {
    const change = { date: '2026-05-02', ...letter, note: null };
    for (const lang of LANGUAGES) {
      const w = mailWords(lang);
      const summary = summaryMail(lang, { name: 'E', requests: [letter], link: STATUS_LINK, personal: true }).text;
      const digest = digestMail(lang, { name: 'E', changes: [change], link: STATUS_LINK, personal: true }).text;
      expect(squash(summary), lang).toContain(squash(w.summaryOutroPersonal));
      expect(squash(summary), lang).not.toContain(squash(w.summaryOutro));
      expect(squash(digest), lang).toContain(squash(w.digestOutroPersonal));
      expect(squash(digest), lang).not.toContain(squash(w.digestOutro));
    }
    const en = summaryMail('en', { name: 'E', requests: [letter], link: STATUS_LINK, personal: true }).text;
    expect(en).toMatch(/from your own address.*we read those answers in your inbox/s);
    expect(en).not.toMatch(/reply address/);
    // Without personal mode, the operator's words stay.
    expect(summaryMail('en', { name: 'E', requests: [letter], link: STATUS_LINK }).text).toMatch(/reply address/);
  });

  it('heads a digest that carries complaint drafts as such', () => {
    const change = { date: '2026-07-20', ...letter, note: null };
    expect(digestMail('de', { name: 'E', changes: [change], link: STATUS_LINK, drafts: 1 }).html).toContain('<h1>Ihr Beschwerdeentwurf liegt bereit</h1>');
    expect(digestMail('de', { name: 'E', changes: [change], link: STATUS_LINK }).html).toContain('<h1>Was sich an Ihren Opt-out-Anfragen geändert hat</h1>');
  });
});

describe('the deletion mail in personal mode', () => {
  for (const lang of LANGUAGES) {
    it(`${lang}: says the companies answer to the person's own address, not that the person was in copy`, async () => {
      const { mailWords } = await import('../../functions/core/mail-words/index.ts');
      const w = mailWords(lang);
      const personal = deletedMail(lang, { id: '4f0c2d1e9a8b7c6d', operator: 'Optout Autopilot', personal: true }).text;
      const agent = deletedMail(lang, { id: '4f0c2d1e9a8b7c6d', operator: 'Optout Autopilot' }).text;
      const flat = (text: string) => text.replace(/\s+/g, ' ');
      expect(flat(personal)).toContain(flat(w.deletedDeliveredPersonal));
      expect(flat(personal)).not.toContain(flat(w.deletedCannotItems[0]!));
      expect(flat(agent)).toContain(flat(w.deletedCannotItems[0]!));
      expect(flat(personal)).toContain(flat(w.deletedCannotItems[1]!));
    });
  }
});
