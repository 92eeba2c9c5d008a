// Browser (end-to-end) tests: headless Chromium, axe-core and the Nu Html Checker against
// the production build in .next-e2e. Run with `npm run test:e2e` (builds first).
const path = require('node:path')
const nextJest = require('next/jest.js')

const rootDir = path.resolve(__dirname, '..', '..')
const createJestConfig = nextJest({ dir: rootDir })

module.exports = createJestConfig({
  rootDir,
  displayName: 'e2e',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/tests/e2e/**/*.e2e.ts'],
  testPathIgnorePatterns: ['/.next-e2e/'],
  modulePathIgnorePatterns: ['<rootDir>/.next-e2e/', '<rootDir>/.next/'],
  moduleNameMapper: { '^@/(.*)$': '<rootDir>/$1' },
  globalSetup: '<rootDir>/tests/e2e/support/global-setup.ts',
  globalTeardown: '<rootDir>/tests/e2e/support/global-teardown.ts',
  testTimeout: 60000,
  maxWorkers: 1,
})
