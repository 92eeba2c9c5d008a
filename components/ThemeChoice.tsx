'use client'

import { useSyncExternalStore } from 'react'
import { THEME_STORAGE_KEY, rememberThemeChoice, showThemeChoice, storedThemeChoice, type ThemeSetting } from '@/lib/theme'
import styles from './chrome.module.css'

const OPTIONS: { choice: ThemeSetting; label: string }[] = [
  { choice: 'light', label: 'Light' },
  { choice: 'dark', label: 'Dark' },
  { choice: 'system', label: 'System' },
]

const listeners = new Set<() => void>()

/** The stored choice changes here (a button) or in another tab (a storage event, which this tab then shows too). */
function subscribe(onChange: () => void) {
  const fromOtherTab = (event: StorageEvent) => {
    if (event.key !== THEME_STORAGE_KEY && event.key !== null) return
    showThemeChoice(storedThemeChoice())
    onChange()
  }
  listeners.add(onChange)
  window.addEventListener('storage', fromOtherTab)
  return () => {
    listeners.delete(onChange)
    window.removeEventListener('storage', fromOtherTab)
  }
}

function choose(choice: ThemeSetting) {
  rememberThemeChoice(choice)
  listeners.forEach((listener) => listener())
}

/**
 * Light, dark or the device's setting, as three toggle buttons. The server renders nothing
 * (its snapshot is null): without JavaScript the buttons could do nothing, and the system's
 * preference applies; with it, they appear once the page has hydrated.
 */
export function ThemeChoice() {
  const current = useSyncExternalStore(subscribe, storedThemeChoice, () => null)
  if (current === null) return null
  return (
    <div role="group" aria-labelledby="theme-choice-label" className={styles.themeChoice}>
      <span id="theme-choice-label">Theme</span>
      {OPTIONS.map(({ choice, label }) => (
        <button key={choice} type="button" aria-pressed={current === choice} onClick={() => choose(choice)}>
          {label}
        </button>
      ))}
    </div>
  )
}
