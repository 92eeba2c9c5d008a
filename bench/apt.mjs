// Tools the benchmark takes from Debian's packages (nginx, wrk), installed with apt-get when
// missing and the benchmark runs as root on Debian; otherwise the caller falls back.
import { spawnSync } from 'node:child_process'

const runs = (command, args) => spawnSync(command, args, { stdio: 'ignore' }).status === 0

const found = (command) => runs('sh', ['-c', `command -v ${command}`])

/** True when `command` is on the PATH, after installing Debian's `pkg` if it was not and that is possible. */
export function ensureDebianTool(command, pkg = command) {
  if (found(command)) return true
  if (process.getuid?.() !== 0 || !runs('apt-get', ['--version'])) return false
  console.log(`${command} is missing: apt-get install -y ${pkg} ...`)
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  const install = () => spawnSync('apt-get', ['install', '-y', '-qq', pkg], { env, stdio: 'ignore' }).status === 0
  const installed = install() || (spawnSync('apt-get', ['update', '-qq'], { env, stdio: 'ignore' }).status === 0 && install())
  return installed && found(command)
}
