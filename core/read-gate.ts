/**
 * Reads see only durable state, as SQLite's WAL readers do: a commit is applied to memory at once
 * (the next writer must see it: its numbers, its duplicate checks), so a request that only reads
 * and arrives while commits are in flight waits until they have settled, then reads. Meanwhile new
 * writers wait at the door, so that a reader among writers that never stop still gets a moment
 * with nothing in flight (after at most one group commit), and writers wait at most that long.
 *
 * With nothing in flight (always, for the memory store) a read costs one call and no promise.
 * After the read, anything applied while it ran (a writer already past the door) is waited for:
 * if it is undone, the read may have seen it, and it fails with the store's error (a 503 the
 * client retries) rather than answer something that never existed.
 */
export interface DurableSource {
  durable(): Promise<void> | undefined;
}

export interface ReadGate {
  /** Runs `read` once nothing is in flight; its result once all it may have seen is durable. */
  read<T>(read: () => T | Promise<T>): T | Promise<T>;
  /** For a writer: a promise while readers are waiting for their turn, else undefined. */
  door(): Promise<void> | undefined;
}

export function createReadGate(source: DurableSource): ReadGate {
  let waiting = 0;
  let door: { promise: Promise<void>; open: () => void } | undefined;

  const afterwards = <T>(value: T): T | Promise<T> => {
    const late = source.durable();
    return late ? late.then(() => value) : value;
  };
  const settle = async () => {
    for (let pending = source.durable(); pending; pending = source.durable()) await pending.catch(() => {});
  };

  return {
    read<T>(read: () => T | Promise<T>): T | Promise<T> {
      if (!source.durable()) {
        const value = read();
        return value instanceof Promise ? value.then(afterwards) : afterwards(value);
      }
      waiting += 1;
      if (!door) {
        let open!: () => void;
        door = { promise: new Promise<void>((resolve) => (open = resolve)), open };
      }
      const leave = () => {
        waiting -= 1;
        if (waiting === 0 && door) {
          door.open();
          door = undefined;
        }
      };
      return (async () => {
        let started: T | Promise<T>;
        try {
          await settle();
          started = read();
        } finally {
          // Writers wait for the start of the read, not its end: a read that lasts (a long answer)
          // holds no writer; what they apply meanwhile is waited for after it.
          leave();
        }
        return afterwards(await started);
      })();
    },
    door: () => door?.promise,
  };
}
