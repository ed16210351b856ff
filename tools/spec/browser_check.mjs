// Opens the static HTML reference in headless Chromium (playwright-core, no bundled browser) and
// prints a JSON report: the page text, console errors, failed and off-machine requests.
// Usage: node tools/spec/browser_check.mjs <url>   (file:// or http://127.0.0.1:...)
import { chromium } from 'playwright-core';

const url = process.argv[2];
if (!url) {
  console.error('usage: browser_check.mjs <url>');
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
const report = { url, consoleErrors: [], pageErrors: [], failedRequests: [], externalRequests: [], requests: [] };
try {
  const page = await browser.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error') report.consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => report.pageErrors.push(String(err)));
  page.on('requestfailed', (req) => report.failedRequests.push(`${req.url()} ${req.failure()?.errorText}`));
  page.on('request', (req) => {
    const u = req.url();
    report.requests.push(u);
    // The page itself, inline data and loopback are local; anything else would need the network.
    if (!/^(file:|data:|blob:|about:|http:\/\/127\.0\.0\.1[:/])/.test(u)) report.externalRequests.push(u);
  });
  page.on('response', (res) => {
    if (res.status() >= 400) report.failedRequests.push(`${res.url()} HTTP ${res.status()}`);
  });
  await page.goto(url, { waitUntil: 'load', timeout: 30000 });
  // Redoc hydrates after load; the operation list is in the DOM once it has.
  await page.waitForSelector('[data-section-id*="operation"], [id*="operation/"]', { timeout: 5000 }).catch(() => {});
  await page.waitForLoadState('networkidle', { timeout: 10000 }).catch(() => {});
  report.title = await page.title();
  report.text = await page.evaluate(() => document.body.innerText);
  report.html = await page.content();
  report.ids = await page.evaluate(() =>
    Array.from(document.querySelectorAll('[id],[data-section-id]')).map(
      (e) => e.getAttribute('data-section-id') || e.id,
    ),
  );
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(report));
