// `optout deadline --law <law> --from <date> [--country CC] [--jurisdiction US-XX]`: the due date the
// deadline rules (functions/core/deadlines/) give, for a law named on the command line. The flags are
// checked here, each error naming its flag (DeadlineInputError.argument).
import { describe } from '../functions/core/deadlines/calendar.ts';
import { assertDeadlineLaw } from '../functions/core/deadlines/rules.ts';
import { DeadlineInputError, dueDate } from '../functions/core/deadlines.ts';

/**
 * `country` is the controller's country for the GDPR laws (a comma-separated list is allowed, e.g.
 * "IE,GB" under UK GDPR); `jurisdiction` the person's US state for the state acts.
 */
export function deadlineCommand(args: { law: string; from: string; country?: string; jurisdiction?: string }): { due: string } {
  if (typeof args !== 'object' || args === null) {
    throw new DeadlineInputError('args', 'expected an object with law and from');
  }
  assertDeadlineLaw(args.law, 'law');
  const isGdpr = args.law === 'gdpr' || args.law === 'gdpr-extended';
  const isUsState = args.law === 'us-state' || args.law === 'us-state-extended';
  if (args.country !== undefined && !isGdpr) {
    throw new DeadlineInputError('country', `applies to gdpr and gdpr-extended only (the controller's country), not to ${args.law}`);
  }
  if (args.jurisdiction !== undefined) {
    if (!isUsState) throw new DeadlineInputError('jurisdiction', `applies to us-state and us-state-extended only, not to ${args.law}`);
    if (!/^US-[A-Z]{2}$/i.test(args.jurisdiction.trim())) {
      throw new DeadlineInputError('jurisdiction', `expected a US state like "US-CO", got ${describe(args.jurisdiction)}`);
    }
  }
  const countries = args.country?.split(',').map((c) => c.trim());
  return { due: dueDate(args.law, args.from, { countries, usState: args.jurisdiction?.trim().toUpperCase() }) };
}
