/**
 * A reader's colour theme (docs/decisions/0005). With no choice stored the site follows the
 * device's prefers-color-scheme, in CSS alone, so it works without JavaScript. A choice is kept
 * in localStorage, which is never sent to the server: every reader gets the same cached HTML,
 * and the browser applies the choice by setting data-theme on <html>.
 */
export type ThemeSetting = 'light' | 'dark' | 'system'

export const THEME_STORAGE_KEY = 'theme'

/**
 * The inline script in <head> (components/ThemeScript.tsx): it runs before the body is parsed,
 * so the first paint is already in the stored theme. Storage may be refused (privacy settings):
 * the system's preference then applies.
 */
export const APPLY_STORED_THEME = `try{var t=localStorage.getItem('${THEME_STORAGE_KEY}');if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch(e){}`

export function storedThemeChoice(): ThemeSetting {
  try {
    const stored = localStorage.getItem(THEME_STORAGE_KEY)
    return stored === 'light' || stored === 'dark' ? stored : 'system'
  } catch {
    return 'system'
  }
}

/** Shows `choice` on this page: 'system' leaves the colours to prefers-color-scheme. */
export function showThemeChoice(choice: ThemeSetting): void {
  if (choice === 'system') delete document.documentElement.dataset.theme
  else document.documentElement.dataset.theme = choice
}

/** Shows `choice` and remembers it for the reader's next pages. */
export function rememberThemeChoice(choice: ThemeSetting): void {
  showThemeChoice(choice)
  try {
    if (choice === 'system') localStorage.removeItem(THEME_STORAGE_KEY)
    else localStorage.setItem(THEME_STORAGE_KEY, choice)
  } catch {
    // Not remembered (storage refused); this page still shows the choice.
  }
}
