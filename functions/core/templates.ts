// Loads and renders files under templates/ with Handlebars. HTML templates escape by default;
// text templates (letters, plain emails) are compiled with noEscape.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';

export const TEMPLATES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'templates');

const cache = new Map<string, Handlebars.TemplateDelegate>();

/** Renders templates/<relativePath>. Missing variables are an error, not a silent blank. */
export function render(relativePath: string, data: object): string {
  let template = cache.get(relativePath);
  if (!template) {
    const source = readFileSync(join(TEMPLATES_DIR, relativePath), 'utf8');
    template = Handlebars.compile(source, { noEscape: !relativePath.endsWith('.html'), strict: true });
    cache.set(relativePath, template);
  }
  return template(data);
}

export function templateExists(relativePath: string): boolean {
  try {
    readFileSync(join(TEMPLATES_DIR, relativePath));
    return true;
  } catch {
    return false;
  }
}
