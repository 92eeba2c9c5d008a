// Runs axe-core (WCAG 2.0/2.1/2.2, levels A and AA) in the page and summarises violations.
import fs from 'node:fs'
import type { Page } from 'playwright-core'

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa']

export interface AxeNode {
  target: unknown[]
  html: string
  failureSummary?: string
}
export interface AxeViolation {
  id: string
  impact: string | null
  help: string
  helpUrl: string
  nodes: AxeNode[]
}

export async function runAxe(page: Page): Promise<AxeViolation[]> {
  const present = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined')
  if (!present) await page.addScriptTag({ content: AXE_SOURCE })
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, failureSummary: n.failureSummary })),
    }))
  }, WCAG_TAGS)
}

function clip(text: string, max = 300): string {
  const one = text.replace(/\s+/g, ' ').trim()
  return one.length > max ? one.slice(0, max) + '…' : one
}

/** One readable block per violation: rule id, impact, help, then each node's selector and HTML. */
export function formatViolations(label: string, violations: AxeViolation[]): string {
  const lines = [`axe found ${violations.length} violation(s) on ${label}:`]
  for (const v of violations) {
    lines.push(`- [${v.impact ?? 'n/a'}] ${v.id}: ${v.help} (${v.helpUrl})`)
    for (const n of v.nodes) {
      lines.push(`    target: ${n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : String(t))).join(', ')}`)
      lines.push(`    html:   ${clip(n.html)}`)
      if (n.failureSummary) lines.push(`    why:    ${clip(n.failureSummary, 400)}`)
    }
  }
  return lines.join('\n')
}

/** Throws a readable error when there are violations. */
export function expectNoViolations(label: string, violations: AxeViolation[]): void {
  if (violations.length > 0) throw new Error(formatViolations(label, violations))
}
