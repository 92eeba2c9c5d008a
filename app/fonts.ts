import localFont from 'next/font/local'

/**
 * Fonts ship with the site (from @fontsource packages): nothing is fetched from a
 * font service at build or run time. Newsreader, designed for news, with optical
 * sizes for headlines and text; Inter for labels and navigation.
 */
export const serif = localFont({
  src: [
    { path: '../node_modules/@fontsource-variable/newsreader/files/newsreader-latin-opsz-normal.woff2', style: 'normal' },
    { path: '../node_modules/@fontsource-variable/newsreader/files/newsreader-latin-opsz-italic.woff2', style: 'italic' },
  ],
  weight: '200 800',
  variable: '--font-serif',
  display: 'swap',
  fallback: ['Georgia', 'Times New Roman', 'Noto Serif CJK SC', 'serif'],
})

export const sans = localFont({
  src: '../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2',
  weight: '100 900',
  variable: '--font-sans',
  display: 'swap',
  fallback: ['system-ui', 'Segoe UI', 'Helvetica Neue', 'Arial', 'Noto Sans CJK SC', 'sans-serif'],
})
