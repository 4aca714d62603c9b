// US state consumer privacy acts other than California's: the one place that knows which states have
// one, what each act is called and which of its sections a letter cites. Each act gives a consumer a
// right to opt out (of sale; most also of targeted advertising and profiling: `optOutOf`) and a right
// to deletion (of all their data, or only what they provided: `deletes`); the controller answers within
// the act's period, extendable once (`response`). How long that period is lives in
// functions/core/deadlines.ts, not here (most acts: 45 days plus 45; Iowa's is longer), and the letter
// names no number of days: it gives the due date deadlines.ts computed. All but Utah's give an appeal
// against a refusal (`appeal`). None of them names AI training: the letter asks for it on top of the
// statutory rights, as the CCPA letters do.
//
// The citations were checked on 2026-11-25 against statute text (`source`); where only a summary or a
// cut-off text was seen, the letter cites the whole section instead of a subsection, and `verify` says
// so. Several acts were amended in 2024-25: check the pinpoints against the current code when adding
// a state or before relying on one. Each act is enforced by the state's attorney general (in Colorado
// also by district attorneys), with no private right of action: a complaint draft goes to that office.

/**
 * What a state's opt-out right covers (every act covers sale; most also targeted advertising and
 * profiling). Profiling comes in three widths, worded as each act words it: 'profiling' in furtherance
 * of decisions that produce legal or similarly significant effects, 'profiling-automated' of automated
 * decisions (Minnesota), 'profiling-solely-automated' of solely automated decisions (New Hampshire,
 * Maryland, Delaware): the letter never asks for a wider opt-out than the act gives.
 */
