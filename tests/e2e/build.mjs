// Builds the site the browser tests run against, into .next-e2e, with canary values for the
// server's secrets: tests/e2e/secrets.e2e.ts then checks neither reached a browser-facing file.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'

const canary = JSON.parse(fs.readFileSync(new URL('./canary.json', import.meta.url), 'utf8'))
const result = spawnSync('node_modules/.bin/next', ['build'], {
  stdio: 'inherit',
  env: { ...process.env, ...canary, NEXT_DIST_DIR: '.next-e2e', NEXT_TELEMETRY_DISABLED: '1' },
})
process.exit(result.status ?? 1)
