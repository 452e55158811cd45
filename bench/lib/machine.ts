import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';

export interface Machine {
  cpuModel: string;
  cpuCount: number;
  cpuMHz: number;
  totalMemoryGiB: number;
  node: string;
  platform: string;
  arch: string;
  osRelease: string;
  /** 1-, 5- and 15-minute load averages when the benchmark started: a busy box gives lower, noisier figures. */
  loadAverage: number[];
  /** `git rev-parse HEAD`, or null outside a git checkout. */
  gitCommit: string | null;
  /** Whether the working tree had uncommitted changes (the figures may then not be the commit's). */
  gitDirty: boolean | null;
}

const repoRoot = path.resolve(__dirname, '..', '..');

function git(args: string[]): string | null {
  try {
    return execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000 }).trim();
  } catch {
    return null;
  }
}

/** What the figures were measured on. */
export function machine(): Machine {
  const cpus = os.cpus();
  const status = git(['status', '--porcelain']);
  return {
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cpuCount: cpus.length,
    cpuMHz: cpus[0]?.speed ?? 0,
    totalMemoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: process.platform,
    arch: process.arch,
    osRelease: os.release(),
    loadAverage: os.loadavg().map((n) => Math.round(n * 100) / 100),
    gitCommit: git(['rev-parse', 'HEAD']),
    gitDirty: status === null ? null : status.length > 0,
  };
}
