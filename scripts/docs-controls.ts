// Regenerates docs/controls.md from the catalog: `npm run docs:controls`.
import { writeFileSync } from 'node:fs';
import { controlsMarkdown } from '../src/catalog/controls-markdown.js';

writeFileSync(new URL('../docs/controls.md', import.meta.url), controlsMarkdown());
process.stdout.write('wrote docs/controls.md\n');
