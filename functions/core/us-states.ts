// US state consumer privacy acts other than California's: the one place that knows which states have
// one, what each act is called and which of its sections a letter cites. Each act gives a consumer a
// right to opt out (of sale; most also of targeted advertising and profiling: `optOutOf`) and a right
// to deletion (of all their data, or only what they provided: `deletes`); the controller answers within
// 45 days, extendable once by 45 more (functions/core/deadlines.ts, 'us-state'). An act that differs
// from this shape (Iowa: 90 days) needs its own rule before it is added. None of them names AI
// training: the letter asks for it on top of the statutory rights, as the CCPA letters do.
//
// The citations were checked on 2026-11-25 against statute text (`source`); where only a summary or a
// cut-off text was seen, the letter cites the whole section instead of a subsection, and `verify` says
// so. Several acts were amended in 2024-25: check the pinpoints against the current code when adding
// a state or before relying on one. Each act is enforced by the state's attorney general (in Colorado
// also by district attorneys), with no private right of action: a complaint draft goes to that office.

/** What a state's opt-out right covers (every act covers sale; most also targeted advertising and profiling). */
export type OptOutPurpose = 'targeted-advertising' | 'sale' | 'profiling';

export interface UsStateLaw {
  /** Jurisdiction code as the form takes it. */
  code: string;
  state: string;
  /** The act's short title. */
  act: string;
  /** The act as a whole, e.g. "C.R.S. § 6-1-1301 et seq.". */
  actCitation: string;
  /** Right to opt out, and what it covers. */
  optOut: string;
  optOutOf: readonly OptOutPurpose[];
  /** Right to delete personal data: all data about the person, or only what they provided. */
  deletion: string;
  deletes: 'all' | 'provided';
  /** The duty to answer within 45 days, and the one 45-day extension. */
  response: string;
  /** Who enforces the act, the complaint's addressee ("Colorado Attorney General"), and where the act says so. */
  enforcer: string;
  /** Absent where the section could not be confirmed: the letters then name the enforcer without it. */
  enforcerCitation?: string;
  /** Statute text the citations were checked against. */
  source: string;
  /** What could not be confirmed word for word. */
  verify?: string;
}

const ALL_PURPOSES: readonly OptOutPurpose[] = ['targeted-advertising', 'sale', 'profiling'];

