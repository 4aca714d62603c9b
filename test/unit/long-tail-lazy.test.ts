// The long tail costs nothing until it is used: the catalog, curated lookups and a submission of curated
// providers never read companies.json; the first search or `dn:` lookup does, once.
import { describe, expect, it } from 'vitest';
import { submissionSchema } from '../../functions/app/submissions.ts';
import { findProvider, getCatalog, getProvider } from '../../functions/core/providers/catalog.ts';
import { isLongTailLoaded, longTail } from '../../functions/core/providers/long-tail.ts';
import { searchProviders } from '../../functions/core/providers/search.ts';

describe('loading the long tail', () => {
  it('waits for the first search or long-tail lookup, then reads the file once', () => {
    expect(getCatalog().size).toBeGreaterThan(0);
    expect(getProvider('reddit').slug).toBe('reddit');
    expect(findProvider('no-such-provider')).toBeUndefined();
    const parsed = submissionSchema(40).safeParse({
      name: 'Erika Mustermann',
      email: 'erika@example.org',
      jurisdiction: 'DE-BE',
      accounts: [{ provider: 'reddit', identifier: 'erika' }],
      consent: true,
      signature: 'Erika Mustermann',
    });
    expect(parsed.success).toBe(true);
    expect(isLongTailLoaded()).toBe(false);

    expect(findProvider('dn:23andme')?.name).toBe('23andMe, Inc.');
    expect(isLongTailLoaded()).toBe(true);
    const tail = longTail();
    expect(searchProviders('23andme', getCatalog())[0]?.slug).toBe('dn:23andme');
    expect(longTail()).toBe(tail);
  });
});
