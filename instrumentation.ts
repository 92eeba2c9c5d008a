/**
 * Runs once when the server starts (never during `next build`): a bad variable or an
 * unreadable LOCAL_DATASET stops start-up here, with a message naming it, instead of failing
 * on the first request. Then, on the embedded dataset, the server reads it and watches it
 * for saved changes, and prints how editors sign in to the Studio.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  const { stopOnBadStartup } = await import('./lib/startup')
  stopOnBadStartup()
  const { watchLocalDataset } = await import('./lib/content/sources')
  watchLocalDataset()
  const { announceSignIn } = await import('./lib/lake/announce')
  announceSignIn()
}
