/** `--name value` from a command line, or the fallback when the option (or its value) is missing. */
export function optionValue(argv, name, fallback) {
  const at = argv.indexOf(`--${name}`)
  return at >= 0 && argv[at + 1] !== undefined ? argv[at + 1] : fallback
}
