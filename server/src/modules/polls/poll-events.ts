import { EventEmitter } from 'node:events';

/** In-process notifications that a poll received a response (live results subscribe to them). */
export class PollEvents {
  private readonly emitter = new EventEmitter().setMaxListeners(0);

  responseAccepted(pollId: string): void {
    this.emitter.emit('response', pollId);
  }

  onResponse(listener: (pollId: string) => void): () => void {
    this.emitter.on('response', listener);
    return () => this.emitter.off('response', listener);
  }
}
