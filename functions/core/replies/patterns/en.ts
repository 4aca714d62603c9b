// English: the phrases of privacy teams and ticket systems writing in English, and the words around them.
import { type Language, r } from './build.ts';

const REQUEST_EN = '(?:request|objection|opt-?out|instruction|submission|application|e-?mail|message|letter|inquiry|enquiry)';
/** Things a request asks for that can be "done": English nouns a completion phrase may have as subject. */
const DONE_EN = '(?:request|objection|opt-?out|instruction|preference|choice|selection|ticket|case)';
/** Verbs (past participle) that say the request was carried out. */
const DONE_VERB_EN =
  '(?:processed|actioned|completed|fulfilled|implemented|applied|honou?red|executed|upheld|granted|respected|carried out|put into effect|given effect)';

export const en: Language = {
  lang: 'en',
  words: {
    negation: String.raw`\b(?:not|no longer|cannot|can ?not|never|unable)\b|n't\b`,
    hedge: String.raw`\b(?:if|once|whether|unless|as soon as|may|might|in urgent cases|for urgent (?:matters|requests|issues)|in the meantime)\b`,
    possibility: String.raw`\b(?:can|could)\b(?! you\b)`,
    and: 'and',
    opener: "we|we've|I|I've",
    contrast: 'but|however|although',
    regret: String.raw`\b(?:unfortunately|regret|regrettably|sorry|unable|cannot|can ?not|could not|couldn't|not able|did not|didn't|declined?|rejected|denied|refused)\b`,
  },
  subject: {
    prefixes: 're|fw|fwd|sv|vs',
    outOfOffice: String.raw`out of (?:the )?office|OOO\b|vacation|on leave`,
    autoReply: 'automatic reply|auto(?:matic)?[- ]?(?:reply|response|responder)|autoreply',
  },
  bounceText:
    "undeliver|could(?: not|n't) be delivered|delivery (?:has )?failed|delivery status notification|returned to sender|returning message to sender|permanent (?:fatal )?error|user unknown|mailbox (?:unavailable|full|is full)|wasn't able to deliver",
  quoting: {
    attributionStart: 'On',
    attribution: String.raw`^\s*On\b[\s\S]{0,300}\bwrote\s*:\s*$`,
    separator: 'original message|forwarded message',
    headerFrom: 'from',
    headerNext: 'sent|date|to|subject|cc',
    requestLabel: 'your (?:original )?(?:request|message|e-?mail|submission)|original (?:request|message)',
    replyAbove: 'reply above this line',
  },
  patterns: [
    // ---- auto_reply: out of office (strong) ----
    {
      class: 'auto_reply',
      strength: 'strong',
      re: r`\b(?:I am|I'm|I will be|I'll be) (?:currently |now )?(?:out of (?:the )?office|away from (?:the|my) (?:office|desk)|on (?:annual |parental |maternity |paternity |sick |study )?leave|on (?:holiday|vacation)|travell?ing|absent|off work)\b`,
    },
    { class: 'auto_reply', strength: 'strong', re: r`\b(?:out of (?:the )?office|OOO) (?:until|till|from|through|returning)\b` },
    { class: 'auto_reply', strength: 'strong', re: r`\b(?:limited|no|intermittent) access to (?:my )?e-?mails?\b` },
    {
      class: 'auto_reply',
      strength: 'strong',
      re: r`\bI (?:will|shall) (?:be back|return|reply|respond) ~4 (?:on my return|when I return|upon my return|after my return)`,
    },
    { class: 'auto_reply', strength: 'strong', re: r`\b(?:I am|I'm) (?:currently )?away\b|\bI will be back (?:on|in|from|after|at)\b` },
    {
      class: 'auto_reply',
      strength: 'strong',
      re: r`\b(?:won't be|will not be|am not|I'm not) (?:regularly )?(?:checking|reading|monitoring) (?:my )?(?:e-?mails?|messages|inbox)`,
    },
    {
      class: 'auto_reply',
      strength: 'strong',
      re: r`\b(?:I am|I'm|I will be|I'll be) (?:currently )?away from (?:work|the office|my desk|my e-?mail)\b`,
    },
    {
      class: 'auto_reply',
      strength: 'strong',
      re: r`\b(?:our|the) (?:office|offices|team|support team|customer service)(?: \S+)? (?:is|are|will be) (?:currently )?closed (?:for|until|from|between|over|during)\b`,
    },
    // ---- auto_reply: no-reply notices (weak) ----
    { class: 'auto_reply', strength: 'weak', re: r`\b(?:please )?do not reply (?:directly )?to this (?:e-?mail|message|address|notification)` },
    {
      class: 'auto_reply',
      strength: 'weak',
      re: r`\b(?:this|the) ~2 (?:e-?mail address|address|mailbox|inbox) (?:is|has been) (?:no longer|not|un)(?: being)? ?(?:monitored|in use|active|checked|attended|staffed|read)`,
    },
    {
      class: 'auto_reply',
      strength: 'weak',
      re: r`\b(?:this is an|this is a|this) (?:automated|automatic|auto-generated|automatically generated|system-generated) (?:message|e-?mail|response|reply|notification)`,
    },
    {
      class: 'auto_reply',
      strength: 'weak',
      re: r`\b(?:does not|doesn't|cannot|can't) (?:accept|receive) (?:incoming|inbound)? ?(?:e-?mails?|messages|replies)`,
    },
    {
      class: 'auto_reply',
      strength: 'weak',
      re: r`\be-?mails? (?:sent )?to this (?:address|mailbox|inbox) (?:are|is|will) not (?:be )?(?:processed|read|answered|monitored)`,
    },
    {
      class: 'auto_reply',
      strength: 'weak',
      re: r`\b(?:sent|generated) (?:from|by) an? (?:unmonitored|unattended|automated|automatic) (?:mailbox|address|system|inbox)|\bwas (?:sent|generated) automatically\b`,
    },
    // ---- identity_requested ----
    {
      class: 'identity_requested',
      re: r`\b(?:copy|scan|photo|picture|image) of (?:your|a|the) ~2 (?:passport|ID\b|identity card|identity document|ID card|driver'?s licen[cs]e|photo ID|national ID|government[- ]issued)`,
    },
    { class: 'identity_requested', re: r`\b(?:verify|confirm|prove|authenticate|validate|establish) your identity\b` },
    {
      class: 'identity_requested',
      re: r`\bto (?:verify|confirm|validate|complete) (?:your|this|the) ~3 (?:request|identity|e-?mail address|account)s?,? (?:please )?(?:click|tap|follow|use|open|visit)\b`,
    },
    { class: 'identity_requested', re: r`\bproof of (?:identity|address|ID)\b` },
    {
      class: 'identity_requested',
      re: r`\b(?:click|tap|follow|use|open|visit) (?:on )?(?:the|this) ~2 (?:link|button)(?: below| above)? ~2 to (?:verify|confirm|validate|complete|authenticate)`,
    },
    {
      class: 'identity_requested',
      re: r`\b(?:log|sign)[- ]?in (?:to|into) your ~2 account ~3 (?:and|to) ~1 (?:confirm|verify|complete|submit|authenticate|approve)`,
    },
    {
      class: 'identity_requested',
      re: r`\b(?:provide|send|reply with|tell us|give us|confirm) (?:us )?(?:with )?(?:the|your) ~2 (?:e-?mail address|username|user name|phone number|account (?:ID|number|name)|customer number|date of birth|full name|postal address)(?:es)? ~3 (?:associated|linked|registered|used|connected|on file)`,
    },
    { class: 'identity_requested', re: r`\bplease ~3 verify (?:your|the) (?:request|e-?mail address|account)` },
    { class: 'identity_requested', re: r`\b(?:verification|confirmation) link\b` },
    {
      class: 'identity_requested',
      re: r`\b(?:confirm|prove|verify|show) that you are the (?:\S+ )?(?:account holder|account owner|owner|person|data subject)`,
    },
    { class: 'identity_requested', re: r`\breply from the e-?mail address ~2 (?:registered|associated|linked|on file|used)` },
    {
      class: 'identity_requested',
      re: r`\bwe (?:will )?(?:need|require) ~3 (?:date of birth|account (?:ID|number)|customer number|username|user name|phone number|postal address|photo ID)`,
    },
    {
      class: 'identity_requested',
      re: r`\b(?:upload|submit|send|provide|attach|share) ~4 (?:photo ID|ID document|identity document|government[- ]issued|driving licen[cs]e|driver'?s licen[cs]e|passport|selfie|proof of identity)`,
    },
    {
      class: 'identity_requested',
      re: r`\b(?:complete|pass|finish|go through) (?:our|the|an?) ~2 (?:identity|verification|ID|security) (?:check|verification|process|step)`,
    },
    {
      class: 'identity_requested',
      re: r`\b(?:additional|further|extra) (?:identity )?verification (?:is )?(?:needed|required|necessary)|\b(?:need|require) (?:some )?(?:additional|further|extra) (?:identity )?verification\b`,
    },
    { class: 'identity_requested', re: r`\b(?:confirm|verify|check) that ~6 (?:belongs to you|is yours|is really you|it's you|it is you|you own)\b` },
    {
      class: 'identity_requested',
      re: r`\b(?:to (?:help us )?(?:locate|find|identify|look up) (?:your|the) (?:account|record|profile)s?),? (?:please|could you|can you|would you)\b`,
    },
    // ---- use_other_channel ----
    {
      class: 'use_other_channel',
      re: r`\bplease ~2 (?:submit|send|make|file|direct|resubmit|re-submit|raise|lodge|forward|address) (?:your|this|the|such|any|all) ~3 ${REQUEST_EN}s? ~4 (?:through|via|using|at|on|to|in|with)\b`,
    },
    {
      class: 'use_other_channel',
      re: r`\bplease ~2 (?:use|visit|complete|fill (?:in|out)|go to|access|head to|submit) (?:our|the) ~3 (?:web ?form|online form|form|privacy (?:center|centre|portal|hub)|portal|self-service|dashboard|request page|help cent(?:er|re))`,
    },
    {
      class: 'use_other_channel',
      re: r`\b(?:you (?:will )?(?:need|must|have) to|you'll need to|kindly) ~2 (?:use|visit|complete|fill (?:in|out)|submit ~3 (?:through|via|using)) (?:our|the) `,
    },
    {
      class: 'use_other_channel',
      re: r`\b(?:can|will|are able to|do) only (?:accept|process|handle|action|respond to|consider|review) ~4 (?:requests|objections|opt-?outs|enquiries|inquiries|submissions)\b`,
    },
    {
      class: 'use_other_channel',
      re: r`\b(?:requests|objections|opt-?outs|submissions) ~4 (?:must|need to|should|have to) be (?:submitted|made|sent|filed|raised|directed) (?:through|via|using|at|on|in|to)\b`,
    },
    {
      class: 'use_other_channel',
      re: r`\bfor ~3 (?:requests|enquiries|inquiries|matters|questions|concerns)(?: \S+){0,3}?,? (?:please )?(?:visit|go to|use|write to|e-?mail|reach us at|contact \S+ (?:at|via))\b`,
    },
    { class: 'use_other_channel', re: r`\bplease ~2 (?:write|send|e-?mail|resend|re-send|forward) ~4 to [\w.+-]+@[\w-]+\.[\w.-]+` },
    {
      class: 'use_other_channel',
      re: r`\b(?:handle|process|accept|manage|receive) (?:all )?~2 (?:requests|enquiries|inquiries|objections) (?:only )?(?:via|through|using|in|on) (?:our|the)\b`,
    },
    {
      class: 'use_other_channel',
      re: r`\bto (?:opt out|object|turn (?:this|it) off|switch (?:this|it) off|disable)\b[^.]{0,60}?\b(?:head|go|navigate) to\b`,
    },
    {
      class: 'use_other_channel',
      re: r`\b(?:cannot|can't|are not able to|are unable to) (?:change|update|turn off|switch off|disable) (?:this|the|that) setting (?:for you|on your behalf)`,
    },
    {
      class: 'use_other_channel',
      re: r`\b(?:requests|enquiries|inquiries|objections|matters|opt-?outs) ~4 (?:are|is|can only be|must be|will only be) (?:only |exclusively |solely )?(?:handled|processed|accepted|dealt with|managed|received|submitted|reviewed) (?:only |exclusively |solely )?(?:through|via|using|by|at|on|in) (?:our|the)\b`,
    },
    {
      class: 'use_other_channel',
      re: r`\bkindly ~2 (?:submit|send|direct|resubmit|forward|address|raise) (?:your|this|the) ~3 ${REQUEST_EN}s? ~4 (?:through|via|using|at|on|to|in|with)\b`,
    },
    {
      class: 'use_other_channel',
      re: r`\b(?:fill (?:in|out)|complete|use|submit) (?:our|the) ~3 (?:web ?form|online form|request form|privacy form|form|privacy (?:center|centre|portal|hub)|request (?:center|centre|portal))(?: at| here| on)? https?://`,
    },
    {
      class: 'use_other_channel',
      re: r`\b(?:this|the) (?:inbox|mailbox|e-?mail address|address) is (?:only )?(?:for|used for|reserved for) ~4 (?:only|enquiries|inquiries|orders)\b`,
    },
    {
      class: 'use_other_channel',
      re: r`\b(?:you can|you may|you're able to|you are able to) (?:manage|change|do|control|turn off|switch off|disable) (?:this|that|it) (?:yourself|directly|in the app|in your (?:account )?settings)\b`,
    },
    {
      class: 'use_other_channel',
      re: r`\b(?:go|navigate|head) to (?:your )?(?:Settings|Account Settings|Privacy Settings|Einstellungen)\b ~12 (?:toggle|switch|turn|uncheck|untick|opt)`,
    },
    // ---- extension ----
    {
      class: 'extension',
      re: r`\bwe(?: will| must| need to| have to| are| have| hereby| would like to| shall| therefore| unfortunately| now| are going to| have decided to){0,3} (?:extend|extending|extended)\b`,
    },
    {
      class: 'extension',
      re: r`\b(?:is|has been|have been|will be|are|was|is being) (?:hereby |therefore |now )?extended (?:by|until|to|for) (?:up to |a further |another |an additional |a maximum of |a period of )?(?:\d|one|two|three|forty|ninety|an? (?:further|additional)|further|additional|another)`,
    },
    {
      class: 'extension',
      re: r`\b(?:up to )?(?:\d{1,3}|forty-five|thirty|sixty|ninety) (?:more|additional|extra|further) (?:calendar |business )?days\b`,
    },
    {
      class: 'extension',
      re: r`\b(?:need|require|take|taking|needs|requires) (?:up to )?(?:one|two|a|1|2) (?:more|additional|further|extra) months?\b`,
    },
    {
      class: 'extension',
      re: r`\b(?:require|requires|need|needs|take|use|invoke|invoking|making use of|make use of|apply|applying|exercising|exercise) ~2 (?:an? |the |this |our )?(?:extension|additional time|more time|further time)\b`,
    },
    { class: 'extension', re: r`\b(?:an? )?(?:additional|further|another) (?:45|forty-five) (?:calendar |business )?days\b` },
    { class: 'extension', re: r`\b(?:one|two|a|1|2) (?:additional|further|extra) months?\b` },
    // ---- refused ----
    { class: 'refused', refusal: 'compelling_grounds', re: r`\bcompelling (?:legitimate )?grounds\b` },
    { class: 'refused', refusal: 'compelling_grounds', re: r`\blegitimate interests? ~4 (?:override|outweigh|prevail over)` },
    { class: 'refused', refusal: 'compelling_grounds', re: r`\bwe will (?:therefore |still )?continue to (?:process|use)\b` },
    {
      class: 'refused',
      refusal: 'compelling_grounds',
      re: r`\binterests? ~8 (?:override|overrides|outweigh|outweighs|prevail over|prevails over|take precedence over|takes precedence over) (?:your|the data subject's|those of)\b`,
    },
    {
      class: 'refused',
      refusal: 'not_applicable',
      re: r`\b(?:do|does|did) not (?:sell|share) (?:your |any |the )?(?:personal )?(?:data|information)`,
    },
    {
      class: 'refused',
      refusal: 'not_applicable',
      re: r`\b(?:CCPA|CPRA|GDPR|Act|law|regulation|right|request|statute|provision|Article \d+)s? ~9 (?:does|do) not apply\b`,
    },
    { class: 'refused', refusal: 'not_applicable', re: r`\b(?:is|are) not applicable\b` },
    {
      class: 'refused',
      refusal: 'not_applicable',
      re: r`\b(?:does|do|did) not (?:give|grant|provide|confer) (?:you )?(?:a|the|any) right\b|\bthere is no right to (?:object|opt out)\b`,
    },
    {
      class: 'refused',
      refusal: 'other',
      re: r`\b(?:are|were) not (?:required|obliged|obligated) to (?:comply|honou?r|action|stop|delete|act on|grant|accept)\b`,
    },
    {
      class: 'refused',
      refusal: 'not_applicable',
      re: r`\bonly (?:available|applies|apply|extends?) to ~3 (?:residents|consumers|users|individuals)\b`,
    },
    {
      class: 'refused',
      refusal: 'no_data',
      re: r`\b(?:could not|couldn't|did not|didn't|were unable to|was unable to|are unable to|have been unable to|were not able to|was not able to|weren't able to|cannot|can't) (?:find|locate|identify|match)\b(?: \S+){0,5}? (?:an? |any )?(?:account|record|data|personal (?:data|information)|information|user|customer|profile)`,
    },
    {
      class: 'refused',
      refusal: 'no_data',
      re: r`\bno ~2 (?:account|records?|data|personal (?:data|information)|information|user|customer profile|profile)s? ~4 (?:found|on file|associated|linked|matching|exists?|held|registered)\b`,
    },
    {
      class: 'refused',
      refusal: 'no_data',
      re: r`\b(?:did not|didn't|does not|doesn't) (?:return|show|reveal|contain|produce|match) (?:any )?(?:records?|results?|matches|data|accounts?)\b`,
    },
    {
      class: 'refused',
      refusal: 'no_data',
      re: r`\b(?:hold|have|store|keep|process) no (?:personal )?(?:data|information|records?) (?:about|on|for|relating to|concerning) you`,
    },
    { class: 'refused', refusal: 'no_data', re: r`\bnot (?:in|on) (?:our|any of our) (?:system|records|database|files)` },
    {
      class: 'refused',
      refusal: 'no_data',
      re: r`\b(?:do not|don't) (?:hold|have|store|keep|process|maintain) (?:any )?(?:personal )?(?:data|information|records?|account) (?:about|on|for|relating to|concerning|of|in relation to) you`,
    },
    {
      class: 'refused',
      refusal: 'exemption',
      re: r`\b(?:is|are|falls?|remains?) ~2 exempt\b|\bexemption (?:under|in|pursuant|applies)\b|\bfalls? under (?:an|the) exemption`,
    },
    {
      class: 'refused',
      refusal: 'other',
      re: r`\b(?:unable|not able|cannot|can ?not|can't|will not|won't|not in a position) (?:to )?(?:comply with|accommodate|honou?r|grant|action|act on|fulfil+|give effect to|accept|uphold|process|agree to) (?:your|this|the) ~2 (?:request|objection|opt-?out)`,
    },
    {
      class: 'refused',
      refusal: 'other',
      re: r`\b(?:must |have to |therefore |hereby )?(?:decline|reject|deny|refuse)(?:d|s)? (?:your|the|this) ~2 (?:request|objection)`,
    },
    { class: 'refused', refusal: 'other', re: r`\b(?:cannot|can't|will not|won't) be (?:accepted|upheld|granted|honou?red|actioned)\b` },
    {
      class: 'refused',
      refusal: 'other',
      re: r`\b(?:unable|not able|cannot|can ?not|can't|will not|won't|not in a position) (?:to )?(?:comply with|accommodate|honou?r|grant|action|fulfil+|accept|uphold|agree to|act on) (?:it|them)\b`,
    },
    {
      class: 'refused',
      refusal: 'other',
      re: r`\b(?:will|shall) (?:therefore )?not be (?:acting on|actioning|honou?ring|granting|upholding|implementing) (?:it|your|this|the)\b`,
    },
    { class: 'refused', refusal: 'exemption', re: r`\bprocessed (?:in order )?to comply with (?:a|our) legal obligation` },
    {
      class: 'refused',
      refusal: 'other',
      re: r`\b(?:request|objection) (?:has been|was|is) (?:\S+ )?(?:declined|rejected|denied|refused|not upheld)\b`,
    },
    // ---- confirmed ----
    {
      class: 'confirmed',
      re: r`\b(?:we have|we've) (?:now )?(?:successfully |fully )?(?:processed|actioned|completed|fulfilled|implemented|applied|honou?red|executed|upheld|granted|accepted|recorded) (?:your|the) ~3 (?:request|objection|opt-?out|instruction)s?\b`,
    },
    {
      class: 'confirmed',
      re: r`\b(?:request|objection|opt-?out)s? (?:\([^)]*\) )?(?:has|have) (?:now )?been (?:successfully |fully )?(?:processed|actioned|completed|fulfilled|implemented|applied|honou?red|executed|upheld|granted)\b`,
    },
    { class: 'confirmed', re: r`\b(?:request|objection|opt-?out) (?:was|is) (?:successful|upheld|granted|complete)\b` },
    { class: 'confirmed', re: r`\b(?:you have|you've|you are|you're|has been|have been) (?:now )?(?:successfully )?opted[- ]out\b` },
    { class: 'confirmed', re: r`\b(?:we have|we've) (?:now )?(?:turned|switched) ~10 off\b` },
    { class: 'confirmed', re: r`\b(?:has|have) (?:now )?been (?:turned|switched) off\b|\bis now (?:turned |switched )?off\b` },
    { class: 'confirmed', re: r`\b(?:we have|we've) (?:now )?(?:disabled|deactivated|excluded|opted) ` },
    { class: 'confirmed', re: r`\b(?:has|have) (?:now )?been ~2 (?:disabled|deactivated|excluded from)\b` },
    { class: 'confirmed', re: r`\b(?:we have|we've) (?:now )?(?:permanently |successfully )?(?:deleted|erased|removed) (?:your|all|the)\b` },
    {
      class: 'confirmed',
      re: r`\b(?:data|information|account|content|records?|posts) ~4 (?:has|have) (?:now )?been (?:permanently |successfully |fully )?(?:deleted|erased|removed)`,
    },
    { class: 'confirmed', re: r`\bwe (?:will|shall) (?:no longer|not) (?:use|process) your ~3 (?:data|information|content)\b` },
    { class: 'confirmed', re: r`\b(?:data|information|content) (?:will|shall) (?:no longer|not) be (?:used|processed)\b` },
    {
      class: 'confirmed',
      re: r`\b(?:data|information|content|posts|photos|messages|account|profile)s? ~4 (?:will|shall|won't) (?:no longer |not )?be (?:used|processed|included) (?:for|in|to train|to improve)\b`,
    },
    {
      class: 'confirmed',
      re: r`\b(?:setting|preference|toggle|option)s? ~5 (?:has|have) (?:now )?been (?:set|updated|changed|switched) to (?:"|')?(?:off|disabled|opted out|do not)`,
    },
    {
      class: 'confirmed',
      re: r`\b(?:will|shall) (?:no longer|not) be (?:included|used) (?:in|for) (?:any )?(?:future |further )?(?:\S+ )?(?:training|models?)\b`,
    },
    { class: 'confirmed', re: r`\b(?:we have|we've) (?:now )?(?:stopped|ceased) (?:using|processing)\b` },
    { class: 'confirmed', re: r`\bopt-?out (?:is|has been) (?:now )?(?:in effect|effective|active|confirmed)\b` },
    { class: 'confirmed', re: r`\b${DONE_EN}s? ~10 (?:has|have) (?:now )?been (?:successfully |fully )?${DONE_VERB_EN}\b` },
    { class: 'confirmed', re: r`\b(?:objection|opt-?out)s? ~3 (?:has|have) (?:now )?been accepted\b` },
    { class: 'confirmed', re: r`\b(?:preference|choice|selection|setting)s? ~3 (?:has|have) (?:now )?been (?:recorded|saved|updated|applied)\b` },
    { class: 'confirmed', re: r`\b(?:we have|we've|I have|I've) (?:now )?(?:finished|completed) (?:processing|handling|actioning) (?:your|the)\b` },
    { class: 'confirmed', re: r`\b(?:we have|we've|I have|I've) (?:now )?(?:gone ahead and )?(?:turned|switched|toggled) (?:off|on the opt-?out)\b` },
    {
      class: 'confirmed',
      re: r`\b(?:request|objection|opt-?out) (?:is|is now) (?:complete|completed|fulfilled|done|closed as (?:completed|fulfilled))\b`,
    },
    {
      class: 'confirmed',
      re: r`\b(?:is|are|has been|have been) (?:now )?(?:excluded|removed|exempted|taken out) from ~5 (?:training|model|AI|dataset|datasets|data sets?|data we use)`,
    },
    { class: 'confirmed', re: r`\b(?:has|have) (?:now )?been (?:purged|wiped|scrubbed|anonymi[sz]ed)\b` },
    {
      class: 'confirmed',
      re: r`\b(?:we|I) (?:have |'ve )?(?:now )?(?:stopped|ceased) (?:using|processing)\b|\bwe (?:no longer|will no longer) (?:use|process)\b`,
    },
    {
      class: 'confirmed',
      strength: 'weak',
      re: r`\b(?:request |ticket |case )?(?:status|outcome|result)\s?:\s?(?:completed?|fulfilled|done|solved|resolved|actioned|closed - completed)\b`,
    },
    {
      class: 'confirmed',
      strength: 'weak',
      re: r`\b(?:request|ticket|case)\b ~4 (?:is|has been|was) (?:now )?(?:complete|completed|solved|resolved|fulfilled)\b`,
    },
    // ---- acknowledged ----
    { class: 'acknowledged', re: r`\b(?:we|I) (?:have|'ve) (?:now |duly |successfully )?received your ~3 ${REQUEST_EN}` },
    {
      class: 'acknowledged',
      re: r`\b(?:your|this|the) ~3 (?:${REQUEST_EN}|ticket|case) (?:\(?#?[\w-]*\d[\w-]*\)? )?(?:has|have) been (?:successfully )?(?:received|logged|created|registered|opened|forwarded|passed on|escalated|assigned|recorded)`,
    },
    { class: 'acknowledged', re: r`\b(?:confirm|confirms|confirming|acknowledge|acknowledges|acknowledging) (?:the )?receipt of\b` },
    { class: 'acknowledged', re: r`\bthis (?:e-?mail|message|is to) (?:confirms?|acknowledges?) (?:that )?(?:we (?:have )?received)\b` },
    {
      class: 'acknowledged',
      strength: 'weak',
      re: r`\b(?:ticket|case|reference|request|incident|tracking) (?:number|no\.?|ID|#)\s?:?\s?#?[A-Z0-9][\w-]*\d`,
    },
    {
      class: 'acknowledged',
      re: r`\bwe (?:will|shall|'ll|aim to|endeavou?r to|will aim to|will endeavou?r to) ~2 (?:respond|reply|get back to you|be in touch|revert|follow up|review|look into|investigate|process|handle|action|contact you|come back to you)\b`,
    },
    {
      class: 'acknowledged',
      re: r`\b(?:we are|we're|is being|are being|is currently being|is now being) (?:currently |now )?(?:reviewing|looking into|processing|investigating|reviewed|processed|handled|investigated|assessed|assessing)\b`,
    },
    {
      class: 'acknowledged',
      re: r`\b(?:forwarded|passed|referred|escalated|assigned) ~3 to (?:our|the) ~3 (?:team|department|officer|DPO|specialists?)\b`,
    },
    {
      class: 'acknowledged',
      re: r`\b(?:your|this) ~3 (?:request|e-?mail|message|objection|letter|enquiry|inquiry)s? ~4 (?:has|have) (?:safely )?reached us\b`,
    },
    { class: 'acknowledged', re: r`\bwill ~2 (?:be in touch|get back to you|respond to you|contact you|revert to you|come back to you)\b` },
    { class: 'acknowledged', strength: 'weak', re: r`\b(?:reference|ref\.?|ticket|case)\s?:\s?#?[A-Z]{2,}[-_]?\d{3,}\b` },
    { class: 'acknowledged', re: r`\b(?:we|I) (?:have|'ve) (?:now )?(?:got|logged|registered|noted) your ~3 ${REQUEST_EN}` },
    {
      class: 'acknowledged',
      re: r`\b(?:an?|your|this|the) (?:new )?(?:ticket|case|request) (?:\(?#?[\w-]*\d[\w-]*\)? )?(?:has been|was|is) (?:now )?(?:opened|created|logged|raised)`,
    },
    {
      class: 'acknowledged',
      re: r`\b(?:is|are) (?:currently |now )?(?:under review|in progress|being (?:reviewed|looked at|worked on|assessed|considered|handled))\b|\bwe are (?:currently |now )?working on (?:your|the|this|it)\b`,
    },
    { class: 'acknowledged', re: r`\b(?:it's|it is|this is) (?:now )?with (?:our|the) ~3 (?:team|department|DPO|officer)\b` },
    {
      class: 'acknowledged',
      re: r`\b(?:expect to|you will|you'll|you should) hear (?:back )?from us\b|\bget in touch\b|\bwill (?:write to|update|notify|inform) you\b|\bwill (?:let you know|keep you (?:updated|informed|posted))\b`,
    },
    {
      class: 'acknowledged',
      re: r`\b(?:ticket |request |case )?status\s?:\s?(?:open|new|received|pending|in progress|under review|submitted|acknowledged)\b`,
    },
    { class: 'acknowledged', re: r`\bthank you for (?:submitting|sending|filing) your ~3 (?:request|objection|opt-?out)` },
    {
      class: 'acknowledged',
      re: r`\b(?:will|shall) ~3 (?:review|consider|assess|look at) (?:the|your|this|it)\b ~8 (?:and (?:respond|reply|get back)|within)`,
    },
  ],
};
