/**
 * `npm run bench`: runs every benchmark of ppkit in turn (or those named on the command line:
 * `npm run bench -- expressions engine`). Each module measures a hot path against a named baseline.
 */
interface BenchModule {
  name: string;
  load(): Promise<{ run(): Promise<void> }>;
}

/** One line per benchmark module. */
const benches: BenchModule[] = [
  { name: 'connector-build', load: () => import('./connector-build.js') },
  { name: 'connector-validate', load: () => import('./connector-validate.js') },
  { name: 'mocks-o365', load: () => import('./mocks-o365.js') },
  { name: 'mocks-dataverse', load: () => import('./mocks-dataverse.js') },
  { name: 'solution', load: () => import('./solution.js') },
  { name: 'engine', load: () => import('./engine.js') },
  { name: 'flows', load: () => import('./flows.js') },
  { name: 'expressions', load: () => import('./expressions.js') },
  { name: 'simulate', load: () => import('./simulate.js') },
];

const wanted = process.argv.slice(2);
for (const bench of benches) {
  if (wanted.length > 0 && !wanted.includes(bench.name)) continue;
  console.log(`\n== ${bench.name} ==`);
  const module = await bench.load();
  await module.run();
}
