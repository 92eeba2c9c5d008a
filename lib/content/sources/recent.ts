/**
 * A Map that keeps at most `limit` values, each for `ttlMs` from when it was set: an older
 * one is never answered and is dropped at the next read or write, the oldest first when full.
 * Nothing else holds a value (no timer per entry), so the limit bounds the memory too.
 */
export class Recent<K, V> {
  private readonly map = new Map<K, { at: number; value: V }>()
  constructor(
    private readonly limit: number,
    private readonly ttlMs: number,
  ) {}

  get(key: K): V | undefined {
    this.prune()
    return this.map.get(key)?.value
  }

  set(key: K, value: V) {
    this.prune()
    // Set anew, so the Map's order stays the order of age.
    this.map.delete(key)
    this.map.set(key, { at: Date.now(), value })
    if (this.map.size > this.limit) this.map.delete(this.map.keys().next().value as K)
  }

  delete(key: K) {
    this.map.delete(key)
  }

  private prune() {
    const now = Date.now()
    for (const [key, { at }] of this.map) {
      if (now - at <= this.ttlMs) break
      this.map.delete(key)
    }
  }
}
