'use client'

import { VisualEditing } from 'next-sanity/visual-editing'
import { useRouter } from 'next/navigation'
import { useCallback, useEffect } from 'react'

/** app/api/draft-mode/changes: the embedded dataset's changes, for pages in draft mode. */
const DRAFT_CHANGES_PATH = '/api/draft-mode/changes'
/** Changes closer together than this (an editor typing) make one refresh. */
const REFRESH_DEBOUNCE_MS = 100

type RefreshSource = { source: 'manual' | 'mutation' }

/**
 * What a page in draft mode adds, and only then (app/site-shell.tsx): Presentation's overlays
 * and navigation (VisualEditing), and on the embedded dataset a refresh after each committed
 * change, so what an editor types shows in the preview without a reload.
 */
export function DraftModeTools({ followLocalChanges }: { followLocalChanges: boolean }) {
  const router = useRouter()

  useEffect(() => {
    if (!followLocalChanges) return
    const changes = new EventSource(DRAFT_CHANGES_PATH)
    let pending: ReturnType<typeof setTimeout> | undefined
    changes.addEventListener('restart', () => {
      clearTimeout(pending)
      pending = setTimeout(() => router.refresh(), REFRESH_DEBOUNCE_MS)
    })
    return () => {
      clearTimeout(pending)
      changes.close()
    }
  }, [followLocalChanges, router])

  // On the embedded dataset the Studio's own "mutation" notices come before the change is
  // committed, so the changes stream refreshes instead; the refresh button still works.
  const refreshOnRequest = useCallback(
    ({ source }: RefreshSource) => {
      if (source !== 'manual') return false
      router.refresh()
      return Promise.resolve()
    },
    [router],
  )
  return <VisualEditing refresh={followLocalChanges ? refreshOnRequest : undefined} />
}
