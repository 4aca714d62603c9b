import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDeliveryStatus } from '../../functions/core/replies/dsn.ts';
import { extractChannelUrl, extractExtension } from '../../functions/core/replies/extract.ts';
import { type Classification, classifyRawEmail, classifyReply, REPLY_CLASSES, type ReplyInput, stripQuoted } from '../../functions/core/replies/index.ts';
import { classifyFile } from '../../cli/classify-file.ts';

const corpusDir = fileURLToPath(new URL('../fixtures/replies/', import.meta.url));

/** The manifest's expectation for a file: the class plus the extras the classifier must extract. */
type Expected = Omit<Classification, 'class' | 'reasons' | 'identityAsk'> & { class: string; lang: 'en' | 'de' | 'de+en' | 'fr' | 'es' | 'it' | 'nl' | 'pl' };
const manifest = JSON.parse(readFileSync(`${corpusDir}expected.json`, 'utf8')) as Record<string, Expected>;
const emlFiles = readdirSync(corpusDir)
  .filter((f) => f.endsWith('.eml'))
  .sort();

/** A plain reply with the given body; other fields can be overridden. */
function reply(text: string, over: Partial<ReplyInput> = {}): ReplyInput {
  return {
    from: 'Privacy Team <privacy@provider.example>',
    subject: 'Re: Objection to AI training [OA-TEST01]',
    text,
    headers: {},
    ...over,
  };
}

describe('reply corpus', () => {
  it('has a manifest entry for every .eml and an .eml for every entry, with enough variety', () => {
    expect(Object.keys(manifest).sort()).toEqual(emlFiles);
    expect(emlFiles.length).toBeGreaterThanOrEqual(48);
    expect(Object.values(manifest).filter((e) => e.lang !== 'en').length).toBeGreaterThanOrEqual(12);
    for (const cls of REPLY_CLASSES) {
      expect(
        Object.values(manifest).some((e) => e.class === cls),
        `corpus has no ${cls} example`,
      ).toBe(true);
    }
  });

  it.each(['fr', 'es', 'it', 'nl', 'pl'])('has replies in %s: a confirmation, a refusal or extension, an acknowledgement or identity request', (lang) => {
    const classes = Object.values(manifest)
      .filter((e) => e.lang === lang)
      .map((e) => e.class);
    expect(classes.length).toBeGreaterThanOrEqual(3);
    expect(classes).toContain('confirmed');
    expect(classes.some((c) => c === 'refused' || c === 'extension')).toBe(true);
    expect(classes.some((c) => c === 'acknowledged' || c === 'identity_requested')).toBe(true);
  });

  it('gives every message real headers addressed to a reply token', () => {
    for (const file of emlFiles) {
      const head = readFileSync(`${corpusDir}${file}`, 'utf8').split(/\r?\n\r?\n/)[0] ?? '';
      expect(head, file).toMatch(/^From: .+/m);
      expect(head, file).toMatch(/^To: .*reply\+[0-9a-f]{16}@inbound\.example/m);
      expect(head, file).toMatch(/^Message-I[Dd]: <[^>]+>/m);
      expect(head, file).toMatch(/^Date: .+/m);
      expect(head, file).toMatch(/^Subject:[ \t]*(?:\r?\n[ \t]+)?\S/m);
    }
  });

  it('classifies at least 90% of the corpus correctly, extras included', async () => {
    const misses: string[] = [];
    const confusion = new Map<string, number>();
    for (const file of emlFiles) {
      const expected = manifest[file];
      if (!expected) throw new Error(`no manifest entry for ${file}`);
      const got = await classifyFile(`${corpusDir}${file}`);
      const wrongExtras = Object.entries(expected)
        .filter(([key]) => key !== 'class' && key !== 'lang')
        .filter(([key, value]) => got[key as keyof Classification] !== value)
        .map(([key, value]) => `${key}: expected ${JSON.stringify(value)}, got ${JSON.stringify(got[key as keyof Classification])}`);
      if (got.class !== expected.class || wrongExtras.length > 0) {
        const cell = `${expected.class} -> ${got.class}`;
        confusion.set(cell, (confusion.get(cell) ?? 0) + 1);
        misses.push(`${file}: expected ${expected.class}, got ${got.class} ${wrongExtras.join('; ')}\n    ${got.reasons.join('\n    ')}`);
      }
    }
    const correct = emlFiles.length - misses.length;
    const pct = (100 * correct) / emlFiles.length;
    console.log(`classifier accuracy: ${correct}/${emlFiles.length} = ${pct.toFixed(1)}%`);
    if (misses.length > 0) {
      console.log(`confusion (expected -> got): ${[...confusion].map(([k, n]) => `${k} x${n}`).join(', ')}`);
      console.log(misses.join('\n'));
    }
    expect(pct).toBeGreaterThanOrEqual(90);
  });
});

