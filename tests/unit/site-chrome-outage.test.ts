import { LakeUnavailableError } from '@/lib/content/sources/lake-outage'

// The configured source fails as the test says: the Content Lake unreachable, or a bug.
const failure: { error: Error } = { error: new Error('unset') }
jest.mock('@/lib/content/sources', () => ({ contentSource: () => ({ fetch: () => Promise.reject(failure.error) }) }))

import { FALLBACK_SETTINGS, getArticle, getSiteChrome } from '@/lib/content'

/** The site's frame (masthead, footer) must not fail a page that can be shown when the Content Lake is unreachable. */
describe('getSiteChrome with the Content Lake unreachable', () => {
  it('answers the fallback title and no sections', async () => {
    failure.error = new LakeUnavailableError('no answer in time')
    expect(await getSiteChrome({ perspective: 'published' })).toEqual({ settings: FALLBACK_SETTINGS, sections: [] })
  })

  it('still fails for anything else: a bug is not hidden', async () => {
    failure.error = new Error('a bug')
    await expect(getSiteChrome({ perspective: 'published' })).rejects.toThrow('a bug')
  })

  it('while the page’s own content fails, typed, for the 503', async () => {
    failure.error = new LakeUnavailableError('no answer in time')
    await expect(getArticle('any', { perspective: 'published' })).rejects.toBeInstanceOf(LakeUnavailableError)
  })
})
