// Listing and search query times: runs `npm run bench:queries` (bench/local-queries.ts) as it
// is and reads the median cold times at the largest size back from the table it prints.
import { ROOT } from './next.mjs'
import { runGroup } from './processes.mjs'

/** The queries with a target at the largest size, as bench/local-queries.ts names them, and the target in ms. */
export const QUERY_TARGETS_MS = { 'latest listing': 5, 'section listing': 5, 'search common word': 50, 'search rare word': 50 }
/** The worst of the 1,000 hostile searches (bench/hostile-queries.ts) may cost what an ordinary one may. */
export const HOSTILE_TARGET_MS = 50

/** Rows of the printed Markdown tables, each as an object keyed by its own table's header. */
function tableRows(output) {
  const cells = (line) =>
    line
      .slice(1, -1)
      .split('|')
      .map((cell) => cell.trim())
  const tables = output.split(/\n(?!\|)/).map((block) => block.split('\n').filter((line) => line.startsWith('|') && !/^\|[-:|]+\|$/.test(line)))
  return tables.flatMap((lines) => {
    const [header, ...rows] = lines.map(cells)
    return header ? rows.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i]]))) : []
  })
}

export async function benchQueries({ articles }) {
  const sizes = [...new Set([1000, articles])].join(',')
  console.log(`\n== Local queries: npm run bench:queries -- --sizes ${sizes}\n`)
  const { code, output } = await runGroup('npm', ['run', 'bench:queries', '--', '--sizes', sizes], { cwd: ROOT, env: process.env, echo: true })
  if (code !== 0) throw new Error(`npm run bench:queries failed (exit ${code})`)
  const size = articles.toLocaleString('en')
  const coldMedian = {}
  const rows = tableRows(output)
  for (const row of rows) {
    if (row.articles !== size || !(row.query in QUERY_TARGETS_MS)) continue
    coldMedian[row.query] = Number.parseFloat(row['optimised cold'])
  }
  // The hostile searches run at the largest size: their worst, first time asked.
  const hostile = rows.find((row) => row['hostile searches'] === 'cold, clock time')
  return { coldMedian, hostileWorst: hostile && Number.parseFloat(hostile.worst) }
}