// Replies written before the classifier was broadened and not tuned against (see test/fixtures/replies-holdout/).
// Measured: 20/40 = 50.0% before the broadening, 39/40 = 97.5% after. The one miss (a German out-of-office
// read as use_other_channel) was then mended by a general hedge ("in dringenden Fällen", "for urgent
// matters"), so the set is no longer blind: 40/40 now. The floor stays at the blind figure minus a margin.
const holdoutDir = fileURLToPath(new URL('../fixtures/replies-holdout/', import.meta.url));
const holdoutManifest = JSON.parse(readFileSync(`${holdoutDir}expected.json`, 'utf8')) as Record<string, Expected>;
const holdoutFiles = readdirSync(holdoutDir)
  .filter((f) => f.endsWith('.eml'))
  .sort();
const HOLDOUT_FLOOR_PCT = 92.5;

describe('held-out replies', () => {
  it('has a manifest entry for every .eml and covers every class', () => {
    expect(Object.keys(holdoutManifest).sort()).toEqual(holdoutFiles);
    expect(holdoutFiles.length).toBeGreaterThanOrEqual(40);
    for (const cls of REPLY_CLASSES) {
      expect(
        Object.values(holdoutManifest).some((e) => e.class === cls),
        `held-out set has no ${cls} example`,
      ).toBe(true);
    }
  });

  it(`never calls a reply confirmed that is not, and gets at least ${HOLDOUT_FLOOR_PCT}% of classes right`, async () => {
    const misses: string[] = [];
    const falseConfirmed: string[] = [];
    let wrongClass = 0;
    for (const file of holdoutFiles) {
      const expected = holdoutManifest[file];
      if (!expected) throw new Error(`no held-out manifest entry for ${file}`);
      const got = await classifyFile(`${holdoutDir}${file}`);
      if (got.class === expected.class) continue;
      if (got.class !== 'unknown') wrongClass++;
      if (got.class === 'confirmed') falseConfirmed.push(`${file} (expected ${expected.class})`);
      misses.push(`${file}: expected ${expected.class}, got ${got.class}\n    ${got.reasons.join('\n    ')}`);
    }
    const correct = holdoutFiles.length - misses.length;
    const pct = (100 * correct) / holdoutFiles.length;
    console.log(
      `held-out accuracy: ${correct}/${holdoutFiles.length} = ${pct.toFixed(1)}% (wrong class: ${wrongClass}, unknown: ${misses.length - wrongClass})`,
    );
    if (misses.length > 0) console.log(misses.join('\n'));
    expect(falseConfirmed, 'a false "confirmed" would close a request that is still open').toEqual([]);
    expect(pct).toBeGreaterThanOrEqual(HOLDOUT_FLOOR_PCT);
  });
});

