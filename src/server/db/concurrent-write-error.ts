// The store's signal that an optimistic guard was lost: another writer changed the row between our
// read and our write. transact() re-runs the unit of work on it; any writer may throw it.
export class ConcurrentWriteError extends Error {
  constructor(what: string) {
    super(`${what} changed while this action ran`);
    this.name = "ConcurrentWriteError";
  }
}
