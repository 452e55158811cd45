import { AnswerSeal } from './answer-seal';

const POLL = '00000000-0000-4000-8000-000000000001';
const answer = (text: string | null) => ({
  districtId: '00000000-0000-4000-8000-0000000000d1',
  rows: {
    questionIds: ['00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-0000000000a2'],
    optionIds: ['00000000-0000-4000-8000-0000000000b1', null],
    numbers: [null, null],
    texts: [null, text],
  },
});

describe('AnswerSeal', () => {
  it('opens what it sealed for the same poll only, and under the same secret only', () => {
    const seal = new AnswerSeal('secret');
    const sealed = seal.seal(POLL, answer('پیشنهاد من'));
    expect(seal.open(POLL, sealed)).toEqual(answer('پیشنهاد من'));
    expect(seal.open('00000000-0000-4000-8000-000000000002', sealed)).toBeNull();
    expect(new AnswerSeal('another secret').open(POLL, sealed)).toBeNull();
  });

  it('holds none of the answer in the clear, and seals texts of different lengths within a bucket to one length', () => {
    const seal = new AnswerSeal('secret');
    const sealed = seal.seal(POLL, answer('Zebra crossing'));
    for (const s of ['Zebra', '0000000000d1', '0000000000b1']) expect(sealed.toString('latin1')).not.toContain(s);
    expect(seal.seal(POLL, answer('x')).length).toBe(seal.seal(POLL, answer('x'.repeat(40))).length);
    expect(seal.seal(POLL, answer('x'.repeat(400))).length).toBeGreaterThan(seal.seal(POLL, answer('x')).length);
  });
});
