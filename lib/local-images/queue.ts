/** Thrown when every render slot is taken and the queue is full: the caller answers 503. */
export class Busy extends Error {
  override name = 'Busy'
}

/**
 * At most `slots` tasks at once, and at most `queueLength` waiting for a slot: one more is
 * refused at once rather than held, so a burst of requests costs neither memory nor minutes.
 */
export class RenderQueue {
  private running = 0
  private readonly waiting: (() => void)[] = []

  constructor(
    readonly slots: number,
    readonly queueLength: number,
  ) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    await this.slot()
    try {
      return await task()
    } finally {
      this.release()
    }
  }

  private async slot() {
    if (this.running < this.slots) {
      this.running++
      return
    }
    if (this.waiting.length >= this.queueLength) throw new Busy(`${this.slots} renders running and ${this.waiting.length} waiting`)
    // The slot is handed over by release(), so `running` stays as it is.
    await new Promise<void>((resolve) => this.waiting.push(resolve))
  }

  private release() {
    const next = this.waiting.shift()
    if (next) next()
    else this.running--
  }
}
