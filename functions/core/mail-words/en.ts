// The words of the mails to the person, in English; the other languages have the same keys (the
// MailWords type), so a sentence missing in one fails the typecheck. `{name}` placeholders are
// filled by core/mail-content.ts. Each sentence is used by both parts of a mail (plain text and
// HTML), so the two cannot say different things. Subjects stay in templates/emails/*.subject.hbs.
export const en = {
  helloName: 'Hello {name},',
  hello: 'Hello,',
  statusPageLine: 'Status page: {link}',
  statusPageLink: 'Open your status page',
  dueLine: 'Answer due by: {due}',
  whatLine: 'What to do: {action}',
  whereLine: 'Where: {link}',
  whereLink: 'Go to the right place at {provider}',

  verifyHeading: 'Confirm your email address',
  verifyIntro: 'someone (we hope you) asked Optout Autopilot to send opt-out requests for these accounts, in the name of the owner of this email address:',
  verifyAccount: '{provider}: {identifier}',
  verifyNothingYet: 'Nothing has been sent yet. To confirm that this is your email address and that you want us to act on your behalf, open this link:',
  verifyLink: 'Confirm my address (opens the confirmation page)',
  verifyIgnore: 'If you did not ask for this, ignore this email: without the confirmation we send nothing, and we delete these details after {hours} hours.',

  summaryHeading: 'Your opt-out requests are on their way',
  summaryIntro: 'here is where each of your requests stands:',
  summaryItem: '{provider} ({identifier}), ref {reference}',
  channelLine: 'Channel: {channel}',
  statusLine: 'Status: {status}',
  summaryOutro:
    'Companies answer to the reply address of each letter; we read those answers for you, remind them when a deadline passes and tell you what changed in at most one email a day (anything that needs you, and the complaint draft, at once).',
  /** Personal mode: the letters went from the person's own address; replies are read in their inbox. */
  summaryOutroPersonal:
    'The letters went from your own address, and companies answer to it: we read those answers in your inbox (without changing anything there), remind the companies when a deadline passes and tell you what changed in at most one email a day (anything that needs you, and the complaint draft, at once).',
  summaryLinkLine: 'Your status page (keep this link private): {link}',
  summaryLink: 'Open your status page (keep this link private)',

  changeHeading: 'News about your request to {provider}',
  changeLine: 'your request to {provider} for {identifier} (ref {reference}) is now: {status}.',

  digestHeading: 'What changed in your opt-out requests',
  digestIntro: 'what happened to your requests since our last mail (at most one such mail a day; anything that needs you comes at once):',
  digestItem: '{date} {provider} for {identifier} (ref {reference}): {status}',
  digestDue: '; answer due by {due}',
  digestOutro:
    'Reminders and final notices to the companies are not copied to you: each letter is on the status page, and the complaint draft comes to you when it is ready.',
  digestOutroPersonal:
    'Reminders and final notices to the companies also go from your own address: each letter is on the status page and, where your mail provider keeps one, in your Sent folder; the complaint draft comes to you when it is ready.',

  deletedHeading: 'Your data is deleted',
  deletedIntro: 'as you asked on your status page, we deleted everything {operator} held about your opt-out requests (reference {id}):',
  deletedItems: [
    'your name, your email address, where you live and the accounts you listed;',
    'every request and its history, and the provider sessions (cookies) you gave us, if any;',
    'the letters we sent, the replies we received and the screenshots we took.',
  ],
  deletedStopped: 'The follow-up has stopped: no reminder, final notice or complaint draft will be sent, and your status page no longer exists.',
  deletedCannot: 'What we cannot delete:',
  deletedDeliveredPersonal:
    'Letters already delivered to companies. They hold them and remain bound to answer them; they answer to your own address, from which the letters went, and this service no longer reads those answers for you.',
  deletedCannotItems: [
    'Letters already delivered to companies. They hold them and remain bound to answer them; as we can no longer receive their answers for you, a company may write to you directly (you were in copy). An answer that reaches us after today can no longer be matched to you.',
    'Copies outside this service: the mails in your own mailbox, and the delivery records of the mail services that carried our mails, which they keep for a limited time.',
    'Our operational logs (errors, requests to this service), which expire on their own after a limited time.',
  ],
  deletedLast: 'This is the last email you get from us about these requests.',

  complaintHeading: 'Your complaint draft is ready',
};

export type MailWords = { [K in keyof typeof en]: (typeof en)[K] extends string[] ? string[] : string };
