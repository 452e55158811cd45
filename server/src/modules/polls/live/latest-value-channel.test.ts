import { LatestValueChannel } from './latest-value-channel';

describe('LatestValueChannel', () => {
  it('hands a waiting consumer the next value', async () => {
    const channel = new LatestValueChannel<number>();
    const next = channel.next();
    channel.push(1);
    await expect(next).resolves.toEqual({ value: 1, done: false });
  });

  it('keeps only the newest value for a consumer that is behind', async () => {
    const channel = new LatestValueChannel<number>();
    channel.push(1);
    channel.push(2);
    channel.push(3);
    await expect(channel.next()).resolves.toEqual({ value: 3, done: false });
    const pending = channel.next();
    channel.push(4);
    await expect(pending).resolves.toEqual({ value: 4, done: false });
  });

  it('settles a pending next() as done when the consumer returns, and runs onEnd once', async () => {
    const onEnd = jest.fn();
    const channel = new LatestValueChannel<number>(onEnd);
    const pending = channel.next();
    await channel.return();
    await expect(pending).resolves.toEqual({ value: undefined, done: true });
    channel.end();
    await channel.return();
    expect(onEnd).toHaveBeenCalledTimes(1);
    channel.push(5);
    await expect(channel.next()).resolves.toEqual({ value: undefined, done: true });
  });

  it('delivers a value still held before reporting the end', async () => {
    const channel = new LatestValueChannel<number>();
    channel.push(7);
    channel.end();
    await expect(channel.next()).resolves.toEqual({ value: 7, done: false });
    await expect(channel.next()).resolves.toEqual({ value: undefined, done: true });
  });

  it('works with for await', async () => {
    const channel = new LatestValueChannel<number>();
    const seen: number[] = [];
    const consumer = (async () => {
      for await (const v of channel) seen.push(v);
    })();
    channel.push(1);
    await new Promise((r) => setImmediate(r));
    channel.push(2);
    await new Promise((r) => setImmediate(r));
    channel.end();
    await consumer;
    expect(seen).toEqual([1, 2]);
  });
});
