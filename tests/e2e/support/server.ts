// Where the production server under test listens. Shared by global setup and the tests.
export const E2E_PORT = Number(process.env.E2E_PORT || 3100)
export const E2E_HOST = '127.0.0.1'
export const DIST_DIR = '.next-e2e'

export function baseUrl(): string {
  return process.env.E2E_BASE_URL || `http://${E2E_HOST}:${E2E_PORT}`
}

/** Absolute URL for a site path such as `/sections/world`. */
export function url(path: string): string {
  return new URL(path, baseUrl()).toString()
}
