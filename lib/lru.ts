/** A Map that forgets its least recently used entry beyond `limit` entries. */
export class Lru<K, V> {
  private readonly map = new Map<K, V>()
  constructor(private readonly limit: number) {}
  has(key: K) {
    return this.map.has(key)
  }
  get(key: K): V | undefined {
    const value = this.map.get(key)
    if (value !== undefined || this.map.has(key)) {
      this.map.delete(key)
      this.map.set(key, value as V)
    }
    return value
  }
  delete(key: K) {
    this.map.delete(key)
  }
  set(key: K, value: V) {
    this.map.delete(key)
    this.map.set(key, value)
    if (this.map.size > this.limit) this.map.delete(this.map.keys().next().value as K)
  }
}
