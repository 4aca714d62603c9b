// The signed authorization without the services: the API's signature rule, the text the person signs,
// its PDF (text read back with a PDF library), and what the letters say about it.
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { renderAuthorizationPdf } from '../../functions/adapters/pdf.ts';
import { submissionSchema } from '../../functions/app/submissions.ts';
import { AUTHORIZATION_VERSION, renderAuthorizationText, sha256, signatureMatches, type SignedAuthorization } from '../../functions/core/authorization.ts';
import { renderLetter, type LetterInput } from '../../functions/core/letters.ts';

const body = {
  name: 'Sam Rivera',
  email: 'sam@example.com',
  jurisdiction: 'US-CA',
  consent: true,
  accounts: [{ provider: 'reddit', identifier: 'samr' }],
  signature: 'Sam Rivera',
};

function issues(input: unknown) {
  const result = submissionSchema(40).safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

describe('the signature on the form', () => {
  it('is required, and the API names the field', () => {
    const { signature: _omitted, ...unsigned } = body;
    expect(issues(unsigned)).toEqual([{ path: 'signature', message: 'is required: type your full name as your signature under the authorization' }]);
    expect(issues({ ...body, signature: '   ' })).toEqual([{ path: 'signature', message: 'is required' }]);
  });

  it('must be the name given, ignoring case and spaces', () => {
    expect(issues({ ...body, signature: 'sam  RIVERA ' })).toEqual([]);
    expect(issues({ ...body, signature: 'Sam R.' })).toEqual([
      { path: 'signature', message: 'must be your full name as given in name (type it as your signature)' },
    ]);
    expect(signatureMatches('Jürgen Łukasiewicz', 'jürgen łukasiewicz')).toBe(true);
    // The same letters composed differently (NFD) are the same signature.
    expect(signatureMatches('Jürgen', 'Ju\u0308rgen')).toBe(true);
    expect(signatureMatches('山田 太郎', '山田太郎')).toBe(true);
    expect(signatureMatches('Erika Mustermann', 'Erika Musterfrau')).toBe(false);
  });

  it('follows the text rules of every field (no line breaks or direction controls)', () => {
    expect(issues({ ...body, signature: 'Sam\nRivera' })).toContainEqual({ path: 'signature', message: 'must be a single line (it contains a line break)' });
  });
});

const californian = {
  lang: 'en' as const,
  law: 'ccpa' as const,
  jurisdiction: 'US-CA',
  person: { name: 'Sam Rivera', email: 'sam@example.com' },
  businesses: [
    { entity: 'Reddit, Inc.', service: 'Reddit' },
    { entity: 'Discord Inc.', service: 'Discord' },
  ],
  agent: { name: 'Optout Autopilot', contact: 'optout@autopilot.localhost' },
  date: '2026-11-25',
};

function signed(text: string, signature: string, lang: 'en' | 'de' = 'en'): SignedAuthorization {
  return {
    version: AUTHORIZATION_VERSION,
    lang,
    text,
    textSha256: sha256(text),
    signature,
    signedAt: '2026-11-25T10:15:00.000Z',
    clientAddress: '127.0.0.1',
    userAgent: 'test',
    verification: {
      email: 'sam@example.com',
      linkSentAt: '2026-11-25T10:15:01.000Z',
      confirmedAt: '2026-11-25T10:20:00.000Z',
      method: 'POST /verify',
      clientAddress: '127.0.0.1',
      userAgent: 'test',
    },
  };
}

async function pdfText(pdf: Buffer): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

describe('the authorization text', () => {
  it('names the person, the agent and its contact, each business, the requests under the law, and the date', () => {
    const text = renderAuthorizationText(californian);
    expect(text).toContain('I, Sam Rivera (sam@example.com), authorize Optout Autopilot (optout@autopilot.localhost) to act as my authorized agent');
    expect(text).toContain('- Reddit, Inc. (Reddit)\n- Discord Inc. (Discord)');
    expect(text).toContain('- to opt out of the sale and sharing of my personal information (Cal. Civ. Code § 1798.120)');
    expect(text).toContain('- to limit the use and disclosure of my sensitive personal information (Cal. Civ. Code § 1798.121)');
    expect(text).toContain('Date: 25 November 2026');
    expect(text).toContain(`Text version: ${AUTHORIZATION_VERSION}`);
  });

  it("under a state act without an agent route, asks for the person's own requests; with one, only for what it does not cover", () => {
    const virginia = renderAuthorizationText({ ...californian, law: 'us-state', jurisdiction: 'US-VA' });
    expect(virginia).toMatch(/opt out of the processing .*\(Va\. Code § 59\.1-577\(A\)\(5\)\) \(as my own request, which the agent transmits for me\)/);
    const colorado = renderAuthorizationText({ ...californian, law: 'us-state', jurisdiction: 'US-CO' });
    expect(colorado).toMatch(/\(C\.R\.S\. § 6-1-1306\(1\)\(a\)\)\n/);
    expect(colorado).toMatch(/deletion of my personal data \(C\.R\.S\. § 6-1-1306\(1\)\(d\)\) \(as my own request/);
  });

  it('is rendered in German for a German-speaking person', () => {
    const text = renderAuthorizationText({ ...californian, lang: 'de', law: 'gdpr', jurisdiction: 'DE-BE' });
    expect(text).toContain('Ich, Sam Rivera (sam@example.com), bevollmächtige Optout Autopilot');
    expect(text).toContain('Art. 21 Abs. 1 DSGVO');
    expect(text).toContain('Datum: 25. November 2026');
  });
});

describe('the authorization PDF', () => {
  it('carries the text as signed, the signature and the verification trail, readable by a PDF library', async () => {
    const record = signed(renderAuthorizationText(californian), 'Sam Rivera');
    const pdf = await renderAuthorizationPdf(record, 'Optout Autopilot');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(pdf);
    expect(text).toContain('Sam Rivera');
    expect(text).toContain('Reddit, Inc. (Reddit)');
    expect(text).toContain('Discord Inc. (Discord)');
    expect(text).toContain('opt out of the sale and sharing of my personal information (Cal. Civ. Code § 1798.120)');
    expect(text).toContain('Signed electronically by typing the full name');
    expect(text).toContain(record.textSha256);
    expect(text).toContain('sam@example.com, by the link mailed to it at 2026-11-25 10:15:01 UTC, confirmed at 2026-11-25 10:20:00 UTC (POST /verify)');
    // Not sent to businesses: where the person signed from.
    expect(text).not.toContain('127.0.0.1');
  });

  it('is the same bytes every time it is rendered from the same record', async () => {
    const record = signed(renderAuthorizationText(californian), 'Sam Rivera');
    const [a, b] = await Promise.all([renderAuthorizationPdf(record, 'Optout Autopilot'), renderAuthorizationPdf(record, 'Optout Autopilot')]);
    expect(a.equals(b)).toBe(true);
  });

  it('prints Latin Extended, Greek and Cyrillic names, and never fails on a character the font lacks', async () => {
    const names = ['Jan Łukasiewicz', 'Ærøskøbing Ðorđević', 'Νίκος Καζαντζάκης', 'Фёдор Достоевский'];
    for (const name of names) {
      const record = signed(renderAuthorizationText({ ...californian, person: { ...californian.person, name } }), name);
      expect(await pdfText(await renderAuthorizationPdf(record, 'Optout Autopilot'))).toContain(name);
    }
    const cjk = '山田 太郎';
    const record = signed(renderAuthorizationText({ ...californian, person: { ...californian.person, name: cjk } }), cjk);
    const text = await pdfText(await renderAuthorizationPdf(record, 'Optout Autopilot'));
    expect(text).toContain('U+5C71 U+7530 U+0020 U+592A U+90CE');
  });
});

const letter: LetterInput = {
  kind: 'ccpa-opt-out',
  lang: 'en',
  law: 'ccpa',
  provider: { name: 'Reddit', legalEntity: { name: 'Reddit, Inc.', address: '1455 Market Street\nSan Francisco, CA 94103\nUSA' } },
  person: { name: 'Sam Rivera', email: 'sam@example.com' },
  account: { identifier: 'samr' },
  agent: { name: 'Optout Autopilot', authorizationFile: 'authorization-OA-ABCD-EFGH.pdf' },
  reference: 'OA-ABCD-EFGH',
  date: '2026-11-25',
  dueDate: '2026-12-16',
};

describe('what the letters say about it', () => {
  it('a California letter says the signed authorization is attached, citing 11 CCR §§ 7026 and 7063', () => {
    const rendered = renderLetter(letter);
    expect(rendered.text).toContain('My signed authorization is attached to this email as authorization-OA-ABCD-EFGH.pdf (11 CCR § 7026 and 11 CCR § 7063).');
    expect(rendered.citations).toEqual(expect.arrayContaining(['11 CCR § 7026', '11 CCR § 7063']));
  });

  it('claims no signed permission when there is none to attach', () => {
    const rendered = renderLetter({ ...letter, agent: { name: 'Optout Autopilot' } });
    expect(rendered.text).not.toMatch(/signed|attached/);
    expect(rendered.citations).not.toContain('11 CCR § 7063');
  });

  it("under a state act with an agent route only for the opt-out (Texas: targeted advertising and sale), asks the rest as the person's own request", () => {
    const rendered = renderLetter({ ...letter, kind: 'us-state-request', law: 'us-state', usState: 'US-TX' });
    expect(rendered.text).toContain(
      'Optout Autopilot submits my opt-out for targeted advertising and for the sale of personal data as my authorized agent (Tex. Bus. & Com. Code § 541.055(e)); my signed authorization is attached to this email as authorization-OA-ABCD-EFGH.pdf.',
    );
    expect(rendered.text).toMatch(
      /The rest of this letter \(the opt-out for profiling .* and the deletion request\) is my own request, made by me: Optout Autopilot only transmits it on my instruction\. You may confirm it with me directly at sam@example\.com\./,
    );
    expect(rendered.citations).toContain('Tex. Bus. & Com. Code § 541.055(e)');
  });

  it("under a state act without an agent route (Virginia), asks everything as the person's own request", () => {
    const rendered = renderLetter({ ...letter, kind: 'us-state-request', law: 'us-state', usState: 'US-VA' });
    expect(rendered.text).toContain(
      'The requests in this letter are my own requests, made by me: Optout Autopilot only transmits them on my instruction (my signed authorization for this is attached to this email as authorization-OA-ABCD-EFGH.pdf). You may confirm them with me directly at sam@example.com.',
    );
    expect(rendered.text).not.toContain('as my authorized agent (');
  });

  it('a GDPR letter says the authorization is attached too, in German', () => {
    const rendered = renderLetter({
      ...letter,
      kind: 'gdpr-objection',
      lang: 'de',
      law: 'gdpr',
      provider: { name: 'Reddit', legalEntity: { name: 'Reddit Netherlands B.V.', address: 'Euclideslaan 201\n3584 BS Utrecht\nNiederlande' } },
    });
    expect(rendered.text).toContain('Meine unterzeichnete Vollmacht ist dieser E-Mail als authorization-OA-ABCD-EFGH.pdf beigefügt.');
  });
});
