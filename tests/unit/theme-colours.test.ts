import fs from 'node:fs'
import path from 'node:path'

/**
 * Every colour of a component comes from the palette's custom properties (app/globals.css), so
 * both themes reach it: a literal colour stays light in the dark theme (the corrections notice
 * did, and axe found its text at 1.06:1 on a dark device).
 */
const ROOT = path.resolve(__dirname, '..', '..')
const LITERAL_COLOUR = /#[0-9a-f]{3,8}\b|\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch)\(/gi

const stylesheets = (dir: string): string[] =>
  fs
    .readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.css'))
    .map((file) => path.join(dir, file))

it.each([...stylesheets('components'), ...stylesheets('app').filter((file) => file !== path.join('app', 'globals.css'))])(
  '%s takes its colours from the palette',
  (file) => {
    const css = fs.readFileSync(path.join(ROOT, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '')
    expect(css.match(LITERAL_COLOUR) ?? []).toEqual([])
  },
)
