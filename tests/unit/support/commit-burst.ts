// A burst of commits to a local store, for local-store-crash.test.ts: prints each transaction's
// id once it is acknowledged, until the test kills this process.
import { LocalStore } from '@/lib/content/sources/local-store'

const store = new LocalStore(process.argv[2], { onVersion: () => {} })
let n = 0
async function burst() {
  for (;;) {
    n++
    const id = `article-burst-${n % 20}`
    const { transactionId } = await store.commit('burst', (draft) =>
      draft.put({ _id: id, _type: 'article', headline: `Burst ${n}`, body: [{ _type: 'block', _key: `k${n}` }] }),
    )
    process.stdout.write(`${transactionId} ${id} ${n}\n`)
  }
}
// The test reads until it kills this process; a write after it stopped reading is no failure.
process.stdout.on('error', () => process.exit(0))
void burst()
