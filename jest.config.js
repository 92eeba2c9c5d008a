// Unit and component tests. Browser tests have their own config: tests/e2e/jest.config.js.
const nextJest = require('next/jest.js')

const createJestConfig = nextJest({ dir: './' })

// ESM-only packages that Jest must transform.
const ESM_PACKAGES = ['next-sanity', '@sanity', '@portabletext', 'groq', 'groq-js', 'nanoid', 'get-it', 'rxjs', 'feed', 'lodash-es']

module.exports = async () => {
  const config = await createJestConfig({
    testEnvironment: 'node',
    setupFilesAfterEnv: ['<rootDir>/tests/setup.ts'],
    testMatch: ['<rootDir>/tests/{unit,components}/**/*.test.{ts,tsx}'],
    moduleNameMapper: { '^@/(.*)$': '<rootDir>/$1' },
  })()
  config.transformIgnorePatterns = [`/node_modules/(?!(${ESM_PACKAGES.join('|')})/)`]
  return config
}
