// `npm start`: the whole system on this machine, on embedded stand-ins for the AWS services.
import { join } from 'node:path';
import { startLocalStack } from './stack.ts';

function port(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    console.error(`${name} must be a port number (0-65535), got "${raw}"`);
    process.exit(2);
  }
  return value;
}

const stack = await startLocalStack({
  dataDir: process.env.OPTOUT_DATA_DIR ?? '.optout',
  port: port('PORT', 3000),
  sesPort: port('SES_PORT', 8005),
  smtpPort: port('SMTP_PORT', 2525),
  host: process.env.HOST ?? '127.0.0.1',
  // An SES endpoint running in another process (an emulator, or anything speaking SES v2): mail and
  // the outbox's delivery log then survive a restart of the app.
  sesEndpoint: process.env.OPTOUT_SES_ENDPOINT || undefined,
}).catch((error: Error & { code?: string }) => {
  if (error.code === 'EADDRINUSE') console.error(`A port is already in use (${error.message}); set PORT, SES_PORT or SMTP_PORT.`);
  // Personal mode's settings (personal.ts): the message names the setting; a stack trace would not help.
  else if (error.name === 'MailServerError' || error.name === 'PersonalConfigError') console.error(`Personal mode cannot start: ${error.message}`);
  else console.error(error);
  process.exit(1);
});

if (stack.mode === 'personal') {
  console.log(`Optout Autopilot is running in personal mode (${join(process.env.OPTOUT_DATA_DIR ?? '.optout', 'personal.json')}).
  Form and status pages:  ${stack.url}/   (this computer only)
  Letters go From:        ${stack.personal?.email}, through your own SMTP server
  Replies are read from:  your IMAP inbox (answers to the letters only; nothing is deleted)
  Data folder:            ${process.env.OPTOUT_DATA_DIR}
  Clock speed:            ${process.env.OPTOUT_CLOCK_SPEED ?? '1'}x${stack.resumed.length ? `\n  Resumed ${stack.resumed.length} unfinished workflow execution(s).` : ''}
Press Ctrl-C to stop; data is kept and unfinished work resumes on the next start.`);
} else console.log(`Optout Autopilot is running in demo mode (letters stay in the SES emulator; \`npx optout setup\` for personal mode).
  Form and status pages:  ${stack.url}/
  Mail viewer (SES):      ${stack.sesUrl}/
  Replies by SMTP:        127.0.0.1:${stack.smtpPort} (to reply+<token>@${process.env.OPTOUT_INBOUND_DOMAIN})
  Data folder:            ${process.env.OPTOUT_DATA_DIR}
  Clock speed:            ${process.env.OPTOUT_CLOCK_SPEED ?? '1'}x${stack.resumed.length ? `\n  Resumed ${stack.resumed.length} unfinished workflow execution(s).` : ''}
Press Ctrl-C to stop; data is kept and unfinished work resumes on the next start.`);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) process.exit(130);
  stopping = true;
  console.log(`\n${signal}: stopping…`);
  await stack.stop();
  console.log('Stopped.');
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
