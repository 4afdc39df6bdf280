// Runs Lighthouse on each URL in one Chromium, writing the report of URL n to <outdir>/<n>.json.
// Usage: node run-lighthouse.mjs <outdir> <url>...   (called by meet.py; CHROME_PATH picks the browser)
import fs from 'node:fs';
import path from 'node:path';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';

// Headless, and without the background requests to Google's hosts.
const CHROME_FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--no-first-run', '--disable-sync',
];
const [outdir, ...urls] = process.argv.slice(2);

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  chromeFlags: CHROME_FLAGS,
});
try {
  for (const [n, url] of urls.entries()) {
    process.stderr.write(`lighthouse ${n + 1}/${urls.length}: ${url}\n`);
    let report;
    try {
      const result = await lighthouse(url, {
        port: chrome.port,
        logLevel: 'error',
        locale: 'nl',
        onlyCategories: ['accessibility', 'best-practices', 'seo', 'performance'],
      });
      report = result.lhr;
    } catch (error) {
      report = {requestedUrl: url, runtimeError: {code: 'RUNNER', message: String(error)}};
    }
    fs.writeFileSync(path.join(outdir, `${n}.json`), JSON.stringify(report));
  }
} finally {
  await chrome.kill();
}
