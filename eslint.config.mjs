// Lint for the whole tree, at zero warnings (`npm run lint`, part of `npm test`): Next's rules
// (core web vitals) and typescript-eslint's, and the layers of the code made executable
// (docs/architecture.md): sanity/ → lib/content → app/ → components/.
import nextVitals from 'eslint-config-next/core-web-vitals'
import nextTypescript from 'eslint-config-next/typescript'

/** What only the content layer may touch: the sources, their clients and GROQ. */
const CONTENT_INTERNALS = {
  group: ['@/lib/content/*', '!@/lib/content/unavailable'],
  message: 'Use the content API, `@/lib/content` (its index): pages and components never see a source, a client or GROQ.',
}
const CLIENTS = [
  { name: 'next-sanity', message: 'Clients and GROQ belong to lib/content.' },
  { name: '@sanity/client', message: 'Clients belong to lib/content.' },
  { name: 'groq-js', message: 'GROQ is evaluated in lib/content/sources.' },
  { name: 'groq', message: 'Queries live in lib/content/queries.ts.' },
]

const config = [
  { ignores: ['.next*/**', 'node_modules/**', 'bench/.data/**', 'tests/e2e/.artifacts/**', 'sanity/types.ts', 'next-env.d.ts'] },
  ...nextVitals,
  ...nextTypescript,
  {
    rules: {
      // A leading underscore names what is left out on purpose (`const { secret: _secret, ...rest } = …`).
      '@typescript-eslint/no-unused-vars': [
        'warn',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ['app/**'],
    rules: { 'no-restricted-imports': ['error', { paths: CLIENTS, patterns: [CONTENT_INTERNALS] }] },
  },
  {
    files: ['components/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: CLIENTS,
          patterns: [CONTENT_INTERNALS, { group: ['@/app/*'], message: 'Components are presentational: they take props, and import nothing of the routes.' }],
        },
      ],
    },
  },
  {
    files: ['lib/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@/app/*', '@/components/*'], message: 'lib/ is below the routes and components: it never imports them.' }] },
      ],
    },
  },
  {
    // The demo's stories are data modules: each default-exports its list.
    files: ['sanity/demo/content/**'],
    rules: { 'import/no-anonymous-default-export': 'off' },
  },
  {
    // Node's own configuration files are CommonJS.
    files: ['**/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Tests and benchmarks are not React: helpers named use…() set up a test file's hooks.
    files: ['tests/**', 'bench/**', 'scripts/**'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
]

export default config
