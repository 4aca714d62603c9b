// The person's own grounds for an objection under GDPR Art. 21(1), which must relate to "his or her
// particular situation": a guided choice plus a short text of their own, given once per submission.
// One schema for the API (functions/app/submissions.ts) and the letters (functions/core/letters.ts);
// the words for each choice are in templates/letters/parts/grounds.<lang>.hbs (letters) and
// functions/core/page-text.ts (form).
import { z } from 'zod';
import { multiLine } from './text-rules.ts';

export const GROUND_CHOICES = ['photos-of-others', 'creative-work', 'special-categories', 'posted-as-minor', 'safety'] as const;
export type GroundChoice = (typeof GROUND_CHOICES)[number];

/** At most this many characters of free text: a few sentences, not a second letter. */
export const GROUNDS_TEXT_MAX = 500;

export const GroundsSchema = z
  .strictObject(
    {
      choices: z
        .array(z.enum(GROUND_CHOICES, { message: `must be one of ${GROUND_CHOICES.join(', ')}` }), { message: 'must be a list of grounds' })
        .default([]),
      /** In the person's own words; may span lines (a text area). */
      text: multiLine(GROUNDS_TEXT_MAX)
        .transform((s) => s.trim())
        .pipe(z.string().min(1, 'must not be empty (leave it out instead)'))
        .optional(),
    },
    { message: 'must be an object { choices, text? }' },
  )
  .superRefine((grounds, ctx) => {
    const seen = new Set<string>();
    grounds.choices.forEach((choice, i) => {
      if (seen.has(choice)) ctx.addIssue({ code: 'custom', path: ['choices', i], message: `lists ${choice} twice` });
      seen.add(choice);
    });
    if (grounds.choices.length === 0 && grounds.text === undefined) {
      ctx.addIssue({ code: 'custom', message: 'must choose at least one ground or give a text (or be left out)' });
    }
  });

export type Grounds = z.output<typeof GroundsSchema>;
export type GroundsInput = z.input<typeof GroundsSchema>;
