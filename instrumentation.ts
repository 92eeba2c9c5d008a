/**
 * Runs once when the server starts (never during `next build`): a bad variable, or a
 * LOCAL_DATASET that cannot be read or holds no document, stops start-up here, with a message
 * naming it, instead of failing on the first request or serving an empty site. Then, on the
 * embedded dataset, the server watches it for saved changes, and prints how editors sign in
 * to the Studio. A page that fails because the Content Lake is unreachable answers 503
 * (lib/outage-status.ts).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  const { stopOnBadStartup } = await import('./lib/startup')
  const { openLocalDataset, watchLocalDataset } = await import('./lib/content/sources')
  stopOnBadStartup(openLocalDataset)
  const { answerLakeOutagesWith503 } = await import('./lib/outage-status')
  answerLakeOutagesWith503()
  watchLocalDataset()
  const { announceSignIn } = await import('./lib/lake/announce')
  announceSignIn()
}
