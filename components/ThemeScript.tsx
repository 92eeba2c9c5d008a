import { APPLY_STORED_THEME } from '@/lib/theme'

/** In <head>: applies the reader's stored theme before the first paint (lib/theme.ts). */
export function ThemeScript() {
  return <script dangerouslySetInnerHTML={{ __html: APPLY_STORED_THEME }} />
}
