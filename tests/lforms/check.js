// Usage: node check.js KINSCREEN_BINARY ANSWERS_FILE...
// Exports kinscreen's FHIR Questionnaire and, for each answers file, its QuestionnaireResponse
// and the questions kinscreen asked; then loads both into NLM's LHC-Forms in headless Chromium
// (convertFHIRQuestionnaireToLForms, mergeFHIRDataIntoLForms, addFormToPage) and compares the
// questions LHC-Forms enables (hidden helper items aside) with those kinscreen asked. Prints a
// line per case and "N passed, N failed"; exits 1 on a difference or a page error.
const puppeteer = require('puppeteer-core');
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
(async () => {
  const [bin, ...files] = process.argv.slice(2);
  const dist = path.join(__dirname, 'node_modules', 'lforms', 'dist');
  const run = args => execFileSync(bin, args, { encoding: 'utf8' });
  const q = JSON.parse(run(['export-questionnaire', '--format', 'fhir']));
  const cases = files.map(f => ({
    name: path.basename(f),
    response: JSON.parse(run(['score', '--format', 'fhir', '--answers', f])),
    asked: JSON.parse(run(['score', '--format', 'json', '--answers', f])).path,
  }));
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--allow-file-access-from-files', '--disable-gpu'],
    headless: true,
  });
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', e => errors.push(String(e)));
  page.on('requestfailed', r => errors.push(`failed to load ${r.url()}`));
  const wc = path.join(dist, 'lforms', 'webcomponent');
  const html = `<!doctype html><html><head>
    <link rel="stylesheet" href="file://${wc}/styles.css"></head><body><div id="form"></div>
    <script src="file://${wc}/assets/lib/zone.min.js"></script>
    <script src="file://${wc}/runtime.js"></script>
    <script src="file://${wc}/polyfills.js"></script>
    <script src="file://${wc}/main.js"></script>
    </body></html>`;
  const file = path.join(require('os').tmpdir(), 'kinscreen-lforms.html');
  fs.writeFileSync(file, html);
  await page.goto('file://' + file);
  await page.waitForFunction(() => window.LForms && LForms.Util && LForms.Util.addFormToPage, {timeout: 30000});
  // The FHIR support library attaches itself to the loaded web component.
  await page.addScriptTag({path: path.join(dist, 'lforms', 'fhir', 'R4', 'lformsFHIR.min.js')});
  await page.waitForFunction(() => LForms.FHIR && LForms.FHIR.R4, {timeout: 30000});
  let bad = 0;
  for (const c of cases) {
    const enabled = await page.evaluate(async (q, r) => {
      const el = document.getElementById('form');
      el.innerHTML = '';
      const lf = LForms.Util.convertFHIRQuestionnaireToLForms(q, 'R4');
      const merged = LForms.Util.mergeFHIRDataIntoLForms('QuestionnaireResponse', r, lf, 'R4');
      await LForms.Util.addFormToPage(merged, el, {fhirVersion: 'R4'});
      await new Promise(res => setTimeout(res, 100));
      const data = LForms.Util.getUserData(el, false, false, true);
      const out = [];
      const walk = items => (items || []).forEach(i => {
        if (i.dataType !== 'SECTION' && i.dataType !== 'TITLE' && i.dataType !== 'DISPLAY' && i.linkId && !i.isHiddenInDef) out.push(i.linkId);
        walk(i.items);
      });
      walk(data.itemsData);
      return out;
    }, q, c.response);
    const want = c.asked.join(' ');
    const got = enabled.join(' ');
    if (want === got) {
      console.log(`ok   ${c.name}`);
    } else {
      bad++;
      console.log(`DIFF ${c.name}\n  kinscreen: ${want}\n  lforms:    ${got}`);
    }
  }
  await browser.close();
  if (errors.length) { console.log('page errors:\n  ' + errors.join('\n  ')); }
  console.log(`${cases.length - bad} passed, ${bad} failed`);
  process.exit(bad || errors.length ? 1 : 0);
})().catch(e => { console.error(e); process.exit(2); });
