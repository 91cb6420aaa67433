// Opens a score's preview.html in headless Chromium, served over a loopback HTTP server and from
// the file system, and prints what it saw as JSON:
//   node tools/js/preview-check.js --folder "output/SS 9" [--times 0,7.5,9.3] [--hover] [--audio]
//                                  [--screenshot docs/img/preview.png] [--file]
// --times   seeks to each time (seconds) through window.sib2aePreview.seek and reports the notes
//           whose noteheads and bars carry the class "sounding" then
// --hover   hovers the first notehead and reports the tooltip's text
// --audio   loads every WAV the page would play and reports which failed (both ways with --file)
// --play S,N  seeks to S seconds, plays for N seconds of wall time and reports how far the
//           transport moved and how many WAVs were fetched, decoded and scheduled meanwhile
// --file    also opens the page as file:// and reports its noteheads, seeks and console errors
// CHROMIUM overrides the browser (default /usr/bin/chromium).
'use strict';
const fs = require('fs');
const http = require('http');
const path = require('path');
const { pathToFileURL } = require('url');
const { chromium } = require('playwright-core');

function args() {
  const a = { times: [], hover: false, audio: false, file: false, screenshot: null, folder: null, play: null };
  const v = process.argv.slice(2);
  for (let i = 0; i < v.length; i++) {
    if (v[i] === '--folder') a.folder = path.resolve(v[++i]);
    else if (v[i] === '--times') a.times = v[++i].split(',').filter((s) => s !== '').map(Number);
    else if (v[i] === '--screenshot') a.screenshot = path.resolve(v[++i]);
    else if (v[i] === '--hover') a.hover = true;
    else if (v[i] === '--play') a.play = v[++i].split(',').map(Number);
    else if (v[i] === '--audio') a.audio = true;
    else if (v[i] === '--file') a.file = true;
    else { console.error('unknown argument ' + v[i]); process.exit(2); }
  }
  if (!a.folder || !fs.existsSync(path.join(a.folder, 'preview.html'))) {
    console.error('usage: node preview-check.js --folder SCORE_FOLDER (with preview.html) [options]');
    process.exit(2);
  }
  return a;
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.wav': 'audio/wav', '.png': 'image/png', '.svg': 'image/svg+xml',
  '.json': 'application/json', '.jsx': 'text/plain' };

// Serves the score folder, and nothing outside it, on a loopback port.
function serve(root) {
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = path.resolve(root, '.' + rel);
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404); res.end(); return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function visit(browser, url, a, withExtras) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const consoleErrors = [];
  const failedRequests = [];
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push('page error: ' + e.message));
  page.on('requestfailed', (r) => failedRequests.push(r.url() + ' ' + (r.failure() ? r.failure().errorText : '')));
  page.on('response', (r) => { if (r.status() >= 400) failedRequests.push(r.url() + ' HTTP ' + r.status()); });
  const started = Date.now();
  await page.goto(url, { waitUntil: 'load', timeout: 60000 });
  await page.waitForFunction(() => window.sib2aePreview && window.sib2aePreview.ready, null, { timeout: 60000 });
  const loadMillis = Date.now() - started;
  const out = { url, loadMillis, readyMillis: await page.evaluate(() => window.sib2aePreview.readyMillis),
    mode: await page.evaluate(() => window.sib2aePreview.mode) };
  out.noteheads = await page.$$eval('[data-universal-id].notehead', (els) => els.map((e) => e.getAttribute('data-universal-id')));
  out.bars = await page.$$eval('#roll .bar', (els) => els.length);
  out.lanes = await page.$$eval('#roll .lane-label', (els) => els.map((e) => e.textContent));
  out.ties = await page.$$eval('#roll .tie', (els) => els.length);
  out.pages = await page.$$eval('svg.page', (els) => els.length);
  out.seeks = [];
  for (const t of a.times) {
    const reported = await page.evaluate((s) => window.sib2aePreview.seek(s), t);
    const marked = await page.$$eval('.notehead.sounding', (els) => els.map((e) => e.getAttribute('data-universal-id')).sort());
    const bars = await page.$$eval('#roll .bar.sounding', (els) => [...new Set(els.map((e) => e.getAttribute('data-universal-id')))].sort());
    out.seeks.push({ t, sounding: reported, noteheads: marked, bars });
  }
  if (withExtras && a.hover && out.noteheads.length > 0) {
    const first = out.noteheads[0];
    await page.hover('.notehead[data-universal-id="' + first + '"]', { force: true });
    await page.waitForSelector('#tooltip', { state: 'visible', timeout: 5000 });
    out.hover = { uid: first, text: await page.$eval('#tooltip', (e) => e.textContent) };
    await page.click('.notehead[data-universal-id="' + first + '"]', { force: true });
    out.detail = { audio: await page.$$eval('#detail audio', (els) => els.map((e) => e.getAttribute('src'))),
      plotPoints: await page.$$eval('#detail polyline', (els) => els.map((e) => e.getAttribute('points').split(' ').length)) };
  }
  if (withExtras && a.play) {
    const [from, seconds] = a.play;
    await page.evaluate((s) => { window.sib2aePreview.seek(s); window.sib2aePreview.play(); }, from);
    const before = Date.now();
    const samples = [];
    while (Date.now() - before < seconds * 1000) {
      await page.waitForTimeout(250);
      samples.push(await page.evaluate(() => window.sib2aePreview.position()));
    }
    await page.evaluate(() => window.sib2aePreview.pause());
    out.play = { from, wallSeconds: (Date.now() - before) / 1000, samples,
      position: await page.evaluate(() => window.sib2aePreview.position()),
      stats: await page.evaluate(() => window.sib2aePreview.stats()) };
  }
  if (a.audio) {
    out.audio = await page.evaluate(() => window.sib2aePreview.loadAllAudio());
  }
  if (withExtras && a.screenshot) {
    const at = a.times.length > 0 ? a.times[Math.floor(a.times.length / 2)] : 0;
    await page.evaluate((s) => window.sib2aePreview.seek(s), at);
    fs.mkdirSync(path.dirname(a.screenshot), { recursive: true });
    await page.screenshot({ path: a.screenshot, fullPage: true });
    out.screenshot = a.screenshot;
  }
  out.summary = await page.$eval('#summary', (e) => e.innerText);
  out.consoleErrors = consoleErrors;
  out.failedRequests = failedRequests;
  await page.close();
  return out;
}

(async () => {
  const a = args();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--autoplay-policy=no-user-gesture-required'] });
  const server = await serve(a.folder);
  const report = {};
  try {
    report.http = await visit(browser, 'http://127.0.0.1:' + server.address().port + '/preview.html', a, true);
    if (a.file) report.file = await visit(browser, pathToFileURL(path.join(a.folder, 'preview.html')).href, a, false);
  } finally {
    server.close();
    await browser.close();
  }
  process.stdout.write(JSON.stringify(report));
})().catch((e) => {
  process.stdout.write(JSON.stringify({ error: String(e && e.stack || e) }));
  process.exit(1);
});
