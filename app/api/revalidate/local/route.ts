import { revalidatePath } from 'next/cache'
import { readConfig } from '@/lib/env'
import { LOCAL_PUBLISH_HEADER, isLocalPublishToken } from '@/lib/revalidate/local-publish'

/**
 * Publish to live on the embedded dataset: called by this server itself, over loopback,
 * when its watcher has loaded a new version of LOCAL_DATASET (lib/revalidate/local-publish.ts),
 * with a token only this process knows.
 */
export async function POST(request: Request) {
  if (readConfig().source.mode !== 'local') {
    return Response.json({ message: 'Not found' }, { status: 404 })
  }
  if (!isLocalPublishToken(request.headers.get(LOCAL_PUBLISH_HEADER))) {
    return Response.json({ message: 'Unauthorized' }, { status: 401 })
  }
  // Every page and route, at once. Local reads carry no cache tags (the local source does not
  // go through fetch, so Next's tags never see them), and one document can show on any page:
  // a headline on the listings, a person's name on each article they byline, the settings
  // everywhere. The root layout's path is an implicit tag of everything Next caches, and
  // revalidatePath expires without stale-while-revalidate: the next request renders anew.
  revalidatePath('/', 'layout')
  return Response.json({ revalidated: ['/'] })
}
