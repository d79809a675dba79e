import { describe, expect, it } from 'vitest';
import { describeValue, errorMessage, isRecord } from '../../src/worker/message-shape';

describe('isRecord', () => {
  it('is true for a plain object, false for null, an array and every primitive', () => {
    expect(isRecord({})).toBe(true);
    expect(isRecord({ type: 'play' })).toBe(true);
    for (const x of [null, undefined, [], [1], 'play', 3, true]) expect(isRecord(x)).toBe(false);
  });
});

describe('describeValue', () => {
  it('quotes a string and names null, an array and the other types', () => {
    expect(describeValue('step')).toBe('"step"');
    expect(describeValue(null)).toBe('null');
    expect(describeValue([1, 2])).toBe('an array');
    expect(describeValue(3)).toBe('number');
    expect(describeValue(undefined)).toBe('undefined');
    expect(describeValue({})).toBe('object');
  });
});

describe('errorMessage', () => {
  it("is an Error's message, and the text of anything else thrown", () => {
    expect(errorMessage(new RangeError('too far'))).toBe('too far');
    expect(errorMessage('plain words')).toBe('plain words');
    expect(errorMessage(42)).toBe('42');
  });
});
