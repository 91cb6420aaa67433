// Takes the Hawtio screenshots in docs/img/ with headless Chromium, through Hawtio started by
// scripts/hawtio.sh and an orchestrator that has processed a score:
//   npm install playwright-core   (in any folder; then NODE_PATH=that/node_modules)
//   node scripts/hawtio/screenshots.js [outDir] [hawtioBaseUrl]
// Also a check that the connect page, the Camel routes, the route diagram and the Scores MBeans work.
const { chromium } = require('playwright-core');
const OUT = process.argv[2] || 'docs/img';
const BASE = process.argv[3] || 'http://127.0.0.1:8090/hawtio';

(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync'] });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('console', m => { if (m.type() === 'error') console.log('browser console:', m.text().slice(0, 300)); });
  const click = async (text) => { await page.getByText(text, { exact: true }).first().click({ timeout: 120000 }); };

  // The connect page stores the connection and opens Hawtio on it.
  await page.goto(BASE + '/sib2ae.html', { timeout: 120000 });
  await click('routes');
  await page.waitForSelector('text=hop-keyframes >> nth=1', { timeout: 60000 });
  await page.waitForTimeout(4000);
  await page.screenshot({ path: OUT + '/hawtio-routes.png' });
  console.log('routes table:', (await page.$$eval('table tbody tr', rows => rows.map(r => r.innerText.split('\t').slice(0, 8).join(' ').replace(/\s+/g, ' ')))).join('\n  '));

  await click('hop-audio');
  await click('Route Diagram');
  await page.waitForSelector('.react-flow__node', { timeout: 60000 });
  await page.setViewportSize({ width: 1400, height: 1250 });
  await page.waitForTimeout(5000);
  console.log('diagram nodes:', (await page.$$eval('.react-flow__node', els => els.map(e => e.innerText.replace(/\s+/g, ' ').trim()))).join(' | '));
  await page.screenshot({ path: OUT + '/hawtio-hop-audio-diagram.png' });
  await page.setViewportSize({ width: 1400, height: 900 });

  await click('JMX');
  await page.waitForTimeout(4000);
  // Expand io.sib2ae > Scores, then open the first score.
  const sib = page.locator('li', { hasText: 'io.sib2ae' }).filter({ has: page.getByText('io.sib2ae', { exact: true }) }).last();
  await sib.locator('button').first().click();
  await page.waitForTimeout(1500);
  await click('Scores');
  await page.waitForTimeout(1500);
  const scores = page.locator('li', { hasText: 'Scores' }).filter({ has: page.getByText('Scores', { exact: true }) }).last();
  await scores.locator('button').first().click();
  await page.waitForTimeout(1500);
  await click(process.env.SCORE || 'SS 9');
  await page.waitForTimeout(4000);
  console.log('score attributes:', (await page.$$eval('table tbody tr', rows => rows.map(r => r.innerText.replace(/\s+/g, ' ')))).join('\n  '));
  await page.screenshot({ path: OUT + '/hawtio-scores-mbean.png' });
  await browser.close();
})().catch(e => { console.error(e); process.exit(1); });
