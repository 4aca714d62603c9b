// `npm start`: the whole system on this machine, on embedded stand-ins for the AWS services.
import { join, resolve } from 'node:path';
import { type HostSettings, localSettings } from '../../functions/adapters/config.ts';
import { startLocalStack } from './stack.ts';

// Settings (functions/settings/schema.ts): a bad value stops here with one line naming the variable.
let settings: HostSettings & { dataDir: string };
try {
  settings = localSettings();
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}

const stack = await startLocalStack({
  dataDir: settings.dataDir,
  port: settings.port,
  sesPort: settings.sesPort,
  smtpPort: settings.smtpPort,
  host: settings.host,
  // An SES endpoint running in another process (an emulator, or anything speaking SES v2): mail and
  // the outbox's delivery log then survive a restart of the app.
  sesEndpoint: settings.externalSesEndpoint,
}).catch((error: Error & { code?: string }) => {
  if (error.code === 'EADDRINUSE') console.error(`A port is already in use (${error.message}); set PORT, SES_PORT or SMTP_PORT.`);
  // Personal mode's settings (personal.ts): the message names the setting; a stack trace would not help.
  else if (error.name === 'MailServerError' || error.name === 'PersonalConfigError') console.error(`Personal mode cannot start: ${error.message}`);
  else if (error.name === 'ConfigError') console.error(error.message);
  else console.error(error);
  process.exit(1);
});
const dataDir = resolve(settings.dataDir);
const { inboundDomain } = stack.runtime.settings;
const speed = `${stack.runtime.clock.speed}x`;

if (stack.mode === 'personal') {
  console.log(`Optout Autopilot is running in personal mode (${join(dataDir, 'personal.json')}).
  Form and status pages:  ${stack.url}/   (this computer only)
  Letters go From:        ${stack.personal?.email}, through your own SMTP server
  Replies are read from:  your IMAP inbox (answers to the letters only; nothing is deleted)
  Data folder:            ${dataDir}
  Clock speed:            ${speed}${stack.resumed.length ? `\n  Resumed ${stack.resumed.length} unfinished workflow execution(s).` : ''}
Press Ctrl-C to stop; data is kept and unfinished work resumes on the next start.`);
} else
  console.log(`Optout Autopilot is running in demo mode (letters stay in the SES emulator; \`npx optout setup\` for personal mode).
  Form and status pages:  ${stack.url}/
  Mail viewer (SES):      ${stack.sesUrl}/
  Replies by SMTP:        127.0.0.1:${stack.smtpPort} (to reply+<token>@${inboundDomain})
  Data folder:            ${dataDir}
  Clock speed:            ${speed}${stack.resumed.length ? `\n  Resumed ${stack.resumed.length} unfinished workflow execution(s).` : ''}
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
