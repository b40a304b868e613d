// Browser tests of the whole product: the global setup starts a database, the API and the web
// app on free loopback ports, and stops them afterwards. Debian's Chromium is used as installed
// (CI installs the `chromium` package); no browser is downloaded.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: './tests',
  globalSetup: './tests/global-setup.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 2,
  reporter: [['list']],
  outputDir: '../../test-results/web',
  projects: [
    { name: 'flows', testIgnore: /paging\.spec\.ts/ },
    { name: 'paging', testMatch: /paging\.spec\.ts/, dependencies: ['flows'] },
  ],
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    viewport: { width: 1280, height: 800 },
    // Not Nairobi on purpose: the app must show Nairobi time whatever the browser's zone is.
    timezoneId: 'UTC',
    locale: 'en-KE',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
