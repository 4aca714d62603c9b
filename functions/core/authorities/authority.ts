// Our own compact format for data protection supervisory authorities (complaint addressees).
import { z } from 'zod';

export const AuthoritySchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  /** ISO 3166-1 alpha-2 country. */
  country: z.string().regex(/^[A-Z]{2}$/),
  /** ISO 3166-2 subdivision for a state authority, e.g. "DE-BY", "US-CA". */
  region: z
    .string()
    .regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/)
    .optional(),
  /**
   * national: the country's general authority; state: a German Land's authority for companies
   * (or a US state's agency); sector: churches, broadcasters, public bodies, never picked automatically.
   */
  scope: z.enum(['national', 'state', 'sector']),
  /** One line, parts separated by ", ". */
  address: z.string().min(1),
  email: z.string().email().optional(),
  webform: z.string().url().optional(),
  /** ISO 639-1 language a complaint should be written in. */
  language: z.string().regex(/^[a-z]{2}$/),
  /** Where the facts come from: a datenanfragen record slug, or a URL for hand-added entries. */
  source: z.string().min(1),
  note: z.string().optional(),
});
export type Authority = z.infer<typeof AuthoritySchema>;

export const AuthorityFileSchema = z.object({
  about: z.string(),
  authorities: z.array(AuthoritySchema),
});
export type AuthorityFile = z.infer<typeof AuthorityFileSchema>;
