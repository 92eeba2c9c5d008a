import { formatMessages, validatePages, type PageReport } from './support/vnu'
import { KEY_PAGES } from './support/pages'

let reports: Map<string, PageReport>

// One JVM for all pages: vnu's start-up dominates.
beforeAll(async () => {
  reports = await validatePages(KEY_PAGES)
}, 180_000)

describe('Nu Html Checker', () => {
  test.each(KEY_PAGES)('%s has no errors', (path) => {
    const report = reports.get(path)
    if (!report) throw new Error(`No report for ${path}`)
    expect(report.status).toBe(200)
    // React serialises void elements as `<meta … />`: vnu's note about that is noise.
    const notes = report.notes.filter((m) => !m.message.startsWith('Trailing slash on void elements'))
    if (notes.length > 0) console.log(formatMessages(`vnu warnings/info for ${path}`, notes))
    if (report.errors.length > 0) throw new Error(formatMessages(`vnu errors for ${path}`, report.errors))
  })
})
