// WRONG (edge case): evicts before checking, so it only looks at the previous windowSize - 1 calls: an
// id seen exactly windowSize calls ago is wrongly treated as new.
class StreamDeduplicator {
  private readonly recent: number[] = [];
  private readonly counts = new Map<number, number>();

  constructor(private readonly windowSize: number) {}

  isDuplicate(eventId: number): boolean {
    if (this.recent.length === this.windowSize) {
      const oldest = this.recent.shift() as number;
      const left = (this.counts.get(oldest) ?? 0) - 1;
      if (left === 0) this.counts.delete(oldest);
      else this.counts.set(oldest, left);
    }
    const duplicate = this.counts.has(eventId);
    this.recent.push(eventId);
    this.counts.set(eventId, (this.counts.get(eventId) ?? 0) + 1);
    return duplicate;
  }
}
