// GET /api/companies?q=: the form's search over every provider we can write to, the curated catalog
// and the long tail of the datenanfragen database (core/providers/search.ts). Only `q` is read here;
// `jurisdiction` and `lang` add each hit's planned action (app/preview.ts withPlans), and other query
// parameters are ignored like on every other GET route.
import { z } from 'zod';
import { getCatalog } from '../core/providers/catalog.ts';
import { type SearchHit, SEARCH_LIMIT, searchProviders } from '../core/providers/search.ts';
import { singleLine } from '../core/text-rules.ts';
import { parseInput } from './errors.ts';

/** Shorter queries match too much to be useful. */
export const MIN_QUERY_CHARS = 2;
export const MAX_QUERY_CHARS = 100;

const QuerySchema = z.object({
  q: z
    .string({ message: `is required: a company name or domain (${MIN_QUERY_CHARS} to ${MAX_QUERY_CHARS} characters)` })
    .pipe(singleLine(MAX_QUERY_CHARS))
    .pipe(z.string().min(MIN_QUERY_CHARS, `is too short (${MIN_QUERY_CHARS} characters at least)`)),
});

export function searchCompanies(query: Record<string, string | undefined>): { companies: SearchHit[]; limit: number } {
  const { q } = parseInput(QuerySchema, { q: query.q }, 'invalid search');
  return { companies: searchProviders(q, getCatalog()), limit: SEARCH_LIMIT };
}
