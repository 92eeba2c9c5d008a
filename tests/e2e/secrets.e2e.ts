import fs from 'node:fs'
import path from 'node:path'
import CANARY from './canary.json'
import { DIST_DIR } from './support/server'

/**
 * The browser tests' build ran with canary values for the server's secrets
 * (tests/e2e/build.mjs). Neither may appear in anything a browser can fetch:
 * the static assets, or the prerendered pages and their RSC payloads.
 */
const ROOT = path.resolve(__dirname, '..', '..')

function filesUnder(dir: string, keep: (file: string) => boolean): string[] {
  if (!fs.existsSync(dir)) return []
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter(keep)
}

describe('secrets stay on the server', () => {
  const staticFiles = filesUnder(path.join(ROOT, DIST_DIR, 'static'), () => true)
  const prerendered = filesUnder(path.join(ROOT, DIST_DIR, 'server', 'app'), (file) => /\.(html|rsc|body|meta|json)$/.test(file))

  it('has a build to check', () => {
    expect(staticFiles.length).toBeGreaterThan(0)
    expect(prerendered.filter((file) => file.endsWith('.html')).length).toBeGreaterThan(40)
  })

  it.each(Object.entries(CANARY))('%s appears in no static file and no prerendered page', (name, value) => {
    const leaks = [...staticFiles, ...prerendered].filter((file) => fs.readFileSync(file).includes(value))
    expect(leaks.map((file) => path.relative(ROOT, file))).toEqual([])
  })
})
