import type { ReactNode } from 'react'
import type { SectionLink } from '@/lib/content'
import { Masthead } from './Masthead'
import { PreviewBanner } from './PreviewBanner'
import { SiteFooter } from './SiteFooter'
import { SkipLink } from './SkipLink'

type Props = {
  title: string
  description?: string
  sections: SectionLink[]
  /** In draft mode: the banner that says so, with its exit link. */
  drafts?: boolean
  children: ReactNode
}

/** The reader site around every page: skip link, masthead, the page as main content, footer. */
export function SiteFrame({ title, description, sections, drafts = false, children }: Props) {
  return (
    <>
      <SkipLink />
      {drafts ? <PreviewBanner exitHref="/api/draft-mode/disable" /> : null}
      <Masthead title={title} description={description} sections={sections} />
      <main id="main" tabIndex={-1} className="page">
        {children}
      </main>
      <SiteFooter title={title} sections={sections} />
    </>
  )
}
