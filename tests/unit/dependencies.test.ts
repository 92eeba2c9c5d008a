import fs from 'node:fs'
import { builtinModules } from 'node:module'
import path from 'node:path'
import ts from 'typescript'

/**
 * Every package the code imports is declared in package.json: one only installed as another
 * package's dependency can vanish, or change major, with that package's next release.
 */

const ROOT = process.cwd()
const SOURCES = ['app', 'lib', 'components', 'sanity', 'scripts', 'sanity.config.ts', 'sanity.cli.ts', 'proxy.ts', 'instrumentation.ts', 'next.config.js']

function sourceFiles(entry: string): string[] {
  const full = path.join(ROOT, entry)
  if (!fs.existsSync(full)) return []
  if (fs.statSync(full).isFile()) return /\.(m?[jt]sx?|cjs)$/.test(entry) ? [full] : []
  return fs.readdirSync(full).flatMap((name) => sourceFiles(path.join(entry, name)))
}

/** The package a bare specifier names (`@scope/name/sub` → `@scope/name`), or undefined for a relative, alias or built-in one. */
function packageOf(specifier: string): string | undefined {
  if (/^(\.|\/|@\/|node:)/.test(specifier)) return undefined
  const parts = specifier.split('/')
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]
  return builtinModules.includes(name) ? undefined : name
}

it('declares every package that app, lib, components, sanity and scripts import', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'))
  const declared = new Set(Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }))
  const undeclared = new Map<string, string>()
  const files = SOURCES.flatMap(sourceFiles)
  expect(files.length).toBeGreaterThan(50)
  for (const file of files) {
    // Static imports, re-exports, import() and require(), as TypeScript finds them.
    const { importedFiles } = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true)
    for (const { fileName } of importedFiles) {
      const name = packageOf(fileName)
      if (name && !declared.has(name) && !undeclared.has(name)) undeclared.set(name, path.relative(ROOT, file))
    }
  }
  expect(Object.fromEntries(undeclared)).toEqual({})
})
