// The Nu Html Checker (vnu.jar) over server-rendered HTML: every page in ONE java run.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { url } from './server'

const VNU_JAR = path.join(path.dirname(require.resolve('vnu-jar/package.json')), 'build', 'dist', 'vnu.jar')

export interface VnuMessage {
  type: string // 'error' | 'info' | 'non-document-error'
  subType?: string // e.g. 'warning' for type 'info', 'fatal' for type 'error'
  url?: string
  firstLine?: number
  lastLine?: number
  firstColumn?: number
  lastColumn?: number
  message: string
  extract?: string
}

export interface PageReport {
  path: string
  status: number
  errors: VnuMessage[]
  /** Warnings and info: reported, not failed on. */
  notes: VnuMessage[]
}

function runJava(args: string[], timeoutMs: number): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.env.JAVA || 'java', args, { stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d))
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    child.once('error', (e) => {
      clearTimeout(timer)
      reject(new Error(`Could not run java (${e.message}); install a Java runtime (default-jre-headless)`))
    })
    child.once('close', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
  })
}

/** Fetches each path from the server under test and checks all of them in one vnu invocation. */
export async function validatePages(paths: string[], timeoutMs = 120_000): Promise<Map<string, PageReport>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-vnu-'))
  try {
    const reports = new Map<string, PageReport>()
    const byFile = new Map<string, PageReport>()
    const files: string[] = []
    for (const [i, p] of paths.entries()) {
      const res = await fetch(url(p), { redirect: 'manual' })
      const html = await res.text()
      const file = path.join(dir, `page-${i}.html`)
      fs.writeFileSync(file, html)
      const report: PageReport = { path: p, status: res.status, errors: [], notes: [] }
      reports.set(p, report)
      byFile.set(path.basename(file), report)
      files.push(file)
    }

    const { code, stdout, stderr } = await runJava(['-jar', VNU_JAR, '--format', 'json', '--stdout', ...files], timeoutMs)
    let parsed: { messages?: VnuMessage[] }
    try {
      parsed = JSON.parse(stdout)
    } catch {
      throw new Error(`vnu gave no JSON (exit ${code}).\nstdout: ${stdout.slice(0, 2000)}\nstderr: ${stderr.slice(0, 2000)}`)
    }
    for (const m of parsed.messages ?? []) {
      const report = m.url ? byFile.get(path.basename(decodeURI(m.url))) : undefined
      if (!report || m.type === 'non-document-error') {
        throw new Error(`vnu could not check a document: ${JSON.stringify(m)}`)
      }
      ;(m.type === 'error' ? report.errors : report.notes).push(m)
    }
    return reports
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

function clip(text: string | undefined, max = 200): string {
  const one = (text ?? '').replace(/\s+/g, ' ').trim()
  return one.length > max ? one.slice(0, max) + '…' : one
}

export function formatMessages(label: string, messages: VnuMessage[]): string {
  const lines = [`${label}: ${messages.length} message(s)`]
  for (const m of messages) {
    const where = m.lastLine !== undefined ? `line ${m.lastLine}${m.firstColumn !== undefined ? `:${m.firstColumn}` : ''}` : 'document'
    const kind = m.subType ? `${m.type}/${m.subType}` : m.type
    lines.push(`- [${kind}] ${where}: ${m.message}`)
    if (m.extract) lines.push(`    extract: ${clip(m.extract)}`)
  }
  return lines.join('\n')
}
