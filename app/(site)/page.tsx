import Link from 'next/link'
import { ArticleCard } from '@/components/ArticleCard'
import { ArticleList } from '@/components/ArticleList'
import styles from '@/components/frontPage.module.css'
import { getFrontPage, getSiteChrome } from '@/lib/content'
import { JsonLd } from '@/components/JsonLd'
import { readConfig } from '@/lib/env'
import { routes } from '@/lib/routes'
import { pageMetadata } from '@/lib/seo/metadata'
import { webSiteJsonLd } from '@/lib/seo/structured-data'

export const revalidate = 300

export function generateMetadata() {
  return pageMetadata({ path: routes.home() })
}

export default async function FrontPage() {
  const [{ lead, latest, sections }, { settings }] = await Promise.all([getFrontPage(), getSiteChrome()])
  const timeZone = settings.timeZone
  const webSite = <JsonLd data={webSiteJsonLd({ siteUrl: readConfig().siteUrl, settings })} />
  if (!lead) {
    return (
      <>
        {webSite}
        <p>Nothing has been published yet.</p>
      </>
    )
  }
  return (
    <>
      {webSite}
      <h1 className="visually-hidden">{settings.title}: front page</h1>
      <div className={styles.top}>
        <section aria-label="Top story" className={styles.lead}>
          <ArticleCard article={lead} timeZone={timeZone} variant="lead" headingLevel={2} priority />
        </section>
        <section aria-labelledby="latest-heading" className={styles.latest}>
          <h2 id="latest-heading" className={styles.rowHeading}>
            <Link href={routes.latest()}>Latest</Link>
          </h2>
          <ArticleList articles={latest.slice(0, 4)} timeZone={timeZone} layout="stack" />
        </section>
      </div>
      {latest.length > 4 ? (
        <section aria-label="More news" className={styles.row}>
          <ArticleList articles={latest.slice(4)} timeZone={timeZone} />
        </section>
      ) : null}
      {sections.map(({ section, articles }) => (
        <section key={section._id} aria-labelledby={`section-${section.slug}`} className={styles.row}>
          <h2 id={`section-${section.slug}`} className={styles.rowHeading}>
            <Link href={routes.section(section.slug)}>{section.title}</Link>
          </h2>
          <ArticleList articles={articles} timeZone={timeZone} showSection={false} />
        </section>
      ))}
    </>
  )
}