describe('quoted-text stripping', () => {
  it('drops "> " lines and keeps the reply text around them', () => {
    expect(stripQuoted('Done, see below.\n> Please confirm that my data has been deleted.\n>\nThanks')).toBe('Done, see below.\nThanks');
  });

  it('cuts at an "On ... wrote:" attribution, also when wrapped over two lines', () => {
    const text = 'We are looking into it.\n\nOn Mon, 2 Jun 2025 at 10:00, Optout Autopilot\n<reply+abc@inbound.example> wrote:\nI object to the processing.';
    expect(stripQuoted(text)).toBe('We are looking into it.');
  });

  it('cuts at "-----Original Message-----" and at "-----Ursprüngliche Nachricht-----"', () => {
    expect(stripQuoted('Noted.\n-----Original Message-----\nFrom: us\nI object.')).toBe('Noted.');
    expect(stripQuoted('Erhalten.\n-----Ursprüngliche Nachricht-----\nVon: uns\nIch widerspreche.')).toBe('Erhalten.');
  });

  it('cuts at a German "Am ... schrieb ...:" attribution', () => {
    expect(stripQuoted('Danke.\n\nAm 16.06.2025 um 10:02 schrieb Optout <reply+x@inbound.example>:\nIch widerspreche.')).toBe('Danke.');
  });

  it.each([
    ['Le lun. 16 juin 2025 à 10:02, Optout <reply+x@inbound.example> a écrit :', 'Merci.'],
    ['El lun, 16 jun 2025 a las 10:02, Optout (<reply+x@inbound.example>) escribió:', 'Gracias.'],
    ['Il giorno lun 16 giu 2025 alle ore 10:02 Optout <reply+x@inbound.example> ha scritto:', 'Grazie.'],
    ['Op 16 jun. 2025 om 10:02 heeft Optout <reply+x@inbound.example> het volgende\ngeschreven:', 'Bedankt.'],
    ['W dniu 16.06.2025 o 10:02, Optout pisze:', 'Dziękujemy.'],
    ['pon., 16 cze 2025 o 10:02 Optout <reply+x@inbound.example> napisał(a):', 'Dziękujemy.'],
  ])('cuts at the attribution "%s"', (attribution, thanks) => {
    expect(stripQuoted(`${thanks}\n\n${attribution}\nJe vous demande de supprimer mes données.`)).toBe(thanks);
  });

  it('cuts at French, Spanish, Italian, Dutch and Polish Outlook header blocks and separators', () => {
    expect(stripQuoted('Reçu.\n\nDe : Optout <reply+x@inbound.example>\nEnvoyé : lundi 16 juin 2025 10:02\nÀ : DPO\nObjet : Opposition\n\nSupprimez.')).toBe(
      'Reçu.',
    );
    expect(stripQuoted('Recibido.\n-----Mensaje original-----\nDe: nosotros')).toBe('Recibido.');
    expect(stripQuoted('Ricevuto.\nDa: Optout <reply+x@inbound.example>\nInviato: lunedì 16 giugno 2025 10:02\nOggetto: Opposizione\n\nCancellate.')).toBe(
      'Ricevuto.',
    );
    expect(stripQuoted('Ontvangen.\nVan: Optout <reply+x@inbound.example>\nVerzonden: maandag 16 juni 2025 10:02\nOnderwerp: Bezwaar')).toBe('Ontvangen.');
    expect(stripQuoted('Otrzymano.\n-----Wiadomość oryginalna-----\nOd: my')).toBe('Otrzymano.');
  });

  it('cuts at an Outlook header block (From:/Sent:/To:/Subject:)', () => {
    const text =
      'We are reviewing.\n\nFrom: Optout <reply+x@inbound.example>\nSent: 09 June 2025 10:02\nTo: DPO\nSubject: Objection\n\nPlease confirm deletion.';
    expect(stripQuoted(text)).toBe('We are reviewing.');
  });

  it('keeps answers written below an attribution that is followed by ">" lines (bottom-posting)', () => {
    const text = 'On Mon, 2 Jun 2025, Optout wrote:\n> Please turn the setting off.\n\nWe have turned it off.';
    expect(stripQuoted(text)).toBe('We have turned it off.');
  });

  it('does not let a quoted copy of our letter decide the class', () => {
    const quotedOnly = reply(
      'Thanks.\n\nOn Mon, 2 Jun 2025 at 10:00, Optout <reply+x@inbound.example> wrote:\n> Please confirm that my data has been deleted and the setting has been turned off.\n> Send no copy of your passport request.',
    );
    const got = classifyReply(quotedOnly);
    expect(got.class).toBe('unknown');
  });
});

