/**
 * Jest's own order (failed first, then longest first by the last run's times) with one change for a
 * run without those times, such as a fresh clone: jest then orders by file size, which puts the
 * browser tests, the longest by far, among the last, and one worker runs them alone at the end.
 * Here files without a time start with the browser tests.
 */
import Sequencer from '@jest/test-sequencer';

class BrowserTestsFirst extends Sequencer {
  sort(tests) {
    const sorted = super.sort(tests);
    const untimed = sorted.filter((test) => test.duration == null);
    const timed = sorted.filter((test) => test.duration != null);
    const browser = (test) => /[\\/]e2e[\\/]/.test(test.path);
    return [...untimed.filter(browser), ...untimed.filter((test) => !browser(test)), ...timed];
  }
}

export default BrowserTestsFirst;
