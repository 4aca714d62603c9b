// The provider catalog format: one providers/<slug>.json per provider, validated at load and in a test.
import { z } from 'zod';
import { BasisSchema, LanguageSchema } from '../model.ts';
import { PlaybookSchema } from './playbook.ts';
import { REPLY_CLASSES } from '../replies/classes.ts';

const Url = z.string().url();
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');

/** Region tags: "global", ISO country codes, "EU", "EEA", "GB", "CH", "US", "US-CA". */
const Regions = z.array(z.string().min(2)).min(1).default(['global']);

export const LegalEntitySchema = z.object({
  name: z.string().min(1),
  /**
   * Postal address as the company's own policy or terms state it; omit it when no such source gives
   * one (a letter then prints no address line rather than a guess).
   */
  address: z.string().min(1).optional(),
  /** ISO 3166-1 alpha-2 country of establishment (decides the lead supervisory authority). */
  country: z.string().regex(/^[A-Z]{2}$/),
  /**
   * For a German entity, the Land where it sits (ISO 3166-2, e.g. "DE-NW" for Cologne): its authority is
   * that Land's (BDSG § 40(1), § 19(1); the BfDI supervises federal bodies, telecoms and postal services,
   * not companies: research/law.md), and that Land's public holidays end no GDPR period. A curated
   * provider's German legalEntity must carry it (catalog.ts).
   */
  land: z
    .string()
    .regex(/^DE-(BW|BY|BE|BB|HB|HH|HE|MV|NI|NW|RP|SL|SN|ST|SH|TH)$/, 'must be a German Land code like "DE-NW"')
    .optional(),
});

const EmailChannel = z.object({
  type: z.literal('email'),
  address: z.string().email(),
  regions: Regions,
  /** Which bases this address takes; absent means all. */
  bases: z.array(BasisSchema).optional(),
  /**
   * Who may write there: "person" (any account holder, the default) or "account-admin" (only the
   * owner of a whole workspace or organisation, e.g. Slack's workspace opt-out). The dispatcher
   * sends a person's letter only to "person" addresses.
   */
  audience: z.enum(['person', 'account-admin']).default('person'),
  /** Set when a letter to this address bounced; the dispatcher skips failing addresses. */
  failing: z.object({ since: IsoDate, reason: z.string() }).optional(),
  note: z.string().optional(),
});

const WebFormChannel = z.object({
  type: z.literal('webform'),
  label: z.string().min(1),
  url: Url,
  regions: Regions,
  bases: z.array(BasisSchema).optional(),
  /** Key into `playbooks` when the form can be filled by the browser engine. */
  playbook: z.string().optional(),
  note: z.string().optional(),
});

const SettingsChannel = z.object({
  type: z.literal('settings'),
  /** The setting's name as the provider shows it. */
  label: z.string().min(1),
  /** Menu path a person follows, e.g. "Settings > Privacy and data". */
  path: z.string().min(1),
  url: Url,
  regions: Regions,
  playbook: z.string().optional(),
  note: z.string().optional(),
});

export const ChannelSchema = z.discriminatedUnion('type', [EmailChannel, WebFormChannel, SettingsChannel]);
export type Channel = z.infer<typeof ChannelSchema>;

export const ReplyPatternSchema = z.object({
  /** Any reply class but "unknown", which is what no pattern matching means. */
  class: z.enum(REPLY_CLASSES).refine((c) => c !== 'unknown', { message: 'cannot be "unknown"' }),
  /** A case-insensitive regular expression tried against subject and body. */
  pattern: z.string().min(1),
  lang: LanguageSchema.optional(),
});

export const ProviderSchema = z
  .object({
    slug: z.string().regex(/^[a-z0-9-]+$/),
    name: z.string().min(1),
    /** Products and services covered, for the form's picker. */
    services: z.array(z.string()).default([]),
    /** The EU/EEA controller (or the main entity where none is in the EU). */
    legalEntity: LegalEntitySchema,
    /** Further entities, e.g. the US company for CCPA letters. */
    otherEntities: z.array(LegalEntitySchema).default([]),
    /** Letter language preferred by the provider, first match wins against the person's own. */
    languages: z.array(LanguageSchema).min(1),
    /** Web origins the browser may visit for this provider; every other origin is blocked. */
    origins: z.array(Url).default([]),
    /** Domains whose authenticated mail counts as the provider's reply (DMARC alignment). */
    replyDomains: z.array(z.string().min(3)).min(1),
    channels: z.array(ChannelSchema).min(1),
    /**
     * false when the provider offers a person no opt-out of its own (no setting, no opt-out form):
     * only the legal letter is left, and the form says so. Absent means an opt-out exists or was not
     * assessed. Explain in `notes`.
     */
    individualOptOut: z.boolean().optional(),
    playbooks: z.record(z.string(), PlaybookSchema).default({}),
    replyPatterns: z.array(ReplyPatternSchema).default([]),
    /** What an identifier looks like for this provider ("username", "email address"...). */
    identifierHint: z.string().min(1),
    sources: z.array(Url).min(1),
    checkedAt: IsoDate,
    quality: z.enum(['verified', 'tested', 'unsure']),
    notes: z.string().optional(),
  })
  .superRefine((p, ctx) => {
    p.channels.forEach((channel, i) => {
      if ((channel.type === 'settings' || channel.type === 'webform') && channel.playbook && !p.playbooks[channel.playbook]) {
        ctx.addIssue({
          code: 'custom',
          path: ['channels', i, 'playbook'],
          message: `names playbook "${channel.playbook}", which is not in playbooks`,
        });
      }
    });
  });
export type Provider = z.infer<typeof ProviderSchema>;
