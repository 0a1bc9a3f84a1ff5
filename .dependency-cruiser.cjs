// dependency-cruiser rules behind the `dependencies` step of `npm run lint` (scripts/lint/dependency-cruiser.ts
// passes the folders it cruises: server/src, client/src, scripts, generated). Imports only point down:
// wiring (index.ts, app.ts, routes/, http/, env.ts) on top, the Durable Object shell and its stores
// (durable/) below it, the pure rules and pipelines at the bottom, @bookstrack/generated under all.
// Paths are relative to the folder the tool runs in: the repo, or a fixture tree laid out like it.

/** Pure modules: rules and pipelines that take clock, randomness and I/O as arguments. */
const PURE = '^server/src/(jobs|pipelines|books|providers|vision)/';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment:
        'A module in a cycle cannot be read, tested or loaded without all the others, and the layers above ' +
        'stop being above. Type-only edges count: they tie a pure module to the shell just as hard.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'pure-not-to-shell',
      comment:
        'Rules and pipelines are tested without a Workers runtime; importing even a type from durable/ ' +
        'binds them to storage rows and stubs that change with the shell. A shared type lives in the ' +
        'pure folder and the shell imports it from there.',
      severity: 'error',
      from: { path: PURE },
      to: { path: '^server/src/durable/' },
    },
    {
      name: 'pure-not-to-wiring',
      comment:
        'Env bindings, the Hono app, routes and middleware sit on top. A pure module that names Env or a ' +
        'request context cannot run outside the Worker; it takes the values it needs as arguments.',
      severity: 'error',
      from: { path: PURE },
      to: { path: '^server/src/(routes/|http/|env\\.ts$|app\\.ts$|index\\.ts$)' },
    },
    {
      name: 'shell-not-to-wiring',
      comment:
        'index.ts and app.ts wire the Durable Object classes in and routes call them; a shell module that ' +
        'imports them back loads the whole Hono app into the object. env.ts names the classes for its ' +
        'bindings, so the shell reads WorkerVars (vars.ts) instead, and the edge (http/) sits above it.',
      severity: 'error',
      from: { path: '^server/src/durable/' },
      to: { path: '^server/src/(routes/|http/(?!rate-limit-window\\.ts$)|app\\.ts$|index\\.ts$|env\\.ts$)' },
    },
    {
      name: 'generated-not-to-source',
      comment: 'generated/ comes from spec/ alone and sits under every workspace; it imports none of them.',
      severity: 'error',
      from: { path: '^generated/' },
      to: { path: '^(server|client|scripts)/' },
    },
    {
      name: 'not-to-unresolvable',
      comment:
        'An import the tool cannot resolve is an edge no other rule can see; failing on it keeps a resolver ' +
        'setting that stops working from turning every rule above into a silent pass.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    // Packages are leaves here; their own imports are not this repo's layering.
    doNotFollow: { path: 'node_modules' },
    // The lint fixtures break these rules on purpose; the step's test cruises them on their own.
    exclude: { path: '^scripts/lint/fixtures/' },
    // `import type` and type-only specifiers vanish when TypeScript compiles, but a pure module that
    // imports a type from the shell still depends on it: keep them as edges.
    tsPreCompilationDeps: true,
    // `cloudflare:workers` is provided by the Workers runtime, not by a package.
    builtInModules: { add: ['cloudflare:workers'] },
    // Subpath imports such as hono/factory and csv-parse/sync resolve only through package.json
    // `exports`, as they do for TypeScript's Bundler resolution and for wrangler; the workspace
    // package @bookstrack/generated (a node_modules symlink) maps `./*` to `./*.ts` there too.
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
  },
};
