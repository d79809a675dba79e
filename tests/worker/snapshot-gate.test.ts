import { describe, expect, it } from 'vitest';
import { createSnapshotGate, SNAPSHOT_INTERVAL_MS } from '../../src/worker/snapshot-gate';

/** A gate on a hand-moved clock that records what it sent and when it asked to be woken. */
function gateOn(options: { running?: boolean; canSend?: boolean } = {}) {
  const log = {
    time: 1000,
    running: options.running ?? false,
    sent: [] as number[],
    wakes: [] as number[],
  };
  const gate = createSnapshotGate({
    now: () => log.time,
    running: () => log.running,
    send: (now) => {
      if (options.canSend === false) return false;
      log.sent.push(now);
      return true;
    },
    wakeWithin: (ms) => log.wakes.push(ms),
  });
  return { gate, log };
}

describe('the snapshot gate', () => {
  it('a fresh gate has nothing to send: a request sends nothing and wakes nothing', () => {
    const stopped = gateOn();
    stopped.gate.request();
    expect(stopped.log.sent).toEqual([]);
    const running = gateOn({ running: true });
    running.gate.request();
    expect([running.log.sent, running.log.wakes]).toEqual([[], []]);
  });

  it('while running, a request with nothing new inside the 16 ms gap does not wake the loop', () => {
    const { gate, log } = gateOn({ running: true });
    gate.markAsked();
    gate.flush();
    log.time = 1010;
    gate.request();
    expect([log.sent, log.wakes]).toEqual([[1000], []]);
  });

  it('while running, a request exactly 16 ms after the last snapshot sends at once', () => {
    const { gate, log } = gateOn({ running: true });
    gate.markAsked();
    gate.flush();
    log.time = 1016;
    gate.markDirty();
    gate.request();
    expect(log.sent).toEqual([1000, 1016]);
    expect(log.wakes).toEqual([]);
  });

  it('sends only when the page asked and something changed', () => {
    const { gate, log } = gateOn();
    gate.flush();
    gate.markDirty();
    gate.flush();
    expect(log.sent).toEqual([]); // changed, but not asked
    gate.request();
    expect(log.sent).toEqual([1000]);
    log.time = 1100;
    gate.request();
    expect(log.sent).toEqual([1000]); // asked, but nothing changed since
    gate.markDirty();
    gate.flush();
    expect(log.sent).toEqual([1000, 1100]);
    expect(gate.asks()).toBe(2);
  });

  it('a new run counts as asked: the first snapshot goes out on the next flush', () => {
    const { gate, log } = gateOn();
    gate.markAsked();
    gate.flush();
    expect(log.sent).toEqual([1000]);
    expect(gate.asks()).toBe(0);
  });

  it('while running, snapshots are at least 16 ms apart; a request inside the gap wakes the loop at its end', () => {
    expect(SNAPSHOT_INTERVAL_MS).toBe(16);
    const { gate, log } = gateOn({ running: true });
    gate.markAsked();
    gate.flush();
    log.time = 1010;
    gate.markDirty();
    gate.request();
    // 10 ms after the last: wait the 6 ms left of the 16.
    expect(log.sent).toEqual([1000]);
    expect(log.wakes).toEqual([6]);
    log.time = 1015.5;
    gate.flush();
    expect(log.sent).toEqual([1000]);
    log.time = 1016;
    gate.flush();
    expect(log.sent).toEqual([1000, 1016]);
    // A request 16 ms or more after the last goes out at once.
    log.time = 1040;
    gate.markDirty();
    gate.request();
    expect(log.sent).toEqual([1000, 1016, 1040]);
    expect(log.wakes).toEqual([6]);
  });

  it('stopped, a request sends at once however recent the last snapshot', () => {
    const { gate, log } = gateOn();
    gate.markAsked();
    gate.flush();
    log.time = 1001;
    gate.markDirty();
    gate.request();
    expect(log.sent).toEqual([1000, 1001]);
  });

  it('unansweredSince: the last send while the page has not asked since; null before any or once it asks', () => {
    const { gate, log } = gateOn();
    expect(gate.unansweredSince()).toBeNull();
    gate.markAsked();
    gate.flush();
    expect(gate.unansweredSince()).toBe(1000);
    log.time = 1200;
    gate.request();
    expect(gate.unansweredSince()).toBeNull();
  });

  it('announce sends the end of a Play only to a page that asked during it', () => {
    const followed = gateOn();
    followed.gate.markAsked();
    followed.gate.flush();
    const before = followed.gate.asks();
    followed.log.time = 1100;
    followed.gate.request(); // asked during the Play, nothing new yet
    followed.gate.flush();
    followed.log.time = 1200;
    followed.gate.markDirty();
    followed.gate.flush(); // the request at 1100 left the page ready: the change goes out
    expect(followed.log.sent).toEqual([1000, 1200]);
    followed.log.time = 1300;
    followed.gate.markDirty();
    followed.gate.announce(before);
    expect(followed.log.sent).toEqual([1000, 1200, 1300]);

    const away = gateOn();
    away.gate.markAsked();
    away.gate.flush();
    const asks = away.gate.asks();
    away.log.time = 1300;
    away.gate.markDirty();
    away.gate.announce(asks);
    expect(away.log.sent).toEqual([1000]);
  });

  it('a send with nothing to send (no run yet) leaves the request and the change pending', () => {
    const { gate, log } = gateOn({ canSend: false });
    gate.markAsked();
    gate.flush();
    expect(log.sent).toEqual([]);
    expect(gate.unansweredSince()).toBeNull();
  });
});
