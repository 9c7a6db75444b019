// Compiles the council-branded GOV.UK Frontend stylesheet and copies the scripts into wwwroot.
// Run by the Web project's build (see ImprovementPlan.Web.csproj), or by hand: npm run build.
import { compile } from 'sass';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const govuk = join(root, 'node_modules', 'govuk-frontend', 'dist', 'govuk');
const out = join(root, 'wwwroot');

mkdirSync(join(out, 'css'), { recursive: true });
mkdirSync(join(out, 'js'), { recursive: true });

for (const [entry, target] of [['app.scss', 'app.css'], ['print.scss', 'print.css'], ['report-preview.scss', 'reports.css']]) {
  const result = compile(join(root, 'assets', 'scss', entry), {
    loadPaths: [join(root, 'node_modules')],
    style: 'compressed',
    quietDeps: true,
    silenceDeprecations: ['import'],
  });
  writeFileSync(join(out, 'css', target), result.css);
}

copyFileSync(join(govuk, 'govuk-frontend.min.js'), join(out, 'js', 'govuk-frontend.min.js'));
copyFileSync(join(root, 'assets', 'js', 'app.mjs'), join(out, 'js', 'app.mjs'));
console.log('assets built');
