import { load, type LoadResult } from './load';

export interface Scenario {
  name: string;
  description: string;
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** A string is sent as is; anything else as JSON. */
  body?: unknown;
  /**
   * Checks one response before the load starts (throw to stop the benchmark). That response's
   * body then becomes the expected body: any other answer under load counts as a mismatch.
   */
  check?(status: number, body: string): void;
  /** Concurrent connections for this scenario, when not the run's (e.g. a baseline at its best concurrency). */
  connections?: number;
  /** Seconds of load per round for this scenario, when not the run's (a scenario whose bodies are costly to make). */
  durationSeconds?: number;
  /**
   * For a scenario whose every request must differ: a JSON-lines file of unused bodies for a run
   * of about `seconds` (see LoadOptions.bodiesFile). The run then sends exactly those (autocannon's
   * `amount`) and ends when they are spent; `body` is only the probe's.
   */
  bodiesFor?(seconds: number): Promise<{ file: string; count: number }>;
  /** Called with each timed run's result (e.g. to size the next run's bodies). */
  onResult?(result: LoadResult): void;
}

export interface MeasureOptions {
  connections: number;
  /** Seconds of load per scenario per round. */
  durationSeconds: number;
  /** Rounds; each runs every scenario once, in a rotated order, so drift hits all of them alike. */
  rounds: number;
  /** Seconds of unrecorded load per scenario before the first round (JIT, caches, pools). */
  warmupSeconds: number;
  log?(line: string): void;
}

export interface Measured {
  name: string;
  description: string;
  /** What was sent (the URL's path only: the port changes every run). */
  request: { method: string; path: string; body?: unknown };
  /** Mean over the rounds. */
  requestsPerSecond: number;
  /** Lowest and highest round: how noisy the figure was. */
  requestsPerSecondRange: [number, number];
  /** Mean of the rounds' percentiles, milliseconds. */
  latencyMs: { p50: number; p90: number; p99: number };
  /** Summed over the rounds. */
  errors: number;
  non2xx: number;
  mismatches: number;
  total: number;
  rounds: LoadResult[];
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

/** Sends one request and returns its status and body. */
async function probe(scenario: Scenario): Promise<{ status: number; body: string }> {
  const body = scenario.body === undefined || typeof scenario.body === 'string' ? scenario.body : JSON.stringify(scenario.body);
  const res = await fetch(scenario.url, { method: scenario.method ?? 'POST', headers: scenario.headers, body });
  return { status: res.status, body: await res.text() };
}

/** Checks every scenario answers as expected, warms them up, then measures them in interleaved rounds. */
export async function measure(scenarios: Scenario[], options: MeasureOptions): Promise<Measured[]> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const expected = new Map<string, string>();
  for (const s of scenarios) {
    const { status, body } = await probe(s);
    try {
      s.check?.(status, body);
    } catch (err) {
      throw new Error(`scenario ${s.name}: unexpected answer (HTTP ${status}): ${(err as Error).message}\n${body.slice(0, 500)}`, {
        cause: err,
      });
    }
    expected.set(s.name, body);
  }
  const run = async (s: Scenario, seconds: number) => {
    const durationSeconds = s.durationSeconds ? Math.min(seconds, s.durationSeconds) : seconds;
    const bodies = s.bodiesFor ? await s.bodiesFor(durationSeconds) : undefined;
    const result = await load(s.url, {
      method: s.method ?? 'POST',
      headers: s.headers,
      body: s.body,
      connections: s.connections ?? options.connections,
      durationSeconds,
      expectBody: expected.get(s.name),
      bodiesFile: bodies?.file,
      amount: bodies?.count,
    });
    s.onResult?.(result);
    return result;
  };

  if (options.warmupSeconds > 0) {
    for (const s of scenarios) {
      log(`  warm-up ${s.name} (${options.warmupSeconds} s)`);
      await run(s, options.warmupSeconds);
    }
  }
  const results = new Map<string, LoadResult[]>(scenarios.map((s) => [s.name, []]));
  for (let r = 0; r < options.rounds; r++) {
    for (let i = 0; i < scenarios.length; i++) {
      const s = scenarios[(i + r) % scenarios.length];
      const result = await run(s, options.durationSeconds);
      results.get(s.name)!.push(result);
      const problems = result.errors + result.non2xx + result.mismatches;
      log(
        `  round ${r + 1}/${options.rounds} ${s.name.padEnd(18)} ${String(Math.round(result.requestsPerSecond)).padStart(6)} req/s  p99 ${result.latencyMs.p99} ms${problems ? `  (${result.errors} errors, ${result.non2xx} non-2xx, ${result.mismatches} mismatches)` : ''}`,
      );
    }
  }

  return scenarios.map((s) => {
    const rounds = results.get(s.name)!;
    const rps = rounds.map((x) => x.requestsPerSecond);
    return {
      name: s.name,
      description: s.description,
      request: { method: s.method ?? 'POST', path: new URL(s.url).pathname, body: s.body },
      requestsPerSecond: round(mean(rps), 1),
      requestsPerSecondRange: [Math.min(...rps), Math.max(...rps)],
      latencyMs: {
        p50: round(mean(rounds.map((x) => x.latencyMs.p50)), 2),
        p90: round(mean(rounds.map((x) => x.latencyMs.p90)), 2),
        p99: round(mean(rounds.map((x) => x.latencyMs.p99)), 2),
      },
      errors: rounds.reduce((a, x) => a + x.errors, 0),
      non2xx: rounds.reduce((a, x) => a + x.non2xx, 0),
      mismatches: rounds.reduce((a, x) => a + x.mismatches, 0),
      total: rounds.reduce((a, x) => a + x.total, 0),
      rounds,
    };
  });
}

/**
 * Throughput ratios: each scenario's mean req/s ÷ each baseline's mean req/s, by scenario then by
 * baseline (`baselines` maps a baseline's label to the name of the scenario that measured it).
 */
export function throughputRatios(measured: Measured[], baselines: Record<string, string>): Record<string, Record<string, number | null>> {
  const byName = new Map(measured.map((m) => [m.name, m]));
  const ratios: Record<string, Record<string, number | null>> = {};
  for (const m of measured) {
    ratios[m.name] = {};
    for (const [label, name] of Object.entries(baselines)) {
      const base = byName.get(name);
      if (!base) throw new Error(`baseline ${label}: no scenario named ${name}`);
      ratios[m.name][label] = base.requestsPerSecond > 0 ? round(m.requestsPerSecond / base.requestsPerSecond, 3) : null;
    }
  }
  return ratios;
}

/** Whether any scenario saw errors, non-2xx answers or unexpected bodies (its figures then mean little). */
export function problems(measured: Measured[]): string[] {
  return measured
    .filter((m) => m.errors + m.non2xx + m.mismatches > 0)
    .map((m) => `${m.name}: ${m.errors} errors, ${m.non2xx} non-2xx, ${m.mismatches} unexpected bodies`);
}
