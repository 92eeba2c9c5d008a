/** One prefix for everything the content layer reports, so operators can grep for it. */
export const log = {
  info: (message: string) => console.log(`[content] ${message}`),
  warn: (message: string) => console.warn(`[content] ${message}`),
  error: (message: string) => console.error(`[content] ${message}`),
}