const LAWS: readonly UsStateLaw[] = [
  {
    code: 'US-CO',
    state: 'Colorado',
    act: 'Colorado Privacy Act',
    actCitation: 'C.R.S. § 6-1-1301 et seq.',
    optOut: 'C.R.S. § 6-1-1306(1)(a)',
    optOutOf: ALL_PURPOSES,
    deletion: 'C.R.S. § 6-1-1306(1)(d)',
    deletes: 'all',
    response: 'C.R.S. § 6-1-1306(2)',
    enforcer: 'Colorado Attorney General',
    enforcerCitation: 'C.R.S. § 6-1-1311',
    source: 'https://casetext.com/statute/colorado-revised-statutes/title-6-consumer-and-commercial-affairs/fair-trade-and-restraint-of-trade/article-1-colorado-consumer-protection-act/part-13-colorado-privacy-act/section-6-1-1306-consumer-personal-data-rights-repeal',
    verify: '(1)(d) deletion and (2) response period were seen in the Colorado rules and a summary, not in the statute text',
  },
  {
    code: 'US-CT',
    state: 'Connecticut',
    act: 'Connecticut Data Privacy Act',
    actCitation: 'Conn. Gen. Stat. §§ 42-515 to 42-525',
    optOut: 'Conn. Gen. Stat. § 42-518(a)(5)',
    optOutOf: ALL_PURPOSES,
    deletion: 'Conn. Gen. Stat. § 42-518(a)(3)',
    deletes: 'all',
    response: 'Conn. Gen. Stat. § 42-518(c)(1)',
    enforcer: 'Connecticut Attorney General',
    enforcerCitation: 'Conn. Gen. Stat. § 42-525',
    source: 'https://instalawyer.io/laws/connecticut-general-statutes/section-42-518-note-this',
    verify: 'the act has no codified short title (enacted as P.A. 22-15); § 42-525 (enforcement) was not seen',
  },
  {
    code: 'US-MT',
    state: 'Montana',
    act: 'Montana Consumer Data Privacy Act',
    actCitation: 'Mont. Code Ann. § 30-14-2801 et seq.',
    optOut: 'Mont. Code Ann. § 30-14-2808(1)(e)',
    optOutOf: ALL_PURPOSES,
    deletion: 'Mont. Code Ann. § 30-14-2808(1)',
    deletes: 'all',
    response: 'Mont. Code Ann. § 30-14-2808',
    enforcer: 'Montana Attorney General',
    enforcerCitation: 'Mont. Code Ann. § 30-14-2817',
    source: 'https://lawserver.com/law/state/montana/mt-code/montana_code_30-14-2809',
    verify: 'the deletion and response subsections were seen only cut off or in bill numbering, so the section is cited',
  },
  {
    code: 'US-NJ',
    state: 'New Jersey',
    act: 'New Jersey Data Privacy Act',
    actCitation: 'N.J.S.A. 56:8-166.4 et seq.',
    optOut: 'N.J.S.A. 56:8-166.10(a)(5)',
    optOutOf: ALL_PURPOSES,
    deletion: 'N.J.S.A. 56:8-166.10(a)(3)',
    deletes: 'all',
    response: 'N.J.S.A. 56:8-166.7(a)',
    enforcer: 'New Jersey Attorney General',
    source: 'https://lexace.ai/us/statute/new-jersey/56-8-166.10',
    verify: 'no codified short title (P.L.2023, c.266); the enforcement section was not seen, so none is cited',
  },
  {
    code: 'US-OR',
    state: 'Oregon',
    act: 'Oregon Consumer Privacy Act',
    actCitation: 'ORS 646A.570 to 646A.589',
    optOut: 'ORS 646A.574(1)(d)',
    optOutOf: ALL_PURPOSES,
    deletion: 'ORS 646A.574(1)(c)',
    deletes: 'all',
    response: 'ORS 646A.576',
    enforcer: 'Oregon Attorney General',
    enforcerCitation: 'ORS 646A.589',
    source: 'https://lawserver.com/law/state/oregon/or-statutes/oregon_statutes_646a-574',
    verify: 'the response period was seen as section 4(5)(a) of the 2023 act, so ORS 646A.576 is cited as a whole',
  },
  {
    code: 'US-RI',
    state: 'Rhode Island',
    act: 'Rhode Island Data Transparency and Privacy Protection Act',
    actCitation: 'R.I. Gen. Laws ch. 6-48.1',
    optOut: 'R.I. Gen. Laws § 6-48.1-5(e)(4)',
    optOutOf: ALL_PURPOSES,
    deletion: 'R.I. Gen. Laws § 6-48.1-5(e)(2)',
    deletes: 'all',
    response: 'R.I. Gen. Laws § 6-48.1-6(b)(1)',
    enforcer: 'Rhode Island Attorney General',
    source: 'http://webserver.rilin.state.ri.us/Statutes/TITLE6/6-48.1/6-48.1-5.htm',
    verify: 'the enforcement section was not seen, so none is cited; the act says "customer" where others say "consumer"',
  },
  {
    code: 'US-TN',
    state: 'Tennessee',
    act: 'Tennessee Information Protection Act',
    actCitation: 'Tenn. Code Ann. § 47-18-3301 et seq.',
    optOut: 'Tenn. Code Ann. § 47-18-3304(a)(2)(E)',
    optOutOf: ALL_PURPOSES,
    deletion: 'Tenn. Code Ann. § 47-18-3304(a)(2)(C)',
    deletes: 'all',
    response: 'Tenn. Code Ann. § 47-18-3304(b)(1)',
    enforcer: 'Tennessee Attorney General and Reporter',
    enforcerCitation: 'Tenn. Code Ann. § 47-18-3313(a)',
    source:
      'https://casetext.com/statute/tennessee-code/title-47-commercial-instruments-and-transactions/chapter-18-consumer-protection/part-33-authorized-vehicle-immobilization-device-operator/section-47-18-3304-effective-712025-personal-information-rights-consumers',
  },
  {
    code: 'US-TX',
    state: 'Texas',
    act: 'Texas Data Privacy and Security Act',
    actCitation: 'Tex. Bus. & Com. Code ch. 541',
    optOut: 'Tex. Bus. & Com. Code § 541.051(b)(5)',
    optOutOf: ALL_PURPOSES,
    deletion: 'Tex. Bus. & Com. Code § 541.051(b)(3)',
    deletes: 'all',
    response: 'Tex. Bus. & Com. Code § 541.052(b)',
    enforcer: 'Texas Attorney General',
    enforcerCitation: 'Tex. Bus. & Com. Code § 541.151',
    source: 'https://codes.findlaw.com/tx/business-and-commerce-code/bus-com-sect-541-052/',
  },
  {
    code: 'US-UT',
    state: 'Utah',
    act: 'Utah Consumer Privacy Act',
    actCitation: 'Utah Code § 13-61-101 et seq.',
    // Renumbered on 1 July 2026 (a right to correct became (4)): the opt-out was (4) before.
    optOut: 'Utah Code § 13-61-201(5)',
    optOutOf: ['targeted-advertising', 'sale'],
    deletion: 'Utah Code § 13-61-201(2)',
    deletes: 'provided',
    response: 'Utah Code § 13-61-203(2)',
    enforcer: 'Utah Attorney General',
    enforcerCitation: 'Utah Code § 13-61-402(1)',
    source: 'https://lexace.ai/us/statute/utah/13-61-201',
  },
  {
    code: 'US-VA',
    state: 'Virginia',
    act: 'Virginia Consumer Data Protection Act',
    actCitation: 'Va. Code § 59.1-575 et seq.',
    optOut: 'Va. Code § 59.1-577(A)(5)',
    optOutOf: ALL_PURPOSES,
    deletion: 'Va. Code § 59.1-577(A)(3)',
    deletes: 'all',
    response: 'Va. Code § 59.1-577(B)(1)',
    enforcer: 'Attorney General of Virginia',
    enforcerCitation: 'Va. Code § 59.1-584',
    source: 'https://self-law.org/code/va/title-59-1/chapter-53/59-1-577',
  },
];

const BY_CODE = new Map(LAWS.map((law) => [law.code, law]));

/** The act protecting a resident of `jurisdiction` ("US-CO"), or undefined. */
export function usStateLaw(jurisdiction: string): UsStateLaw | undefined {
  return BY_CODE.get(jurisdiction.trim().toUpperCase());
}

export function allUsStateLaws(): readonly UsStateLaw[] {
  return LAWS;
}
