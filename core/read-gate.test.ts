import { describe, expect, it } from 'vitest';
import { createReadGate } from './read-gate.js';

/** A source of in-flight commits the test settles by hand. */
function source() {
  const flights: { promise: Promise<void>; resolve: () => void; reject: (e: unknown) => void }[] = [];
  return {
    durable: () => flights.at(-1)?.promise,
    start() {
      let resolve!: () => void;
      let reject!: (e: unknown) => void;
      const promise = new Promise<void>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      promise.catch(() => {});
      const flight = { promise, resolve, reject };
      flights.push(flight);
      return {
        durable: () => {
          flights.splice(flights.indexOf(flight), 1);
          resolve();
        },
        undone: (error: unknown) => {
          flights.splice(flights.indexOf(flight), 1);
          reject(error);
        },
      };
    },
  };
}

describe('the read gate', () => {
  it('with nothing in flight, reads at once and answers the value itself (no promise, no door)', () => {
    const gate = createReadGate(source());
    expect(gate.read(() => 42)).toBe(42);
    expect(gate.door()).toBeUndefined();
  });

  it('with a commit in flight, reads after it settles and holds new writers at the door until then', async () => {
    const s = source();
    const gate = createReadGate(s);
    const flight = s.start();
    let readAt = 0;
    let step = 0;
    const read = gate.read(() => (readAt = ++step));
    const door = gate.door();
    expect(door).toBeInstanceOf(Promise);
    let entered = 0;
    void door!.then(() => (entered = ++step));
    await new Promise((resolve) => setImmediate(resolve));
    expect(readAt).toBe(0);
    flight.durable();
    expect(await read).toBe(1);
    await door;
    expect(entered).toBe(2);
    expect(gate.door()).toBeUndefined();
  });

  it('a read during which a commit is applied answers once it is durable, and fails if it is undone', async () => {
    const s = source();
    const gate = createReadGate(s);
    let late: ReturnType<typeof s.start> | undefined;
    const read = gate.read(() => {
      late = s.start(); // a writer past the door commits while the read runs
      return 'seen';
    });
    expect(read).toBeInstanceOf(Promise);
    const refusal = new Error('undone');
    late!.undone(refusal);
    await expect(read).rejects.toBe(refusal);
    let again: ReturnType<typeof s.start> | undefined;
    const ok = gate.read(() => {
      again = s.start();
      return 'seen';
    });
    again!.durable();
    expect(await ok).toBe('seen');
  });
});
