/**
 * Runs once when the server starts: a bad variable or an unreadable LOCAL_DATASET
 * stops start-up here, with a message naming it, instead of failing on the first request.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  const { stopOnBadStartup } = await import('./lib/startup')
  stopOnBadStartup()
}