export type OptOutPurpose = 'targeted-advertising' | 'sale' | 'profiling' | 'profiling-automated' | 'profiling-solely-automated';

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
  /**
   * What the act lets an authorized agent do for the person, and where it says so: in every act seen,
   * only the opt-out (in Texas only of targeted advertising and sale). Absent: the act gives no agent
   * route (or none was confirmed), and the letters ask for everything as the person's own request,
   * which the operator only transmits (functions/core/letters.ts, templates/letters/parts/agent.*.hbs).
   */
  agent?: { optOutOf: readonly OptOutPurpose[]; deletion: boolean; citation: string };
  /** The duty to answer within the act's period, and the one extension (the period's length: deadlines.ts). */
  response: string;
  /** Whether the act gives an appeal against a refusal; the letter asks how to appeal only where it does (Utah: no). */
  appeal: boolean;
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
    agent: { optOutOf: ALL_PURPOSES, deletion: false, citation: 'C.R.S. § 6-1-1306(1)(a)(II)' },
    optOutOf: ALL_PURPOSES,
    deletion: 'C.R.S. § 6-1-1306(1)(d)',
    deletes: 'all',
    response: 'C.R.S. § 6-1-1306(2)',
    appeal: true,
    enforcer: 'Colorado Attorney General',
    enforcerCitation: 'C.R.S. § 6-1-1311',
    source:
      'https://casetext.com/statute/colorado-revised-statutes/title-6-consumer-and-commercial-affairs/fair-trade-and-restraint-of-trade/article-1-colorado-consumer-protection-act/part-13-colorado-privacy-act/section-6-1-1306-consumer-personal-data-rights-repeal',
    verify: '(1)(d) deletion and (2) response period were seen in the Colorado rules and a summary, not in the statute text',
  },
  {
    code: 'US-CT',
    state: 'Connecticut',
    act: 'Connecticut Data Privacy Act',
    actCitation: 'Conn. Gen. Stat. §§ 42-515 to 42-525',
    optOut: 'Conn. Gen. Stat. § 42-518(a)(5)',
    agent: { optOutOf: ALL_PURPOSES, deletion: false, citation: 'Conn. Gen. Stat. § 42-519' },
    optOutOf: ALL_PURPOSES,
    deletion: 'Conn. Gen. Stat. § 42-518(a)(3)',
    deletes: 'all',
    response: 'Conn. Gen. Stat. § 42-518(c)(1)',
    appeal: true,
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
    agent: { optOutOf: ALL_PURPOSES, deletion: false, citation: 'Mont. Code Ann. § 30-14-2809' },
    optOutOf: ALL_PURPOSES,
    deletion: 'Mont. Code Ann. § 30-14-2808(1)',
    deletes: 'all',
    response: 'Mont. Code Ann. § 30-14-2808',
    appeal: true,
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
    appeal: true,
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
    agent: { optOutOf: ALL_PURPOSES, deletion: false, citation: 'ORS 646A.576(4)' },
    optOutOf: ALL_PURPOSES,
    deletion: 'ORS 646A.574(1)(c)',
    deletes: 'all',
    response: 'ORS 646A.576',
    appeal: true,
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
    appeal: true,
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
    appeal: true,
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
    agent: { optOutOf: ['targeted-advertising', 'sale'], deletion: false, citation: 'Tex. Bus. & Com. Code § 541.055(e)' },
    optOutOf: ALL_PURPOSES,
    deletion: 'Tex. Bus. & Com. Code § 541.051(b)(3)',
    deletes: 'all',
    response: 'Tex. Bus. & Com. Code § 541.052(b)',
    appeal: true,
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
    // The act gives no appeal: a controller that declines only states its reasons (§ 13-61-203(3)).
    appeal: false,
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
    appeal: true,
    enforcer: 'Attorney General of Virginia',
    enforcerCitation: 'Va. Code § 59.1-584',
    source: 'https://self-law.org/code/va/title-59-1/chapter-53/59-1-577',
  },
  // Added 2026-11-28: the acts in force on that day that were not yet covered.
  // Each note gives the effective date, who may act for the consumer (authorized agent) and whether the
  // act makes universal opt-out signals binding; "summary" marks what was seen only in a summary.
  {
    // In force 1 January 2025. Agent: for the opt-out only (§ 12D-104(b), text). Universal opt-out
    // signals: binding from 1 January 2026 (§ 12D-106(e), summary; the signal rules seen on p. 186).
    code: 'US-DE',
    state: 'Delaware',
    act: 'Delaware Personal Data Privacy Act',
    actCitation: '6 Del. C. § 12D-101 et seq.',
    optOut: '6 Del. C. § 12D-104(a)',
    optOutOf: ['targeted-advertising', 'sale', 'profiling-solely-automated'],
    deletion: '6 Del. C. § 12D-104(a)',
    deletes: 'all',
    response: '6 Del. C. § 12D-104(c)(1)',
    appeal: true,
    agent: { optOutOf: ['targeted-advertising', 'sale', 'profiling-solely-automated'], deletion: false, citation: '6 Del. C. § 12D-104(b)' },
    enforcer: 'Delaware Department of Justice',
    source: 'https://online.flipbuilder.com/bzaa/mvgs/files/basic-html/page183.html (§ 12D-104(b)-(c), text; (a) cut off on page182.html)',
    verify:
      'the paragraphs of § 12D-104(a) were cut off (deletion (a)(3), opt-out and its "solely automated" profiling seen in summaries: recordinglaw.com, cookie-script.com), so (a) is cited; the enforcement section was not seen',
  },
  {
    // In force 1 January 2025. Opt-out of sale only: no targeted-advertising or profiling opt-out, so
    // the letter asks for the sale opt-out alone; "sale" is an exchange for monetary consideration
    // (summary). Deletion reaches only what the consumer provided ((1)(b), text). Agent: none (only a
    // known child's parent or guardian, (1), text). Universal opt-out signals: the act requires none
    // (summary). Its longer response period (90 days plus 45, summary) is a rule in deadlines.ts.
    code: 'US-IA',
    state: 'Iowa',
    act: 'Iowa Consumer Data Protection Act',
    actCitation: 'Iowa Code ch. 715D',
    optOut: 'Iowa Code § 715D.3',
    optOutOf: ['sale'],
    deletion: 'Iowa Code § 715D.3(1)(b)',
    deletes: 'provided',
    response: 'Iowa Code § 715D.3',
    appeal: true,
    enforcer: 'Iowa Attorney General',
    enforcerCitation: 'Iowa Code § 715D.8(1)',
    source:
      'https://law.counselstack.com/statute/ia/715D.3 ((1)(a)-(c), text); https://online.flipbuilder.com/bzaa/mvgs/files/basic-html/page217.html (appeal, (3)) and page221.html (§ 715D.8, as enacted in SF 262)',
    verify:
      'the opt-out ((1)(d)) and the response period ((2)) were seen only in summaries (datanuance.co, optery), so § 715D.3 is cited; no codified short title seen (chapter 715D "Consumer Data Protections", enacted as SF 262)',
  },
  {
    // In force 1 January 2025. Agent: for the targeted-advertising and sale opt-outs only
    // (§ 87-1111(5), text as enacted in LB 1074, which honours them only if the controller honours
    // such requests under other states' laws). The same technology rule covers universal opt-out signals.
    code: 'US-NE',
    state: 'Nebraska',
    act: 'Nebraska Data Privacy Act',
    actCitation: 'Neb. Rev. Stat. § 87-1101 et seq.',
    optOut: 'Neb. Rev. Stat. § 87-1107(2)(e)',
    optOutOf: ALL_PURPOSES,
    deletion: 'Neb. Rev. Stat. § 87-1107',
    deletes: 'all',
    response: 'Neb. Rev. Stat. § 87-1108(2)',
    appeal: true,
    agent: { optOutOf: ['targeted-advertising', 'sale'], deletion: false, citation: 'Neb. Rev. Stat. § 87-1111(5)' },
    enforcer: 'Nebraska Attorney General',
    source:
      'https://self-law.org/code/ne/chapter-87/87-1108 (text); https://online.flipbuilder.com/bzaa/mvgs/files/basic-html/page320.html (§ 87-1111(5), naming "(2)(e)" of § 87-1107)',
    verify:
      'cited in the code as the "Data Privacy Act"; § 87-1107 itself was not seen: deletion of data "provided by or obtained about" the consumer and the profiling opt-out come from a summary (recordinglaw.com), so deletion cites the section; the enforcement section was not seen',
  },
  {
    // In force 1 January 2025. Agent: for the opt-out only (RSA 507-H:4, II, text, which points to
    // "III(e)", plainly meaning I(e)). Universal opt-out signals: binding from 1 January 2025 (summary).
    code: 'US-NH',
    state: 'New Hampshire',
    act: 'New Hampshire Data Privacy Act',
    actCitation: 'RSA ch. 507-H',
    optOut: 'RSA 507-H:4, I(e)',
    optOutOf: ['targeted-advertising', 'sale', 'profiling-solely-automated'],
    deletion: 'RSA 507-H:4, I(c)',
    deletes: 'all',
    response: 'RSA 507-H:4',
    appeal: true,
    agent: { optOutOf: ['targeted-advertising', 'sale', 'profiling-solely-automated'], deletion: false, citation: 'RSA 507-H:4, II' },
    enforcer: 'New Hampshire Attorney General',
    enforcerCitation: 'RSA 507-H:11, I',
    source: 'https://online.flipbuilder.com/bzaa/mvgs/files/basic-html/page335.html (507-H:4, I-II, text) and page342.html (507-H:11)',
    verify:
      'no codified short title (chapter 507-H "Expectation of Privacy"; the Department of Justice calls it the New Hampshire Data Privacy Act); the 45-day response period and the appeal were seen only in summaries (doj.nh.gov, recordinglaw.com), so RSA 507-H:4 is cited',
  },
  {
    // In force 31 July 2025 (summaries: White & Case, National Law Review). Profiling opt-out covers
    // automated decisions (subd. 1(f), text). Agent and universal opt-out signals: seen only in summaries.
    code: 'US-MN',
    state: 'Minnesota',
    act: 'Minnesota Consumer Data Privacy Act',
    actCitation: 'Minn. Stat. §§ 325M.10 to 325M.21',
    optOut: 'Minn. Stat. § 325M.14, subd. 1(f)',
    optOutOf: ['targeted-advertising', 'sale', 'profiling-automated'],
    deletion: 'Minn. Stat. § 325M.14, subd. 1(d)',
    deletes: 'all',
    response: 'Minn. Stat. § 325M.14',
    appeal: true,
    enforcer: 'Minnesota Attorney General',
    source: 'https://revisor.mn.gov/statutes/cite/325M.14',
    verify:
      'the 45-day response period (ag.state.mn.us, summary) and its subdivision were not seen, so § 325M.14 is cited; the appeal (subd. 5) was seen in the bill text; the enforcement section (325M.20 per summaries) was not seen',
  },
  {
    // In force 1 October 2025; it does not reach processing before 1 April 2026 (summary). Agent: for
    // the opt-out only (§ 14-4706, text). The letter uses none of the act's data-minimisation rules
    // (§ 14-4707). Enforced by the Attorney General's Consumer Protection Division as an unfair,
    // abusive or deceptive trade practice (summaries; bill title of Ch. 454/455 of 2024).
    code: 'US-MD',
    state: 'Maryland',
    act: 'Maryland Online Data Privacy Act',
    actCitation: 'Md. Code, Com. Law § 14-4701 et seq.',
    optOut: 'Md. Code, Com. Law § 14-4705(b)(7)',
    optOutOf: ['targeted-advertising', 'sale', 'profiling-solely-automated'],
    deletion: 'Md. Code, Com. Law § 14-4705(b)(4)',
    deletes: 'all',
    response: 'Md. Code, Com. Law § 14-4705',
    appeal: true,
    agent: { optOutOf: ['targeted-advertising', 'sale', 'profiling-solely-automated'], deletion: false, citation: 'Md. Code, Com. Law § 14-4706(a)' },
    enforcer: 'Consumer Protection Division of the Maryland Attorney General',
    source:
      'https://lexace.ai/us/statute/maryland/CL-14-4705; https://mgaleg.maryland.gov/mgawebsite/laws/StatuteText?article=gcl&enactments=false&section=14-4706',
    verify:
      "the 45-day response period and the appeal were seen only in summaries and § 14-4705 was cut off after (d): the response section is cited as § 14-4705 on the act's pattern, not seen; the enforcement section was not seen",
  },
  {
    // In force 1 January 2026 (text: "Effective 1-1-2026"). Agent: none in the act (a known child's
    // parent or guardian only, (a), text). Universal opt-out signals: the act requires none (summary).
    code: 'US-IN',
    state: 'Indiana',
    act: 'Indiana Consumer Data Protection Act',
    actCitation: 'Ind. Code § 24-15-1-1 et seq.',
    optOut: 'Ind. Code § 24-15-3-1(b)(5)',
    optOutOf: ALL_PURPOSES,
    deletion: 'Ind. Code § 24-15-3-1(b)(3)',
    deletes: 'all',
    response: 'Ind. Code § 24-15-3-1(c)(1)',
    appeal: true,
    enforcer: 'Indiana Attorney General',
    source:
      'https://lawserver.com/law/state/indiana/in-code/indiana_code_24-15-3-1 ((b)); https://online.flipbuilder.com/bzaa/mvgs/files/basic-html/page199.html ((c))',
    verify:
      'no codified short title (article 24-15 "Consumer Data Protection"); (b)(5) was cut off after "(B)", so its profiling clause is the summaries\' (xira-ai.com); the enforcement chapter was not seen',
  },
  {
    // In force 1 January 2026 (text heading). Agent: none in the act (a child's parent or guardian
    // only, (1), text). Universal opt-out signals: the act requires none (summary).
    code: 'US-KY',
    state: 'Kentucky',
    act: 'Kentucky Consumer Data Protection Act',
    actCitation: 'KRS 367.3611 et seq.',
    optOut: 'KRS 367.3615(2)(e)',
    optOutOf: ALL_PURPOSES,
    deletion: 'KRS 367.3615(2)(c)',
    deletes: 'all',
    response: 'KRS 367.3615(3)',
    appeal: true,
    enforcer: 'Kentucky Attorney General',
    source: 'https://self-law.org/code/ky/367-3615 ((1)-(2), text); https://online.flipbuilder.com/bzaa/mvgs/files/basic-html/page229.html ((3)(e), (4))',
    verify:
      'the 45-day period of (3)(a) was seen only in a summary (recordinglaw.com), so (3) is cited; short title from the 2024 bill summary (Senate Floor Amendment 2); the enforcement section was not seen',
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
