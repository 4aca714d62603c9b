// The letters a request sends: the first letter for a legal basis (GDPR objection, CCPA opt-out or
// deletion, US state request, plain request) and the follow-ups (reminder, final notice, complaint
// draft), in each of LANGUAGES (functions/core/model.ts). Import from here. The prose lives in
// templates/letters/<kind>.<lang>.hbs; the code, one concern per file, in functions/core/letters/:
// - kinds.ts: the letter kinds, and which basis and language a request's letter takes;
// - input.ts: what a letter is written from, validated (LetterInputError names the field);
// - provisions.ts: every legal citation, formatted per language, and the log of those a text cites;
// - titles.ts: the first letters' titles, quoted by the follow-ups;
// - phrases.ts: law-dependent phrases (a US state's opt-out, the GDPR complaint addressee, the agent's route);
// - formatting.ts: dates and lists as each language writes them;
// - render.ts: renderLetter, which puts it together.
export { basisFor, LETTER_KINDS, type LetterKind, letterLanguage } from './letters/kinds.ts';
export { type Letter, type LetterInput, LetterInputError } from './letters/input.ts';
export { citeGdpr } from './letters/provisions.ts';
export { formatLetterDate } from './letters/formatting.ts';
export { renderLetter } from './letters/render.ts';
