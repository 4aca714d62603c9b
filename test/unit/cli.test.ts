// The command line as a person runs it (`npx optout ...` is bin/optout.js): what it prints, its exit
// code, and that bad input names the flag and the problem.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dueDate } from '../../functions/core/deadlines.ts';

const BIN = fileURLToPath(new URL('../../bin/optout.js', import.meta.url));
const CORPUS = fileURLToPath(new URL('../fixtures/replies/', import.meta.url));

function optout(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 30_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('npx optout', () => {
  it('deadline prints the due date as JSON', async () => {
    const run = await optout('deadline', '--law', 'us-state', '--from', '2026-11-25');
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(run.stdout)).toEqual({ due: dueDate('us-state', '2026-11-25') });
    expect(JSON.parse((await optout('deadline', '--law', 'gdpr', '--from', '2026-01-31')).stdout)).toEqual({ due: '2026-03-02' });
  });

  it("deadline --country takes the controller's holidays, --jurisdiction the state's act (an Irish controller, 28 Nov 2026 -> 29 Dec)", async () => {
    const [irish, iowa, wrong] = await Promise.all([
      optout('deadline', '--law', 'gdpr', '--from', '2026-11-28', '--country', 'IE'),
      optout('deadline', '--law', 'us-state', '--from', '2026-01-07', '--jurisdiction', 'US-IA'),
      optout('deadline', '--law', 'ccpa-delete', '--from', '2026-10-12', '--country', 'IE'),
    ]);
    expect(irish).toMatchObject({ code: 0, stdout: '{"due":"2026-12-29"}\n', stderr: '' });
    expect(JSON.parse(iowa.stdout)).toEqual({ due: '2026-04-07' }); // Iowa: 90 days
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('Invalid country: applies to gdpr and gdpr-extended only');
  });

  it("deadline --country DE-NW counts the Land's holidays: Fronleichnam (Thu 4 June 2026) moves a period in NRW, not in Berlin", async () => {
    const [nrw, berlin, unknown] = await Promise.all([
      optout('deadline', '--law', 'gdpr', '--from', '2026-05-04', '--country', 'DE-NW'),
      optout('deadline', '--law', 'gdpr', '--from', '2026-05-04', '--country', 'DE-BE'),
      optout('deadline', '--law', 'gdpr', '--from', '2026-05-04', '--country', 'DE'),
    ]);
    expect(nrw).toMatchObject({ code: 0, stdout: '{"due":"2026-06-05"}\n', stderr: '' });
    expect(berlin.stdout).toBe('{"due":"2026-06-04"}\n');
    expect(unknown.stdout).toBe('{"due":"2026-06-05"}\n'); // Land unknown: every Land's holidays (never early)
  });

  it('letter --basis ccpa-opt-out for Amazon goes to Amazon.com, Inc., with no address line no source gives', async () => {
    const run = await optout('letter', '--provider', 'amazon', '--basis', 'ccpa-opt-out', '--lang', 'en', '--name', 'E M', '--identifier', 'e');
    expect(run.code).toBe(0);
    const [, , addressee, next] = run.stdout.split('\n');
    expect(addressee).toBe('Amazon.com, Inc.');
    expect(next).toBe('');
    expect(run.stdout).not.toContain('Luxembourg');
  });

  it('deadline names the bad argument and lists the laws', async () => {
    const run = await optout('deadline', '--law', 'hipaa', '--from', '2026-11-25');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^optout: Invalid law: "hipaa" is not one of gdpr, gdpr-extended, .*us-state-extended/);
    expect((await optout('deadline', '--law', 'gdpr')).stderr).toContain('missing --from');
  });

  it('letter prints a letter with its subject, citations and the person', async () => {
    const run = await optout(
      'letter',
      '--provider',
      'pinterest',
      '--basis',
      'gdpr-objection',
      '--lang',
      'de',
      '--name',
      'Erika Mustermann',
      '--identifier',
      'erika.pins',
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Subject: .*Art\. 21 Abs\. 1 DSGVO/);
    expect(run.stdout).toContain('Pinterest Europe Ltd.');
    expect(run.stdout).toContain('Erika Mustermann');
    const colorado = await optout('letter', '--provider', 'reddit', '--basis', 'us-state-request', '--lang', 'en', '--name', 'Sam', '--identifier', 'sam');
    expect(colorado.stdout).toContain('C.R.S. § 6-1-1306(1)(a)');
    expect(colorado.stdout).toContain('Reddit, Inc.');
  });

  it('letter prints the objection in French, Spanish, Italian, Dutch and Polish, citing Art. 21(1) in each style', async () => {
    const styles = {
      fr: /^Subject: Opposition en vertu de l'article 21, paragraphe 1, du RGPD/,
      es: /^Subject: Oposición conforme al artículo 21, apartado 1, del RGPD/,
      it: /^Subject: Opposizione ai sensi dell'articolo 21, paragrafo 1, del RGPD/,
      nl: /^Subject: Bezwaar op grond van artikel 21, lid 1, AVG/,
      pl: /^Subject: Sprzeciw na podstawie art\. 21 ust\. 1 RODO/,
    };
    const salutations = {
      fr: 'Madame, Monsieur,',
      es: 'Estimados señores:',
      it: 'Gentili Signore e Signori,',
      nl: 'Geachte heer, mevrouw,',
      pl: 'Szanowni Państwo,',
    };
    const runs = await Promise.all(
      Object.keys(styles).map((lang) =>
        optout('letter', '--provider', 'pinterest', '--basis', 'gdpr-objection', '--lang', lang, '--name', 'Jane Doe', '--identifier', 'jane.pins'),
      ),
    );
    for (const [i, lang] of (Object.keys(styles) as (keyof typeof styles)[]).entries()) {
      const run = runs[i]!;
      expect(run, lang).toMatchObject({ code: 0, stderr: '' });
      expect(run.stdout).toMatch(styles[lang]);
      expect(run.stdout).toContain(salutations[lang]);
      expect(run.stdout).toContain('Pinterest Europe Ltd.');
      expect(run.stdout).not.toMatch(/Dear |Yours faithfully|Sehr geehrte/);
    }
    const unknown = await optout('letter', '--provider', 'pinterest', '--basis', 'gdpr-objection', '--lang', 'pt', '--name', 'Jane', '--identifier', 'jane');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('en, de, fr, es, it, nl, pl');
  });

  it("letter without --lang writes in the jurisdiction's main language (French for FR), and --lang still wins", async () => {
    const letter = (...more: string[]) =>
      optout(
        'letter',
        '--provider',
        'pinterest',
        '--basis',
        'gdpr-objection',
        '--name',
        'Jane Doe',
        '--identifier',
        'jane.pins',
        '--jurisdiction',
        'FR',
        ...more,
      );
    const [french, english] = await Promise.all([letter(), letter('--lang', 'en')]);
    expect(french).toMatchObject({ code: 0, stderr: '' });
    expect(french.stdout).toMatch(/^Subject: Opposition en vertu de l'article 21, paragraphe 1, du RGPD/);
    expect(english).toMatchObject({ code: 0, stderr: '' });
    expect(english.stdout).toMatch(/^Subject: Objection under Art\. 21\(1\) GDPR/);
  });

  it('letter refuses a basis that does not fit the jurisdiction, and says which would', async () => {
    const run = await optout(
      'letter',
      '--provider',
      'reddit',
      '--basis',
      'us-state-request',
      '--lang',
      'en',
      '--name',
      'Sam',
      '--identifier',
      'sam',
      '--jurisdiction',
      'US-NY',
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--basis us-state-request does not fit --jurisdiction US-NY (law: none); use --basis ai-training-request there');
    const unknown = await optout('letter', '--provider', 'myspace', '--basis', 'gdpr-objection', '--lang', 'en', '--name', 'Sam', '--identifier', 'sam');
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toMatch(/myspace/);
  });

  it('classify prints the class and the reasons of a reply', async () => {
    const run = await optout('classify', `${CORPUS}refused-state-act-thresholds.eml`);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as { class: string; reasons: string[] };
    expect(result.class).toBe('refused');
    expect(result.reasons[0]).toContain('unable to act on your request');
    expect((await optout('classify')).stderr).toContain('classify needs a file');
  });

  describe('authority prints whom the complaint goes to, from the function the workflow uses', () => {
    const authority = async (jurisdiction: string, provider = 'pinterest') => {
      const run = await optout('authority', '--jurisdiction', jurisdiction, '--provider', provider);
      expect(run, `${jurisdiction} ${provider}`).toMatchObject({ code: 0, stderr: '' });
      return JSON.parse(run.stdout) as { complaintTo: Record<string, string> | null; lead: Record<string, string> | null; law: string; remedy: string | null };
    };

    it('a Berlin resident: the Berlin authority, in German, naming the Irish DPC as lead; Bavaria: the BayLDA', async () => {
      const [berlin, bavaria, paris] = await Promise.all([authority('DE-BE'), authority('de-by'), authority('FR', 'reddit')]);
      expect(berlin).toEqual({
        complaintTo: {
          name: 'Berliner Beauftragte für Datenschutz und Informationsfreiheit',
          email: 'mailbox@datenschutz-berlin.de',
          web: 'https://kontakt.datenschutz-berlin.de/',
          address: 'Alt-Moabit 59-61, 10555 Berlin, Deutschland',
          language: 'de',
        },
        lead: {
          name: 'Irish Data Protection Commission',
          email: 'info@dataprotection.ie',
          web: 'https://forms.dataprotection.ie/contact',
          address: '21 Fitzwilliam Square South, Dublin 2, D02 RD28, Ireland',
          language: 'en',
        },
        law: 'gdpr',
        remedy: 'GDPR Art. 78(2)',
      });
      expect(bavaria.complaintTo).toMatchObject({ name: 'Bayerisches Landesamt für Datenschutzaufsicht (BayLDA)', email: 'poststelle@lda.bayern.de' });
      // A French resident against a Dutch controller: the CNIL, in French, the AP as lead.
      expect(paris.complaintTo).toMatchObject({ name: expect.stringContaining('CNIL'), language: 'fr' });
      expect(paris.lead?.name).toBe('Autoriteit Persoonsgegevens (Dutch Data Protection Authority)');
    });

    it('a UK resident: the ICO with DPA 2018 s. 166, no lead; Italy: no PEC address; Utah, California, Colorado', async () => {
      const [uk, italy, utah, california, colorado] = await Promise.all([
        authority('UK'),
        authority('IT'),
        authority('US-UT'),
        authority('US-CA'),
        authority('US-CO', 'reddit'),
      ]);
      expect(uk).toMatchObject({
        complaintTo: { name: 'The Information Commissioner’s Office', language: 'en' },
        lead: null,
        law: 'uk-gdpr',
        remedy: 'DPA 2018 s. 166',
      });
      expect(JSON.stringify(uk)).not.toContain('Data Protection Commission');
      expect(italy.complaintTo).toMatchObject({ email: 'protocollo@gpdp.it' });
      expect(JSON.stringify(italy)).not.toContain('pec.gpdp.it');
      expect(utah).toEqual({
        complaintTo: {
          name: 'Utah Division of Consumer Protection',
          web: 'https://db.dcp.utah.gov/complaints.html',
          address: expect.stringContaining('Salt Lake City, UT'),
          language: 'en',
        },
        lead: null,
        law: 'us-state',
        remedy: null,
      });
      expect(california.complaintTo?.name).toContain('California Privacy Protection Agency');
      expect(colorado).toEqual({ complaintTo: { name: 'Colorado Attorney General', language: 'en' }, lead: null, law: 'us-state', remedy: null });
    });

    it("names a German controller's Land authority as lead, not the federal BfDI: DeepL (Cologne) -> LDI NRW, SoundCloud (Berlin) -> Berlin", async () => {
      const [deepl, soundcloud] = await Promise.all([authority('FR', 'deepl'), authority('AT', 'soundcloud')]);
      expect(deepl.lead).toMatchObject({ name: 'Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen', language: 'de' });
      expect(soundcloud.lead).toMatchObject({ name: 'Berliner Beauftragte für Datenschutz und Informationsfreiheit', language: 'de' });
      expect(JSON.stringify([deepl, soundcloud])).not.toMatch(/Bundesbeauftragte|bfdi/i);
    });

    it('refuses plain DE, naming the Land codes, and names a missing flag', async () => {
      const [de, missing] = await Promise.all([
        optout('authority', '--jurisdiction', 'DE', '--provider', 'pinterest'),
        optout('authority', '--jurisdiction', 'DE-BE'),
      ]);
      expect(de.code).toBe(2);
      expect(de.stderr).toMatch(/^optout: --jurisdiction name your Land: DE-BW \(Baden-Württemberg\), DE-BY \(Bayern\), DE-BE \(Berlin\)/);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain('missing --provider');
    });
  });

  it('providers lists the catalog as a table', async () => {
    const run = await optout('providers');
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^slug\s+name\s+channels\s+quality\s+checked$/);
    expect(lines.some((l) => /^pinterest\s+Pinterest\s+/.test(l))).toBe(true);
    expect((await optout('frobnicate')).code).toBe(2);
  });

  it('providers --json prints the catalog as JSON: slug, name, channel types, playbook names, individualOptOut when set', async () => {
    const run = await optout('providers', '--json');
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const list = JSON.parse(run.stdout) as { slug: string; name: string; channels: { type: string }[]; playbooks: string[]; individualOptOut?: boolean }[];
    expect(list.length).toBeGreaterThanOrEqual(40);
    const bySlug = new Map(list.map((p) => [p.slug, p]));
    const pinterest = bySlug.get('pinterest')!;
    expect(pinterest).toEqual({
      slug: 'pinterest',
      name: 'Pinterest',
      channels: [{ type: 'settings' }, { type: 'email' }, { type: 'webform' }],
      playbooks: ['genai-training'],
    });
    expect(bySlug.get('zoom')?.individualOptOut).toBe(false);
    expect(bySlug.get('reddit')?.individualOptOut).toBe(false);
    for (const p of list) {
      expect(Object.keys(p).sort(), p.slug).toEqual(expect.arrayContaining(['channels', 'name', 'playbooks', 'slug']));
      for (const c of p.channels) expect(Object.keys(c), p.slug).toEqual(['type']);
    }
  });
});
