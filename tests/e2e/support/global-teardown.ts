// Stops the server started by global-setup.ts: SIGTERM to its process group, then SIGKILL.
import fs from 'node:fs'
import { PID_FILE, killGroup } from './global-setup'

function alive(pid: number): boolean {
  try {
    process.kill(-pid, 0)
    return true
  } catch {
    return false
  }
}

export default async function globalTeardown(): Promise<void> {
  // Only the process group this run started (never a pid read back from disk: it may be reused).
  const pid = globalThis.__E2E_SERVER__?.pid
  if (pid !== undefined) {
    killGroup(pid, 'SIGTERM')
    const deadline = Date.now() + 5000
    while (alive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100))
    if (alive(pid)) killGroup(pid, 'SIGKILL')
  }
  globalThis.__E2E_SERVER__ = undefined
  globalThis.__E2E_SERVER_STOPPED__ = true
  fs.rmSync(PID_FILE, { force: true })
}
