/**
 * One queue for every operation that talks to Excel: live runs, the pane's actions, status reads. Two
 * operations never interleave their requests, so a live run cannot read the state sheet while an action
 * rewrites it, nor mark cells that a conversion is moving. (Another instance of the add-in, in another
 * window, is not in this queue: its writes bump nothing here, and its state sheet rows are read afresh by
 * every full run.)
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();
  /** Operations waiting or running. */
  pending = 0;

  /** Run `f` after everything queued before it, whether that succeeded or failed. */
  run<T>(f: () => Promise<T>): Promise<T> {
    this.pending++;
    const next = this.tail.then(f, f).finally(() => this.pending--);
    this.tail = next.catch(() => undefined);
    return next;
  }
}
