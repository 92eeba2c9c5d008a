/**
 * The 1200×630 card drawn for an article that has no hero image of its own
 * (app/(site)/articles/[slug]/share-card/route.tsx). Satori draws it: flexbox and inline
 * styles only, in the site's colours and its headline face.
 */
export type ShareCardProps = {
  siteTitle: string
  /** The section's name, above the headline. */
  kicker?: string
  /** Left out when the bundled fonts cannot draw it (a Chinese headline, say). */
  headline?: string
  dateLabel?: string
  fontFamily: string
}

const INK = '#121212'
const MUTED = '#4a4a4a'
const PAPER = '#fbfaf6'
const RULE = '#d8d4c8'
const ACCENT = '#a3122a'

const MAX_HEADLINE = 150

/** Shorter headlines set larger; very long ones are cut at a word with an ellipsis. */
export function headlineFit(headline: string): { text: string; fontSize: number } {
  const text =
    headline.length > MAX_HEADLINE
      ? `${headline
          .slice(0, MAX_HEADLINE)
          .replace(/\s+\S*$/, '')
          .replace(/[\s,;:.–—-]+$/, '')}…`
      : headline
  const fontSize = text.length <= 50 ? 80 : text.length <= 90 ? 66 : 54
  return { text, fontSize }
}

export function ShareCard({ siteTitle, kicker, headline, dateLabel, fontFamily }: ShareCardProps) {
  const fit = headline ? headlineFit(headline) : undefined
  return (
    <div
      style={{
        width: '100%',
        height: '100%',
        display: 'flex',
        flexDirection: 'column',
        background: PAPER,
        color: INK,
        fontFamily,
        borderTop: `16px solid ${ACCENT}`,
        padding: '56px 72px 48px',
      }}
    >
      <div style={{ display: 'flex', flexGrow: 1, flexDirection: 'column', justifyContent: fit ? 'flex-start' : 'center' }}>
        {kicker ? (
          <div style={{ display: 'flex', color: ACCENT, fontSize: 32, fontWeight: 600, letterSpacing: 2, textTransform: 'uppercase' }}>{kicker}</div>
        ) : null}
        {fit ? (
          <div style={{ display: 'flex', marginTop: 24, fontSize: fit.fontSize, fontWeight: 600, lineHeight: 1.1 }}>{fit.text}</div>
        ) : (
          <div style={{ display: 'flex', marginTop: 24, fontSize: 96, fontWeight: 600, lineHeight: 1.05 }}>{siteTitle}</div>
        )}
      </div>
      <div
        style={{
          display: 'flex',
          justifyContent: 'space-between',
          alignItems: 'baseline',
          borderTop: `2px solid ${RULE}`,
          paddingTop: 24,
          fontSize: 32,
        }}
      >
        <div style={{ display: 'flex', fontWeight: 600 }}>{siteTitle}</div>
        {dateLabel ? <div style={{ display: 'flex', color: MUTED, fontWeight: 400 }}>{dateLabel}</div> : null}
      </div>
    </div>
  )
}
