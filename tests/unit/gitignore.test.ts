import { execFileSync } from 'node:child_process'

/** Env files hold secrets (preview, webhook, read token): git ignores all of them but the example. */

const ignored = (file: string) => {
  try {
    execFileSync('git', ['check-ignore', '--no-index', '--quiet', file], { cwd: process.cwd(), stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

it.each(['.env', '.env.local', '.env.production', '.env.development', '.env.test', '.env.production.local', '.env.staging', '.envrc', 'sub/.env.production'])(
  'ignores %s',
  (file) => expect(ignored(file)).toBe(true),
)

it('keeps .env.example', () => expect(ignored('.env.example')).toBe(false))
