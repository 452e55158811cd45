import type { MeasureOptions } from './scenarios';

function positive(name: string, fallback: number, { integer = false } = {}): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || (integer && !Number.isInteger(value)))
    throw new Error(`${name} must be a ${integer ? 'whole ' : ''}number ≥ 0, not ${raw}`);
  return value;
}

/**
 * A benchmark's load settings, overridable from the environment for a quick look or a longer,
 * steadier run: BENCH_CONNECTIONS, BENCH_DURATION (seconds per scenario per round), BENCH_ROUNDS,
 * BENCH_WARMUP (seconds).
 */
export function loadSettings(defaults: Omit<MeasureOptions, 'log'>): Omit<MeasureOptions, 'log'> {
  const settings = {
    connections: positive('BENCH_CONNECTIONS', defaults.connections, { integer: true }),
    durationSeconds: positive('BENCH_DURATION', defaults.durationSeconds, { integer: true }),
    rounds: positive('BENCH_ROUNDS', defaults.rounds, { integer: true }),
    warmupSeconds: positive('BENCH_WARMUP', defaults.warmupSeconds, { integer: true }),
  };
  if (settings.connections < 1 || settings.durationSeconds < 1 || settings.rounds < 1)
    throw new Error('BENCH_CONNECTIONS, BENCH_DURATION and BENCH_ROUNDS must be at least 1');
  return settings;
}
