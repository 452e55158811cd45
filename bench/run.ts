/**
 * Runs the benchmarks in bench/benchmarks/ one after another, each in its own Node process (so one
 * benchmark's leftovers cannot slow or hang the next): all of them, or those named on the command
 * line (`npm run bench -- api-read`).
 *
 * A benchmark file default-exports `async () => void`: it prints its table and writes
 * bench/results/<name>.json. It fails by throwing or by setting process.exitCode.
 */
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

const BENCHMARKS_DIR = path.join(__dirname, 'benchmarks');
/**
 * A benchmark that has not finished by then is killed. Most take a minute or two; the soak runs
 * for BENCH_SOAK_SECONDS (10 minutes) plus its set-up. BENCH_TIMEOUT_SECONDS changes it.
 */
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_SECONDS ?? 20 * 60) * 1000;
/** The tests' tsconfig (decorators with metadata), whatever directory the runner is started from. */
const TSCONFIG = path.resolve(__dirname, '..', 'tests', 'tsconfig.json');

function available(): string[] {
  return readdirSync(BENCHMARKS_DIR)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .map((f) => f.slice(0, -3))
    .sort();
}

/** The server needs legacy decorators with metadata: check the loader compiles them (SWC_NODE_PROJECT). */
function checkDecorators(): void {
  let assertDecoratorMetadata: () => void;
  try {
    ({ assertDecoratorMetadata } = require('./lib/decorators') as typeof import('./lib/decorators'));
  } catch (err) {
    throw new Error(
      `the TypeScript loader cannot compile decorators; is SWC_NODE_PROJECT (${process.env.SWC_NODE_PROJECT}) the tests' tsconfig.json? ${(err as Error).message}`,
      { cause: err },
    );
  }
  assertDecoratorMetadata();
}

async function runChild(file: string): Promise<void> {
  checkDecorators();
  const mod = require(file) as { default?: unknown };
  const main = mod.default;
  if (typeof main !== 'function') throw new Error(`${file} must default-export an async function`);
  await (main as () => Promise<void>)();
}

function spawnBenchmark(name: string): Promise<{ code: number; seconds: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...process.execArgv, __filename, '--child', path.join(BENCHMARKS_DIR, `${name}.ts`)], {
      stdio: 'inherit',
      // NODE_ENV=production as the server runs in production: graphql-js, for one, checks every
      // instanceof twice in development mode (about 5 % of a submission's CPU). The app's own
      // configuration comes from loadConfig's explicit argument in tests/helpers/app.ts.
      env: { ...process.env, NODE_ENV: 'production', SWC_NODE_PROJECT: process.env.SWC_NODE_PROJECT ?? TSCONFIG },
    });
    const timer = setTimeout(() => {
      process.stderr.write(`\n[bench] ${name} did not finish within ${TIMEOUT_MS / 1000} s: stopping it.\n`);
      child.kill('SIGKILL');
    }, TIMEOUT_MS);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? (signal ? 1 : 0), seconds: Math.round((Date.now() - started) / 100) / 10 });
    });
  });
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--child') {
    try {
      await runChild(args[1]);
    } catch (err) {
      process.stderr.write(`\n[bench] ${path.basename(args[1], '.ts')} failed: ${(err as Error).stack ?? err}\n`);
      process.exitCode = 1;
    }
    // Leftover handles (pools, sockets) must not keep a finished benchmark alive.
    process.exit(process.exitCode ?? 0);
  }

  const all = available();
  const wanted = args.filter((a) => !a.startsWith('-')).map((a) => path.basename(a).replace(/\.ts$/, ''));
  const unknown = wanted.filter((w) => !all.includes(w));
  if (unknown.length) {
    process.stderr.write(`[bench] no such benchmark: ${unknown.join(', ')}. Available: ${all.join(', ')}\n`);
    process.exit(2);
  }
  const selected = wanted.length ? all.filter((n) => wanted.includes(n)) : all;

  const outcomes: Array<{ name: string; code: number; seconds: number }> = [];
  for (const name of selected) {
    process.stdout.write(`\n=== ${name} ===\n`);
    outcomes.push({ name, ...(await spawnBenchmark(name)) });
  }
  process.stdout.write('\n');
  for (const o of outcomes) {
    process.stdout.write(
      `[bench] ${o.name}: ${o.code === 0 ? 'ok' : `FAILED (exit ${o.code})`} in ${o.seconds} s${o.code === 0 ? ` → bench/results/${o.name}.json` : ''}\n`,
    );
  }
  if (outcomes.some((o) => o.code !== 0)) process.exitCode = 1;
}

main().catch((err) => {
  process.stderr.write(`[bench] ${(err as Error).stack ?? err}\n`);
  process.exit(1);
});
