// `npm run settings:readme`: rewrites the settings tables of README.md from the settings schema
// (functions/settings/schema.ts). `--check` changes nothing and exits 1 when the README is out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { updateReadme } from '../functions/settings/readme.ts';

const README = fileURLToPath(new URL('../README.md', import.meta.url));
const CDK_JSON = fileURLToPath(new URL('../cdk.json', import.meta.url));

const readme = readFileSync(README, 'utf8');
const cdkContext = (JSON.parse(readFileSync(CDK_JSON, 'utf8')) as { context?: Record<string, unknown> }).context ?? {};
const updated = updateReadme(readme, cdkContext);

if (process.argv.includes('--check')) {
  if (updated !== readme) {
    console.error('README.md settings tables are out of date: run npm run settings:readme');
    process.exit(1);
  }
} else if (updated !== readme) {
  writeFileSync(README, updated);
  console.log('README.md: settings tables updated');
} else console.log('README.md: settings tables are up to date');
