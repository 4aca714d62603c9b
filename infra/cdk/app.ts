// CDK entry (cdk.json: `npx tsx infra/cdk/app.ts`). Settings come from context; see docs/deploy.md.
import { buildApp } from './stack.ts';
import { SettingsError } from './settings.ts';

try {
  buildApp();
} catch (error) {
  // A settings mistake is the person's to fix: show the message, not a stack trace.
  if (error instanceof SettingsError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
