import { detached } from '../../shared/transactions.js';

/**
 * Group commit for durable writes: the items asked for during one turn of the event loop are written
 * together by `writeMany` (one transaction, one fsync) at the end of that turn, and each caller's
 * Promise settles only after that commit. Under load the batches grow by themselves (everything that
 * arrived while the last fsync blocked goes in the next one); when idle an item waits for no timer.
 * If the batch fails, each item is written alone by `writeOne`, so one bad item fails only itself.
 * Either writer may answer now (SQLite) or with a Promise (an asynchronous store).
 */
export function createGroupCommit<I, O>(writeMany: (items: I[]) => O[] | Promise<O[]>, writeOne: (item: I) => O | Promise<O>) {
  let pending: Array<{ item: I; resolve(o: O): void; reject(e: unknown): void }> = [];

  async function flush(): Promise<void> {
    const batch = pending;
    pending = [];
    let out: O[] | undefined;
    try {
      out = await writeMany(batch.map((b) => b.item));
    } catch {
      out = undefined;
    }
    for (const [i, b] of batch.entries()) {
      if (out) {
        b.resolve(out[i]!);
        continue;
      }
      try {
        b.resolve(await writeOne(b.item));
      } catch (e) {
        b.reject(e);
      }
    }
  }

  return (item: I): Promise<O> =>
    new Promise<O>((resolve, reject) => {
      // Detached: the batch is written at the store's turn, never inside a caller's transaction.
      if (pending.length === 0) detached(() => setImmediate(() => void flush()));
      pending.push({ item, resolve, reject });
    });
}

/**
 * A write that is group-committed when called outside a transaction (the items asked for in one turn go
 * in one statement, and each caller's Promise settles after its commit), and runs alone, inside the
 * transaction, when called in one (it must commit or roll back with it). A turn's single item goes
 * through `writeOne` too.
 */
export function groupedOutsideTransactions<I, O>(inTransaction: () => boolean, writeMany: (items: I[]) => Promise<O[]>, writeOne: (item: I) => Promise<O>) {
  const many = async (items: I[]): Promise<O[]> => (items.length === 1 ? [await writeOne(items[0]!)] : writeMany(items));
  const grouped = createGroupCommit(many, writeOne);
  return (item: I): Promise<O> => (inTransaction() ? writeOne(item) : grouped(item));
}