describe('negation and conditions', () => {
  it.each([
    ['we cannot confirm that your data has been deleted'],
    ['We have not turned the setting off yet.'],
    ['Wir können nicht bestätigen, dass Ihre Daten gelöscht wurden.'],
    ['Ihre Daten wurden nicht gelöscht.'],
    ['Once we have processed your objection, we will let you know.'],
    ['Nous ne pouvons pas encore confirmer que votre demande a été traitée.'],
    ['Si votre opposition a été prise en compte, vous recevrez un e-mail.'],
    ['No hemos eliminado sus datos.'],
    ['La sua richiesta non è stata ancora evasa.'],
    ['Wij hebben uw verzoek nog niet verwerkt.'],
    ['Pani dane nie zostały jeszcze usunięte.'],
  ])('"%s" is not a confirmation', (text) => {
    const got = classifyReply(reply(text));
    expect(got.class).not.toBe('confirmed');
    expect(got.reasons.join('\n')).not.toMatch(/^generic:confirmed/m);
  });

  it('still confirms the same phrase without a negation, and explains which phrase matched', () => {
    const got = classifyReply(reply('We have deleted your data.'));
    expect(got.class).toBe('confirmed');
    expect(got.reasons[0]).toBe('generic:confirmed:en "We have deleted your"');
  });

  it('records ignored phrases with the negation that disabled them', () => {
    const got = classifyReply(reply('We cannot confirm that your data has been deleted. We are reviewing your request.'));
    expect(got.class).toBe('acknowledged');
    expect(got.reasons).toContainEqual(expect.stringMatching(/^ignored \(negated by "cannot"\): generic:confirmed/));
  });

  it('a possibility is not an identity request, a polite question is', () => {
    expect(classifyReply(reply('We have received your request. We may need to verify your identity.')).class).toBe('acknowledged');
    const asked = classifyReply(reply('Could you please reply with the email address associated with your account?'));
    expect(asked.class).toBe('identity_requested');
    expect(asked.identityAsk).toBe('Could you please reply with the email address associated with your account?');
  });
});

