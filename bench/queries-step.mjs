// Listing and search query times: runs `npm run bench:queries` (bench/local-queries.ts) as it
// is and reads the median cold times at the largest size back from the table it prints.
import { ROOT } from './next.mjs'
import { runGroup } from './processes.mjs'

/** The queries with a target at the largest size, as bench/local-queries.ts names them, and the target in ms. */
export const QUERY_TARGETS_MS = { 'latest listing': 5, 'section listing': 5, 'search common word': 50, 'search rare word': 50 }

/** Rows of the printed Markdown table, as objects keyed by its header. */
function tableRows(output) {
  const lines = output.split('\n').filter((line) => line.startsWith('|') && !/^\|[-:|]+\|$/.test(line))
  const cells = (line) => line.slice(1, -1).split('|').map((cell) => cell.trim())
  const [header, ...rows] = lines.map(cells)
  return header ? rows.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i]]))) : []
}

export async function benchQueries({ articles }) {
  const sizes = [...new Set([1000, articles])].join(',')
  console.log(`\n== Local queries: npm run bench:queries -- --sizes ${sizes}\n`)
  const { code, output } = await runGroup('npm', ['run', 'bench:queries', '--', '--sizes', sizes], { cwd: ROOT, env: process.env, echo: true })
  if (code !== 0) throw new Error(`npm run bench:queries failed (exit ${code})`)
  const size = articles.toLocaleString('en')
  const coldMedian = {}
  for (const row of tableRows(output)) {
    if (row.articles !== size || !(row.query in QUERY_TARGETS_MS)) continue
    coldMedian[row.query] = Number.parseFloat(row['optimised cold'])
  }
  return { coldMedian }
}
