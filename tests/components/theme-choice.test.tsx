/**
 * @jest-environment jsdom
 */
import { fireEvent, render, screen, within } from '@testing-library/react'
import { renderToString } from 'react-dom/server'
import { ThemeChoice } from '@/components/ThemeChoice'
import { APPLY_STORED_THEME, THEME_STORAGE_KEY } from '@/lib/theme'

const html = document.documentElement
const runHeadScript = () => new Function(APPLY_STORED_THEME)()

afterEach(() => {
  localStorage.clear()
  delete html.dataset.theme
  jest.restoreAllMocks()
})

describe('the inline script in <head>', () => {
  it.each(['light', 'dark'])('puts a stored "%s" on <html>', (theme) => {
    localStorage.setItem(THEME_STORAGE_KEY, theme)
    runHeadScript()
    expect(html.dataset.theme).toBe(theme)
  })

  it('leaves <html> to the device’s preference when nothing, or something unknown, is stored', () => {
    runHeadScript()
    expect(html.dataset.theme).toBeUndefined()
    localStorage.setItem(THEME_STORAGE_KEY, '" onload="alert(1)')
    runHeadScript()
    expect(html.dataset.theme).toBeUndefined()
  })

  it('does not throw when storage is refused', () => {
    jest.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError')
    })
    expect(runHeadScript).not.toThrow()
    expect(html.dataset.theme).toBeUndefined()
  })
})

describe('ThemeChoice', () => {
  it('renders nothing on the server: without JavaScript the buttons could do nothing', () => {
    expect(renderToString(<ThemeChoice />)).toBe('')
  })

  it('is a labelled group of three toggle buttons, "System" pressed when nothing is stored', () => {
    render(<ThemeChoice />)
    const group = screen.getByRole('group', { name: 'Theme' })
    const buttons = within(group).getAllByRole('button')
    expect(buttons.map((button) => [button.textContent, button.getAttribute('aria-pressed')])).toEqual([
      ['Light', 'false'],
      ['Dark', 'false'],
      ['System', 'true'],
    ])
  })

  it('shows and remembers a choice, and "System" forgets it', () => {
    render(<ThemeChoice />)
    fireEvent.click(screen.getByRole('button', { name: 'Dark' }))
    expect(html.dataset.theme).toBe('dark')
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe('dark')
    expect(screen.getByRole('button', { name: 'Dark' })).toHaveAttribute('aria-pressed', 'true')
    expect(screen.getByRole('button', { name: 'System' })).toHaveAttribute('aria-pressed', 'false')

    fireEvent.click(screen.getByRole('button', { name: 'System' }))
    expect(html.dataset.theme).toBeUndefined()
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBeNull()
    expect(screen.getByRole('button', { name: 'System' })).toHaveAttribute('aria-pressed', 'true')
  })

  it('starts from the stored choice, and follows a choice made in another tab', () => {
    localStorage.setItem(THEME_STORAGE_KEY, 'light')
    render(<ThemeChoice />)
    expect(screen.getByRole('button', { name: 'Light' })).toHaveAttribute('aria-pressed', 'true')
    localStorage.setItem(THEME_STORAGE_KEY, 'dark')
    fireEvent(window, new StorageEvent('storage', { key: THEME_STORAGE_KEY }))
    expect(html.dataset.theme).toBe('dark')
    expect(screen.getByRole('button', { name: 'Dark' })).toHaveAttribute('aria-pressed', 'true')
  })
})
