import { handleLakeRequest } from '@/lib/lake/router'

/** The local Content Lake for the Studio on the embedded dataset (docs/local-content-lake.md); 404 with a Sanity project. */
export const dynamic = 'force-dynamic'

type Context = { params: Promise<{ path: string[] }> }
const handle = async (request: Request, { params }: Context) => handleLakeRequest(request, (await params).path)

export { handle as GET, handle as POST, handle as PUT, handle as PATCH, handle as DELETE }
