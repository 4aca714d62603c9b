// CDK entry (cdk.json: `npx tsx infra/cdk/app.ts`). Settings come from context (infra/cdk/settings.ts).
// The CDK CLI passes the account and region it resolved from the credentials as CDK_DEFAULT_ACCOUNT and
// CDK_DEFAULT_REGION: they belong to the CLI, not to the deployment's settings, so this entry reads
// them here and nowhere else (the functions' settings are read in functions/adapters/config.ts).
import { buildApp } from './stack.ts';
import { SettingsError } from './settings.ts';

try {
  buildApp({}, undefined, { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION });
} catch (error) {
  // A settings mistake is the person's to fix: show the message, not a stack trace.
  if (error instanceof SettingsError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
