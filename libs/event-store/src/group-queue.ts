// Work that arrives while a group is under way waits and goes together in the next group, one
// group at a time: concurrent callers share one round trip (group commit of appends, coalesced
// reads, batched id reservations). A caller is never answered by a group sent before it asked.
export class GroupQueue<I, R> {
  private queue: { item: I; resolve: (result: R) => void; reject: (error: unknown) => void }[] = [];
  private running = false;

  /**
   * `run` answers a group item by item, in order: a result, or an Error for that item alone; if
   * it throws, every item of the group fails with that error.
   */
  constructor(
    private readonly run: (items: I[]) => Promise<(R | Error)[]>,
    private readonly maxGroup = Number.POSITIVE_INFINITY,
  ) {}

  submit(item: I): Promise<R> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      void this.drain();
    });
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (this.queue.length > 0) {
        const group = this.queue.splice(0, this.maxGroup);
        try {
          const outcomes = await this.run(group.map((g) => g.item));
          group.forEach((g, i) => {
            const outcome = outcomes[i];
            if (outcome instanceof Error) g.reject(outcome);
            else g.resolve(outcome);
          });
        } catch (error) {
          for (const g of group) g.reject(error);
        }
      }
    } finally {
      this.running = false;
    }
  }
}
