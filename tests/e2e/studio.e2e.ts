import { url } from './support/server'

/**
 * The Studio cannot reach Sanity from here, so its UI is not driven; what can be
 * checked is that the route is built and served, outside the reader site, unindexed.
 */
describe('the embedded Studio', () => {
  it('is served at /studio and its tool paths, noindex, without the reader site’s masthead', async () => {
    for (const path of ['/studio', '/studio/structure', '/studio/presentation', '/studio/vision']) {
      const response = await fetch(url(path))
      const html = await response.text()
      expect({ path, status: response.status }).toEqual({ path, status: 200 })
      expect(html).toMatch(/<meta name="robots" content="noindex, nofollow"\/>/)
      expect(html).not.toContain('aria-label="Sections"')
    }
  })
})

describe('malformed addresses', () => {
  it.each(['/articles/%ZZ', '/sections/%E4', '/tags/%ZZ', '/people/%'])('%s answers 400, not 500', async (path) => {
    const response = await fetch(url(path))
    expect(response.status).toBe(400)
    expect(await response.text()).toContain('not correctly encoded')
  })
})
