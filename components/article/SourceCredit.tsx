import styles from './article.module.css'

type Source = { name: string; url?: string }

/** The publisher or wire service the story comes from. */
export function SourceCredit({ source }: { source?: Source }) {
  if (!source) return null
  return (
    <p className={styles.source}>
      Source:{' '}
      {source.url ? (
        <a href={source.url} rel="external">
          {source.name}
        </a>
      ) : (
        <span>{source.name}</span>
      )}
    </p>
  )
}
