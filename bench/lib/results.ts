import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { machine, type Machine } from './machine';

export const RESULTS_DIR = path.resolve(__dirname, '..', 'results');

export interface ResultBody {
  description?: string;
  /** Every measured scenario, baselines included. */
  scenarios: unknown[];
  /** The baselines measured in the same run, by name. */
  baselines: Record<string, unknown>;
  /** Scenario figure ÷ baseline figure, by scenario then baseline. */
  ratios: Record<string, Record<string, number | null>>;
  [key: string]: unknown;
}

/**
 * Writes bench/results/<name>.json (pretty JSON) with the machine (pass the one taken when the
 * benchmark started; its load average is completed with the one at the end) and the time, and
 * returns the file's path.
 */
export function writeResult(name: string, body: ResultBody, options: { machine?: Machine } = {}): string {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) throw new Error(`bad result name: ${name}`);
  const file = path.join(RESULTS_DIR, `${name}.json`);
  const { description, ...rest } = body;
  const loadAverageAtEnd = os.loadavg().map((n) => Math.round(n * 100) / 100);
  const document = {
    name,
    description,
    timestamp: new Date().toISOString(),
    machine: { ...(options.machine ?? machine()), loadAverageAtEnd },
    ...rest,
  };
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(file, `${JSON.stringify(document, null, 2)}\n`);
  return file;
}
