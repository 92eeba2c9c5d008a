import { createPreviewSecret } from '@sanity/preview-url-secret/create-secret'
import { useState } from 'react'
import { useClient, useCurrentUser, type DocumentActionComponent } from 'sanity'
import { DEFAULT_API_VERSION } from '../env'
import { requestPreviewLink } from './preview-link'

type Outcome = { url: string; expiresAt?: string } | { error: string }

/** "Share preview link": signs a link to this article's draft, copies it, and shows it. */
export const SharePreviewLinkAction: DocumentActionComponent = (props) => {
  const client = useClient({ apiVersion: DEFAULT_API_VERSION })
  const user = useCurrentUser()
  const [outcome, setOutcome] = useState<Outcome>()
  const slug = ((props.draft ?? props.published) as { slug?: { current?: string } } | null)?.slug?.current

  return {
    label: 'Share preview link',
    disabled: !slug,
    title: slug ? 'Copy a link that shows this draft to anyone, for 24 hours' : 'Give the article a URL slug first',
    onHandle: async () => {
      try {
        const origin = window.location.origin
        const { secret } = await createPreviewSecret(client, 'share-preview-link', `${origin}/studio`, user?.id)
        const link = await requestPreviewLink(origin, slug!, secret)
        await navigator.clipboard?.writeText(link.url).catch(() => undefined)
        setOutcome(link)
      } catch (error) {
        setOutcome({ error: (error as Error).message })
      }
    },
    dialog: outcome && {
      type: 'dialog',
      header: 'error' in outcome ? 'Could not make a preview link' : 'Preview link copied',
      onClose: () => {
        setOutcome(undefined)
        props.onComplete()
      },
      content:
        'error' in outcome ? (
          <p>{outcome.error}</p>
        ) : (
          <>
            <p>Anyone with this link can read the draft{outcome.expiresAt ? ` until ${new Date(outcome.expiresAt).toLocaleString()}` : ''}:</p>
            <p>
              <code style={{ wordBreak: 'break-all' }}>{outcome.url}</code>
            </p>
          </>
        ),
    },
  }
}
SharePreviewLinkAction.displayName = 'SharePreviewLinkAction'
