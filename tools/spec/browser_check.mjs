// Opens the static HTML reference in headless Chromium (playwright-core driving Debian's
// chromium; no browser download) and prints a JSON report on stdout: console errors, page
// errors, failed requests, requests that would leave the machine, the sidebar's links (at load
// and after each route: Redoc expands the routed operation's group), and for
// each requested route (`#/tag/operation`) the headings the page shows there, and the images
// that did not load. A route may name
// the heading to wait for (Redoc renders lazily): `#/assets/listassets|List project assets`.
// Usage: node tools/spec/browser_check.mjs <url> [route[|heading] ...]
import { chromium } from 'playwright-core';

const [url, ...routes] = process.argv.slice(2);
if (!url) {
  console.error('usage: browser_check.mjs <url> [route ...]');
  process.exit(2);
}

// Without the background-networking flags Chromium keeps dialling Google services.
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
  ],
});
const local = /^(file:|data:|blob:|about:|https?:\/\/127\.0\.0\.1[:/])/;
const report = {
  url, consoleErrors: [], pageErrors: [], failedRequests: [], externalRequests: [], routes: {},
};
try {
  const page = await browser.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error') report.consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => report.pageErrors.push(String(err)));
  page.on('requestfailed', (req) => report.failedRequests.push(`${req.url()} ${req.failure()?.errorText}`));
  page.on('request', (req) => {
    if (!local.test(req.url())) report.externalRequests.push(req.url());
  });
  page.on('response', (res) => {
    if (res.status() >= 400) report.failedRequests.push(`${res.url()} HTTP ${res.status()}`);
  });
  await page.goto(url, { waitUntil: 'load', timeout: 30000 });
  // Redoc renders after load: wait for its sidebar links to the operations.
  await page.waitForSelector('a[href^="#/"]', { timeout: 20000 });
  report.title = await page.title();
  report.links = await page.$$eval('a[href^="#/"]', (as) => as.map((a) => a.getAttribute('href')));
  report.text = await page.evaluate(() => document.body.innerText);
  for (const arg of routes) {
    const [route, heading] = arg.split('|', 2);
    await page.evaluate((hash) => { window.location.hash = hash; }, route);
    await page.waitForFunction((hash) => window.location.hash === hash, route, { timeout: 10000 });
    // Redoc renders operations lazily, around the one routed to: wait for the heading (a miss
    // is not an error here; the caller checks the headings reported).
    if (heading) {
      await page.waitForFunction(
        (text) => Array.from(document.querySelectorAll('main h1, main h2, main h3'))
          .some((h) => h.innerText.trim() === text),
        heading, { timeout: 10000 },
      ).catch(() => {});
    } else {
      await page.waitForTimeout(400);
    }
    report.routes[route] = await page.$$eval('main h1, main h2, main h3', (hs) =>
      hs.map((h) => h.innerText.trim()));
    // Redoc expands only the first sidebar groups at load, and the routed one's group here.
    const shown = await page.$$eval('a[href^="#/"]', (as) => as.map((a) => a.getAttribute('href')));
    report.links.push(...shown.filter((link) => !report.links.includes(link)));
  }
  await page.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => {});
  // Every image on the page has loaded and decoded (a broken one has no natural width).
  report.brokenImages = await page.$$eval('img', (imgs) =>
    imgs.filter((img) => !img.complete || img.naturalWidth === 0)
      .map((img) => img.getAttribute('src')));
  report.imageCount = await page.$$eval('img', (imgs) => imgs.length);
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(report));
