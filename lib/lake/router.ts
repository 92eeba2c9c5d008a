import 'server-only'
import { localEditing } from '@/lib/content/sources'
import { LOCAL_DATASET_NAME, LOCAL_PROJECT_ID } from '@/lib/content/sources/ndjson'
import { readConfig } from '@/lib/env'
import { serveLocalImage } from '@/lib/local-images'
import { uploadImage } from './assets'
import { EDITOR, editorProject, editorUser } from './editor'
import { isEditor } from './editor-token'
import { badRequest, LakeError, notFound } from './errors'
import { documentEvents } from './events'
import { documentsAt, transactionsLog } from './history'
import { channelRequest, openChannel, type ChannelRequest } from './channel'
import { listenerStream } from './event-stream'
import { listenerOf } from './listener'
import { liveListener } from './live'
import { planActions, planMutations, type MutationResult } from './mutations'
import { perspectiveOf, queryParamsOf, runQuery } from './query'
import { readJson, readJsonObject } from './request-body'
import { signIn, signInPage, signOut } from './sign-in'

/** The largest mutation or query body accepted: the Content Lake's own limit for a mutation request. */
const MAX_JSON_BYTES = 4 * 1024 * 1024
/** A channel request carries listeners' query strings and presence messages: small. */
const MAX_CHANNEL_REQUEST_BYTES = 256 * 1024
const json = (value: unknown, status = 200) =>
  new Response(JSON.stringify(value), { status, headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' } })

const errorResponse = (error: LakeError) => json({ error: { description: error.message, type: error.type } }, error.status)

/** The user's settings the Studio keeps (last opened panes and the like), for as long as the process runs. */
const KEY_VALUES = new Map<string, unknown>()

/**
 * The local Content Lake: the part of Sanity's HTTP API that Sanity Studio uses, answered from
 * the embedded dataset's store (docs/local-content-lake.md). `path` is what follows /api/lake/.
 */
export async function handleLakeRequest(request: Request, path: string[]): Promise<Response> {
  const editing = localEditing()
  if (!editing) return json({ error: { description: 'The local Content Lake is off: this site reads a Sanity project.', type: 'notFoundError' } }, 404)
  try {
    return await route(request, path, editing)
  } catch (error) {
    if (error instanceof LakeError) return errorResponse(error)
    throw error
  }
}

async function route(request: Request, path: string[], { store, source }: NonNullable<ReturnType<typeof localEditing>>): Promise<Response> {
  const url = new URL(request.url)
  const method = request.method
  if (path[0] === 'sign-in') return method === 'POST' ? signIn(request) : signInPage(request)

  // The Studio's client puts the API version first (/v2025-02-19/…); the sign-in and auth paths have none.
  const version = /^v(\d{4}-\d{2}-\d{2}|1)$/.exec(path[0] ?? '')
  const apiVersion = version ? (version[1] === '1' ? '2021-03-25' : version[1]) : '2021-03-25'
  const [area, ...rest] = version ? path.slice(1) : path
  const joined = [area, ...rest].join('/')

  // The Studio asks for images at the lake's host, as it would at Sanity's image CDN, in sizes of its own: a signed-in
  // editor's are rendered here, anyone else is sent to the site's image route, which takes only the site's own URLs.
  if (area === 'images' && method === 'GET') {
    return isEditor(request) ? serveLocalImage(request, rest, 'studio') : Response.redirect(new URL(`/images/${rest.join('/')}${url.search}`, url), 308)
  }
  if (joined === 'ping') return new Response('PONG', { headers: { 'Content-Type': 'text/plain' } })
  if (joined === 'auth/providers')
    return json({ providers: [{ name: 'local', title: 'Editor token', url: new URL('/api/lake/sign-in', url).toString() }], thirdPartyLogin: false, sso: {} })
  if (joined === 'auth/logout') return signOut(request)

  // Sanity's client asks whether this origin may call the lake, without credentials: it may.
  if (joined === 'check/cors') return json({ result: { allowed: true, withCredentials: true } })
  if (!isEditor(request))
    throw new LakeError(401, 'unauthorized', 'Sign in with the editor token: the sign-in link is in the server log (README, "Editors offline").')
  if (method !== 'GET' && method !== 'HEAD' && !sameOrigin(request))
    throw new LakeError(403, 'forbidden', 'Writes to the local Content Lake come from the site itself only.')

  if (joined === 'users/me') return json(editorUser)
  if (area === 'users' && rest.length === 1 && method === 'GET')
    return json(
      rest[0]
        .split(',')
        .map((id) => (id === EDITOR.id ? editorUser : null))
        .filter(Boolean),
    )
  if (area === 'users' && rest[0] === 'me' && rest[1] === 'keyvalue') return keyValues(request, rest[2])
  if (joined === 'features') return json([])
  if (area === 'intake') return rest[0] === 'telemetry-status' ? json({ status: 'denied' }) : new Response(null, { status: 204 })
  if (area === 'projects') return project(rest)
  const cloudOnly = cloudOnlyAnswer(area, rest, method)
  if (cloudOnly) return cloudOnly

  if (area === 'data' && rest[0] === 'live') {
    if (rest[1] !== 'events' || rest[2] !== LOCAL_DATASET_NAME) throw notFound(`The Live Content API answers /data/live/events/${LOCAL_DATASET_NAME}.`)
    return listenerStream(request.signal, liveListener(store))
  }
  if (area === 'data' || area === 'assets') {
    const [kind, dataset, ...ids] = rest
    if (dataset !== LOCAL_DATASET_NAME) throw notFound(`Dataset "${dataset ?? ''}" not found: the local Content Lake holds "${LOCAL_DATASET_NAME}".`)
    if (area === 'assets') {
      if (kind !== 'images' || method !== 'POST') throw notFound('The local Content Lake takes image uploads only (POST /assets/images).')
      return json({ document: await uploadImage(store, request) })
    }
    switch (kind) {
      case 'ping':
        return new Response('PONG', { headers: { 'Content-Type': 'text/plain' } })
      case 'query': {
        const body = method === 'POST' ? await readJsonObject<{ query: unknown; params: unknown; perspective: unknown }>(request, MAX_JSON_BYTES) : undefined
        const params = body ? ((body.params as Record<string, unknown>) ?? {}) : queryParamsOf(url.searchParams)
        const perspective = perspectiveOf(body?.perspective ?? url.searchParams.get('perspective'), apiVersion)
        return json(await runQuery(source, body ? body.query : url.searchParams.get('query'), params, perspective))
      }
      case 'doc': {
        const requested = (ids.join('/') || '').split(',').filter(Boolean)
        if (!requested.length) throw badRequest('Name at least one document id.')
        const documents = requested.map((id) => store.get(id)).filter((doc) => doc !== undefined)
        const omitted = requested.filter((id) => !store.get(id)).map((id) => ({ id, reason: 'existence' }))
        return json({ documents, omitted })
      }
      case 'listen':
        return listenerStream(request.signal, listenerOf(store, url.searchParams))
      // Documents in other datasets that refer to one here: the embedded dataset is the only one.
      case 'references':
        return json({ totalCount: 0, references: [] })
      case 'channel':
        if (method === 'GET' && !ids.length) return openChannel(request.signal)
        if (method === 'POST' && ids.length === 1)
          return json(channelRequest(store, ids[0], await readJsonObject<ChannelRequest>(request, MAX_CHANNEL_REQUEST_BYTES)))
        throw notFound('A channel is opened by GET /data/channel/<dataset> and asked by POST /data/channel/<dataset>/<id>.')
      case 'mutate':
      case 'actions': {
        if (method !== 'POST') throw new LakeError(405, 'methodNotAllowed', `Use POST for /data/${kind}.`)
        const body = await readJsonObject<{ mutations: unknown; actions: unknown; transactionId: unknown }>(request, MAX_JSON_BYTES)
        const requestedId = body.transactionId ?? url.searchParams.get('transactionId') ?? undefined
        const transactionId = typeof requestedId === 'string' && /^[A-Za-z0-9_-]{1,128}$/.test(requestedId) ? requestedId : undefined
        let results: MutationResult[] = []
        const transaction = await store.commit(
          EDITOR.id,
          async (draft) => {
            if (kind === 'mutate') results = await planMutations(draft, body.mutations)
            else planActions(draft, body.actions)
          },
          transactionId,
        )
        if (kind === 'actions') return json({ transactionId: transaction.transactionId })
        const returnDocuments = url.searchParams.get('returnDocuments') === 'true'
        return json({
          transactionId: transaction.transactionId,
          results: results.map(({ id, operation }) => ({ id, operation, ...(returnDocuments ? { document: store.get(id) ?? null } : {}) })),
          ...(url.searchParams.get('returnIds') === 'true' ? { documentIds: results.map(({ id }) => id) } : {}),
        })
      }
      case 'history': {
        const [what, idList] = ids
        if (what === 'transactions' && idList) return transactionsLog(store, idList, url.searchParams)
        if (what === 'documents' && idList) return json(await documentsAt(store, idList, url.searchParams))
        if (what === 'events' && idList === 'documents' && ids[2]) return json(await documentEvents(store, ids[2], url.searchParams))
        throw notFound('History answers /transactions/<ids>, /documents/<ids> and /events/documents/<id>.')
      }
    }
  }
  throw notFound(`The local Content Lake does not answer /${joined} (docs/local-content-lake.md lists what it answers).`)
}

/**
 * What the Studio asks of Sanity's cloud that has no meaning offline: announcements and upsell
 * dialogs, help links, scheduled publishing, deployed studios, schema registration. Each gets the
 * answer that means "nothing here", so the Studio carries on without a failed request.
 */
function cloudOnlyAnswer(area: string | undefined, rest: string[], method: string): Response | undefined {
  if (area === 'journey') return json(rest[0] === 'announcements' ? [] : null)
  if (area === 'help') return json({})
  if (area === 'schedules') return json({ schedules: [] })
  if (area === 'descriptors' && method === 'POST') return json({ synchronization: { type: 'complete' } })
  return undefined
}

function project(rest: string[]): Response {
  const [projectId, datasets, dataset, what] = rest
  if (projectId !== LOCAL_PROJECT_ID) throw notFound(`Project "${projectId ?? ''}" not found.`)
  if (!datasets) return json(editorProject)
  if (datasets === 'user-applications') return json([])
  if (datasets === 'datasets' && !dataset) return json([{ name: LOCAL_DATASET_NAME, aclMode: 'private' }])
  if (datasets === 'datasets' && dataset === LOCAL_DATASET_NAME && what === 'acl')
    return json([{ filter: '_id in path("**")', permissions: ['read', 'update', 'create', 'history'] }])
  throw notFound(`The local Content Lake does not answer /projects/${rest.join('/')}.`)
}

async function keyValues(request: Request, keys = ''): Promise<Response> {
  if (request.method === 'GET')
    return json(
      keys
        .split(',')
        .filter(Boolean)
        .map((key) => ({ key, value: KEY_VALUES.get(key) ?? null })),
    )
  const body = await readJson<unknown>(request, 64 * 1024)
  const entries = Array.isArray(body) ? body : [body]
  for (const entry of entries) {
    const { key, value } = (entry ?? {}) as { key?: unknown; value?: unknown }
    if (typeof key === 'string' && KEY_VALUES.size < 1000) KEY_VALUES.set(key, value)
  }
  return json(entries)
}

/** A browser's write names its page's origin; only the site's own pages (the Studio) may write. */
function sameOrigin(request: Request): boolean {
  const origin = request.headers.get('origin')
  if (!origin) return true
  const host = request.headers.get('host')
  try {
    const { host: originHost } = new URL(origin)
    return originHost === host || origin === new URL(readConfig().siteUrl).origin
  } catch {
    return false
  }
}
