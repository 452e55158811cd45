// autocannon 8 ships no type declarations: the part of its programmatic API that bench/lib/load.ts uses.
declare module 'autocannon' {
  namespace autocannon {
    interface Options {
      url: string;
      method?: string;
      headers?: Record<string, string>;
      body?: string;
      connections?: number;
      pipelining?: number;
      /** Seconds. */
      duration?: number;
      /** Seconds before a request counts as timed out. */
      timeout?: number;
      /** Worker threads that generate the load (0: the calling thread). */
      workers?: number;
      /** A response whose body differs counts as a mismatch. */
      expectBody?: string;
      /** Requests per second across all connections (a steady rate instead of as fast as possible). */
      overallRate?: number;
      /** Stop after this many requests instead of after `duration`. */
      amount?: number;
      /** Request templates; with `workers`, `setupRequest` is the path of a module exporting the function. */
      requests?: Array<{ setupRequest?: string }>;
      /** With `workers`, the path of a module exporting (body) => boolean; false counts as a mismatch. */
      verifyBody?: string;
    }
    interface Histogram {
      average: number;
      mean: number;
      stddev: number;
      min: number;
      max: number;
      total: number;
      p1: number;
      p2_5: number;
      p50: number;
      p90: number;
      p97_5: number;
      p99: number;
      p99_9: number;
      totalCount?: number;
      sent?: number;
    }
    interface Result {
      url: string;
      connections: number;
      /** Seconds. */
      duration: number;
      errors: number;
      timeouts: number;
      mismatches: number;
      non2xx: number;
      resets: number;
      '2xx': number;
      statusCodeStats: Record<string, { count: number }>;
      /** Milliseconds. */
      latency: Histogram;
      /** Per-second samples. */
      requests: Histogram;
      /** Bytes per second samples. */
      throughput: Histogram;
    }
  }
  function autocannon(options: autocannon.Options): Promise<autocannon.Result>;
  export = autocannon;
}
