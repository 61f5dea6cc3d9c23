/**
 * Module boundaries, checked by `npm run lint`.
 * - A bounded context (libs/<context>) uses another only through that library's public index.ts.
 * - Platform libraries (libs/platform/*) know no business context.
 * - Apps and the schema registry use libraries only through their index.ts.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-deep-import-across-libraries',
      severity: 'error',
      comment: 'Import another library only through its index.ts (@masar/<name>), never its inner files.',
      from: { path: '^libs/(platform/[^/]+|[^/]+)/' },
      to: {
        path: '^libs/',
        pathNot: ['^libs/$1/', '^libs/(platform/)?[^/]+/src/index\\.ts$'],
      },
    },
    {
      name: 'platform-imports-no-business-context',
      severity: 'error',
      comment: 'Platform libraries (config, database, queue, errors, logging, ...) must not depend on a business context.',
      from: { path: '^libs/platform/' },
      to: { path: '^libs/(?!platform/)' },
    },
    {
      name: 'apps-use-public-entry-points',
      severity: 'error',
      comment: 'Apps and the schema registry use a library only through its index.ts.',
      from: { path: '^(apps/(api|worker)|db)/' },
      to: { path: '^libs/', pathNot: '^libs/(platform/)?[^/]+/src/index\\.ts$' },
    },
    {
      name: 'no-circular-between-contexts',
      severity: 'error',
      comment: 'Two contexts that need each other are one context, or need a port.',
      from: { path: '^libs/' },
      to: { circular: true, viaOnly: { path: '^libs/[^/]+/src/index\\.ts$' } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['node_modules', 'dist', '^apps/web/'] },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.js', '.json'] },
  },
};