describe('provider patterns', () => {
  const text = 'Thank you. We are reviewing your request. Ticket state: done-optout.';

  it('are tried before the generic ones and win', () => {
    expect(classifyReply(reply(text)).class).toBe('acknowledged');
    const got = classifyReply(reply(text), [{ class: 'confirmed', pattern: 'state: done-optout', lang: 'en' }]);
    expect(got.class).toBe('confirmed');
    expect(got.reasons[0]).toBe('provider:confirmed:en "state: done-optout"');
  });

  it('are matched against the subject too', () => {
    const got = classifyReply(reply('Hello.', { subject: '[PX] Opt-out applied' }), [{ class: 'confirmed', pattern: '^\\[PX\\] opt-out applied' }]);
    expect(got.class).toBe('confirmed');
  });

  it('among several provider matches, follow the class precedence (refused over confirmed)', () => {
    const got = classifyReply(reply('Status: closed. Outcome: declined.'), [
      { class: 'confirmed', pattern: 'status: closed' },
      { class: 'refused', pattern: 'outcome: declined' },
    ]);
    expect(got.class).toBe('refused');
  });

  it('do not override a delivery status notification', () => {
    const got = classifyReply(
      reply('Delivery failed.', {
        contentType: 'multipart/report; report-type=delivery-status; boundary=x',
        attachments: [{ contentType: 'message/delivery-status', content: 'Final-Recipient: rfc822; a@b.example\nAction: failed\nStatus: 5.1.1\n' }],
      }),
      [{ class: 'confirmed', pattern: 'delivery' }],
    );
    expect(got.class).toBe('bounce');
  });

  it('reject an invalid regular expression or an unknown class, naming it', () => {
    expect(() => classifyReply(reply('x'), [{ class: 'confirmed', pattern: '(unclosed' }])).toThrow(
      /pattern 0 \(\/\(unclosed\/\) is not a valid regular expression/,
    );
    expect(() => classifyReply(reply('x'), [{ class: 'done', pattern: 'x' }])).toThrow(/names unknown class "done"/);
  });
});

describe('bounces', () => {
  const status = [
    'Reporting-MTA: dns; mx1.optout.example',
    'Arrival-Date: Mon, 18 Aug 2025 10:00:03 +0000',
    '',
    'Final-Recipient: rfc822; other@provider.example',
    'Action: delivered',
    'Status: 2.0.0',
    '',
    'Final-Recipient: rfc822; Privacy@Provider.example',
    'Action: failed',
    'Status: 5.1.1',
    'Diagnostic-Code: smtp; 550 5.1.1 <privacy@provider.example>: Recipient address',
    '    rejected: User unknown',
  ].join('\n');

  it('parses per-recipient blocks of a delivery-status part, unfolding continuation lines', () => {
    const blocks = parseDeliveryStatus(status);
    expect(blocks).toHaveLength(2);
    expect(blocks[1]).toEqual({
      recipient: 'privacy@provider.example',
      action: 'failed',
      status: '5.1.1',
      diagnostic: 'smtp; 550 5.1.1 <privacy@provider.example>: Recipient address rejected: User unknown',
    });
  });

  it('reports the failed recipient, not the delivered one', () => {
    const got = classifyReply(
      reply('This is the mail system.', {
        from: 'MAILER-DAEMON@mx1.optout.example',
        contentType: 'multipart/report; report-type=delivery-status; boundary="b"',
        attachments: [{ contentType: 'message/delivery-status', content: status }],
      }),
    );
    expect(got).toMatchObject({ class: 'bounce', bounceRecipient: 'privacy@provider.example', bounceStatus: '5.1.1', bouncePermanent: true });
  });

  it('reads a plain-text daemon bounce without a report part', () => {
    const got = classifyReply(
      reply("I'm afraid I wasn't able to deliver your message.\n\n<dpo@gone.example>:\nRemote host said: 550 5.1.1 User unknown", {
        from: 'MAILER-DAEMON@mail.gone.example',
        subject: 'failure notice',
      }),
    );
    expect(got).toMatchObject({ class: 'bounce', bounceRecipient: 'dpo@gone.example', bounceStatus: '5.1.1' });
  });

  it('treats a delay (4.x.x) as a non-permanent bounce and a success report as no bounce', () => {
    const delayed = classifyReply(
      reply('Delayed.', {
        attachments: [{ contentType: 'message/delivery-status', content: 'Final-Recipient: rfc822; x@y.example\nAction: delayed\nStatus: 4.2.2\n' }],
      }),
    );
    expect(delayed).toMatchObject({ class: 'bounce', bounceStatus: '4.2.2', bouncePermanent: false });
    const delivered = classifyReply(
      reply('Delivered.', {
        attachments: [{ contentType: 'message/delivery-status', content: 'Final-Recipient: rfc822; x@y.example\nAction: relayed\nStatus: 2.0.0\n' }],
      }),
    );
    expect(delivered.class).toBe('auto_reply');
  });

  it('a human mail from a normal address that says "could not be delivered" is not a bounce', () => {
    expect(classifyReply(reply('Your message could not be delivered to the right team, sorry.')).class).not.toBe('bounce');
  });

  it('extracts the recipient from a raw Postfix DSN through mailparser', async () => {
    const got = await classifyRawEmail(readFileSync(`${corpusDir}bounce-postfix-user-unknown.eml`));
    expect(got).toMatchObject({ class: 'bounce', bounceRecipient: 'privacy@oldco.example', bounceStatus: '5.1.1' });
  });
});

describe('other-channel URL extraction', () => {
  it('takes the URL next to the phrase and strips trailing punctuation', () => {
    const got = classifyReply(
      reply(
        'Please submit your request through our web form at https://example.com/privacy/request?lang=en. Thanks. Unsubscribe: https://example.com/unsubscribe?u=1',
      ),
    );
    expect(got.class).toBe('use_other_channel');
    expect(got.otherChannelUrl).toBe('https://example.com/privacy/request?lang=en');
  });

  it('reads the href of an HTML link converted to text, ignoring unsubscribe links', () => {
    const text = 'Please use our Privacy Center [https://help.example.com/privacy-center/ai].\n\nUnsubscribe [https://example.com/unsubscribe]';
    expect(classifyReply(reply(text)).otherChannelUrl).toBe('https://help.example.com/privacy-center/ai');
  });

  it('falls back to mailto: for an address, never our own reply address or the sender', () => {
    const text = 'Please forward your objection to our DPO at dpo@provider.example or reply to reply+abc@inbound.example.';
    expect(extractChannelUrl(text, 0, 'privacy@provider.example')).toBe('mailto:dpo@provider.example');
    expect(extractChannelUrl('Please write to reply+abc@inbound.example.', 0, 'x@y.example')).toBeUndefined();
  });

  it('handles German: "ausschließlich über unser Formular"', () => {
    const got = classifyReply(reply('Anfragen bearbeiten wir ausschließlich über unser Datenschutzformular: https://example.de/datenschutz/formular'));
    expect(got).toMatchObject({ class: 'use_other_channel', otherChannelUrl: 'https://example.de/datenschutz/formular' });
  });
});

describe('extension period', () => {
  it.each([
    ['We need to extend the period for our response by two further months.', 2],
    ['We are extending the deadline by one additional month.', 1],
    ['Wir müssen die Frist gemäß Art. 12 Abs. 3 DSGVO um weitere zwei Monate verlängern.', 2],
    ['Wir verlängern die Frist um einen weiteren Monat.', 1],
    ['Instead of answering within one month, we need to extend the period by two further months.', 2],
    ['We are invoking an extension under Article 12(3) GDPR.', 2],
    ["Conformément à l'article 12, paragraphe 3, du RGPD, nous prolongeons le délai d'un mois supplémentaire.", 1],
    ['El plazo para responder se prorroga en otros dos meses.', 2],
    ['Il termine è prorogato di ulteriori due mesi.', 2],
    ['Wij verlengen de termijn met twee maanden.', 2],
    ['Termin zostaje przedłużony o kolejne dwa miesiące.', 2],
  ])('"%s" -> %i months', (text, months) => {
    const got = classifyReply(reply(text));
    expect(got.class).toBe('extension');
    expect(got.extensionMonths).toBe(months);
    expect(got.extensionDays).toBeUndefined();
  });

  it('reports days instead when the mail states them (CCPA: 45 days)', () => {
    const got = classifyReply(reply('We need an additional 45 days to complete your request.'));
    expect(got).toMatchObject({ class: 'extension', extensionDays: 45 });
    expect(got.extensionMonths).toBeUndefined();
  });

  it('a mere statement that the period can be extended is not an extension', () => {
    expect(classifyReply(reply('We have received your request. The period may be extended by two further months where necessary.')).class).toBe('acknowledged');
    expect(extractExtension('no period here', 0)).toEqual({});
  });
});

describe('automatic replies', () => {
  it('RFC 3834 headers alone make an empty-worded mail an auto_reply, "Auto-Submitted: no" does not', () => {
    expect(classifyReply(reply('Hello.', { headers: { 'Auto-Submitted': 'auto-replied' } }))).toMatchObject({
      class: 'auto_reply',
      reasons: ['header:Auto-Submitted=auto-replied'],
    });
    expect(classifyReply(reply('Hello.', { headers: { 'X-Autoreply': 'yes' } })).class).toBe('auto_reply');
    expect(classifyReply(reply('Hello.', { headers: { Precedence: 'auto_reply' } })).class).toBe('auto_reply');
    expect(classifyReply(reply('Hello.', { headers: { 'Auto-Submitted': 'no' } })).class).toBe('unknown');
  });

  it('an automated acknowledgement of the request is acknowledged, an out-of-office stays auto_reply', () => {
    const headers = { 'Auto-Submitted': 'auto-generated' };
    expect(classifyReply(reply('This is an automated message. Your request #4411 has been received.', { headers })).class).toBe('acknowledged');
    expect(classifyReply(reply('I am out of the office until Monday. Your request has been received.', { headers })).class).toBe('auto_reply');
  });
});

describe('bad input', () => {
  it('names the malformed field', () => {
    expect(() => classifyReply({ from: 'a@b', subject: 's', headers: {} } as unknown as ReplyInput)).toThrow(/field "text" must be a string/);
    expect(() => classifyReply({ from: 'a@b', subject: 's', text: '', headers: null } as unknown as ReplyInput)).toThrow(/field "headers"/);
  });

  it('names a file that cannot be read', async () => {
    await expect(classifyFile(`${corpusDir}does-not-exist.eml`)).rejects.toThrow(/cannot read reply file .*does-not-exist\.eml/);
  });
});
