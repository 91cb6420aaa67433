// Checks in headless Chromium that a page of another origin cannot drive the orchestrator's Jolokia,
// directly or through Hawtio's proxy, and that Hawtio's own page still can (jolokia-access.xml, <cors>).
// Needs a running orchestrator and Hawtio (scripts/hawtio.sh), and playwright-core as for screenshots.js:
//   node scripts/hawtio/cross-site-check.js [jolokiaUrl] [hawtioBaseUrl]
// The foreign page is served from 127.0.0.2 (another origin on loopback, so that Chromium's own
// private-network blocking stays out of the way and only the agent decides). Exits 1 on a failed check.
// Mind: it stops and starts the route 'submit'.
const http = require('http');
const { chromium } = require('playwright-core');
const J = process.argv[2] || 'http://127.0.0.1:9876/observe/jolokia';
const HAWTIO = process.argv[3] || 'http://127.0.0.1:8090/hawtio';
const jolokiaUrl = new URL(J);
const PROXY = `${HAWTIO}/proxy/http/${jolokiaUrl.hostname}/${jolokiaUrl.port || 80}${jolokiaUrl.pathname}`;
const SUBMIT = 'org.apache.camel:context=sib2ae-orchestrator,type=routes,name="submit"';
const STOP = JSON.stringify({ type: 'exec', mbean: SUBMIT, operation: 'stop()' });

// As curl posts: no Origin.
const jolokia = async (request) => (await (await fetch(J, { method: 'POST', body: JSON.stringify(request) })).json()).value;
// The route's state after an attempt; started again for the next one.
const stateAfter = async () => {
  const state = await jolokia({ type: 'read', mbean: SUBMIT, attribute: 'State' });
  await jolokia({ type: 'exec', mbean: SUBMIT, operation: 'start()' });
  return state;
};
let failed = false;
const check = (what, ok) => { console.log(ok ? 'ok  ' : 'FAIL', what); failed ||= !ok; };

(async () => {
  const foreign = http.createServer((req, res) => res.end('<html><body>a page of another site</body></html>'));
  await new Promise(listening => foreign.listen(0, '127.0.0.2', listening));
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.2:${foreign.address().port}/`);
    for (const url of [J, PROXY]) {
      // A "simple" request: no preflight, the browser sends it and hides the answer from the page.
      await page.evaluate(([url, body]) => fetch(url, { method: 'POST', mode: 'no-cors',
        headers: { 'Content-Type': 'text/plain' }, body }).catch(() => null), [url, STOP]);
      check(`a foreign page's text/plain POST to ${url} leaves 'submit' running`, await stateAfter() === 'Started');
    }
    // A GET carrying neither Origin nor Referer, as curl's would.
    await page.evaluate((src) => new Promise(done => { const img = new Image(); img.referrerPolicy = 'no-referrer';
      img.onload = img.onerror = done; img.src = src; }), `${J}/exec/${SUBMIT.replace(/"/g, '%22')}/stop()`);
    check("a foreign page's <img referrerpolicy=no-referrer> GET leaves 'submit' running", await stateAfter() === 'Started');

    const hawtio = await browser.newPage();
    await hawtio.goto(`${HAWTIO}/`);
    const answers = await hawtio.evaluate(async ([proxy, bodies]) => {
      const answers = [];
      for (const body of bodies) {
        answers.push(await (await fetch(proxy, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body })).json());
      }
      return answers;
    }, [PROXY, [STOP, JSON.stringify({ type: 'read', mbean: SUBMIT, attribute: 'State' }),
      JSON.stringify({ type: 'exec', mbean: SUBMIT, operation: 'start()' })]]);
    check(`Hawtio's page stops, reads and starts 'submit' through its proxy (${answers.map(a => a.value ?? a.status)})`,
      answers.every(a => a.status === 200) && answers[1].value === 'Stopped' && await stateAfter() === 'Started');
  } finally {
    await browser.close();
    foreign.close();
  }
  process.exit(failed ? 1 : 0);
})().catch(e => { console.error(e); process.exit(1); });
