import { describe, expect, it } from 'vitest';
import { answerRecord, answerRecordSchema, displayAnswers, validateAnswers, type AnswerContext } from './intake-form.ts';
import { parseIntakeForm, type IntakeForm } from './intake-form.schema.ts';

function form(fields: unknown[], version = 1): IntakeForm {
  const parsed = parseIntakeForm({ version, fields });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.form;
}

const context: AnswerContext = { today: '2026-11-23' };
const ALICE = '0b7c5a52-2b0e-4c1a-9a53-3f5a1c0f4b11';
const FILE = 'f1e2d3c4-b5a6-4789-9abc-def012345678';

/** The answer for one field alone, or its single problem's reason. */
function one(field: Record<string, unknown>, answer: unknown, given: AnswerContext = context) {
  const result = validateAnswers(form([{ name: 'x', label: 'X', ...field }]), { x: answer }, given);
  if (result.ok) return { value: result.answers.x };
  expect(result.problems).toHaveLength(1);
  expect(result.problems[0]!.field).toBe('answers.x');
  return { reason: result.problems[0]!.reason };
}

describe('answers by type', () => {
  it('short text: trimmed, bounded, single line, pattern anchored like HTML', () => {
    const field = { type: 'short_text', minLength: 2, maxLength: 8, pattern: { regex: '[A-Z]{2}-\\d{4}', message: 'must look like AB-1234' } };
    expect(one(field, '  AB-1234 ')).toEqual({ value: 'AB-1234' });
    expect(one(field, 'A')).toEqual({ reason: 'must be at least 2 characters' });
    expect(one(field, 'AB-123456')).toEqual({ reason: 'must be at most 8 characters' });
    // Contains a match but is not one: the pattern covers the whole answer, as in an HTML form.
    expect(one(field, 'xAB-1234')).toEqual({ reason: 'must look like AB-1234' });
    expect(one(field, 'AB-12345')).toEqual({ reason: 'must look like AB-1234' });
    expect(one({ type: 'short_text' }, 'two\nlines')).toEqual({ reason: 'must be a single line' });
    expect(one({ type: 'short_text' }, 12)).toEqual({ reason: 'must be a text' });
    expect(one({ type: 'short_text' }, 'a\u0000b')).toEqual({ reason: 'must not contain NUL characters' });
    expect(one({ type: 'short_text' }, 'x'.repeat(301))).toEqual({ reason: 'must be at most 300 characters' });
  });

  it('text length counts what a person sees: an emoji is one, CRLF is one', () => {
    expect(one({ type: 'short_text', maxLength: 3 }, '👍👍👍')).toEqual({ value: '👍👍👍' });
    expect(one({ type: 'long_text', maxLength: 3 }, 'a\r\nb')).toEqual({ value: 'a\nb' });
  });

  it('long text: keeps lines, caps at 20000', () => {
    expect(one({ type: 'long_text' }, 'line one\nline two')).toEqual({ value: 'line one\nline two' });
    expect(one({ type: 'long_text' }, 'x'.repeat(20_001))).toEqual({ reason: 'must be at most 20000 characters' });
  });

  it('number: a JSON number only, within bounds, whole when asked', () => {
    const field = { type: 'number', min: 1, max: 10, integer: true };
    expect(one(field, 3)).toEqual({ value: 3 });
    expect(one(field, '3')).toEqual({ reason: 'must be a number' });
    expect(one(field, 2.5)).toEqual({ reason: 'must be a whole number' });
    expect(one(field, 0)).toEqual({ reason: 'must be at least 1' });
    expect(one(field, 11)).toEqual({ reason: 'must be at most 10' });
    expect(one({ type: 'number' }, Number.NaN)).toEqual({ reason: 'must be a number' });
    expect(one({ type: 'number' }, -0.5)).toEqual({ value: -0.5 });
  });

  it('date: a real YYYY-MM-DD day within bounds relative to the given today', () => {
    const field = { type: 'date', notBefore: 'today+1d', notAfter: '2026-12-31' };
    expect(one(field, '2026-11-24')).toEqual({ value: '2026-11-24' });
    expect(one(field, '2026-11-23')).toEqual({ reason: 'must be on or after 2026-11-24' });
    expect(one(field, '2027-01-01')).toEqual({ reason: 'must be on or before 2026-12-31' });
    expect(one(field, '2026-11-31')).toEqual({ reason: 'must be a date (YYYY-MM-DD)' });
    expect(one(field, '24/11/2026')).toEqual({ reason: 'must be a date (YYYY-MM-DD)' });
    expect(one(field, '2026-11-24T10:00:00Z')).toEqual({ reason: 'must be a date (YYYY-MM-DD)' });
    expect(one(field, '2026-11-23', { today: '2026-11-22' })).toEqual({ value: '2026-11-23' });
  });

  const options = [
    { value: 'laptop', label: 'Laptop' },
    { value: 'phone', label: 'Phone' },
    { value: 'monitor', label: 'Monitor' },
  ];

  it('choice: one of the options', () => {
    expect(one({ type: 'choice', options }, 'phone')).toEqual({ value: 'phone' });
    expect(one({ type: 'choice', options }, 'tablet')).toEqual({ reason: 'must be one of "laptop", "phone", "monitor"' });
    expect(one({ type: 'choice', options }, ['phone'])).toEqual({ reason: 'must be one of "laptop", "phone", "monitor"' });
  });

  it('multi choice: options only, duplicates merged, in form order, counted', () => {
    const field = { type: 'multi_choice', options, minSelected: 2, maxSelected: 2 };
    expect(one(field, ['monitor', 'laptop', 'monitor'])).toEqual({ value: ['laptop', 'monitor'] });
    expect(one(field, ['laptop'])).toEqual({ reason: 'must have at least 2 selected' });
    expect(one(field, ['laptop', 'phone', 'monitor'])).toEqual({ reason: 'must have at most 2 selected' });
    expect(one(field, ['laptop', 'tablet'])).toEqual({ reason: 'must only contain "laptop", "phone", "monitor"; "tablet" is not an option' });
    expect(one(field, 'laptop')).toEqual({ reason: 'must be a list of options' });
    expect(one(field, ['laptop', 3])).toEqual({ reason: 'must be a list of options' });
  });

  it('person: a directory id, checked when the caller can look it up', () => {
    expect(one({ type: 'person' }, ALICE.toUpperCase())).toEqual({ value: ALICE });
    expect(one({ type: 'person' }, 'alice')).toEqual({ reason: 'must be a person id' });
    expect(one({ type: 'person' }, ALICE, { ...context, personExists: () => false })).toEqual({ reason: 'is not a person in the directory' });
    expect(one({ type: 'person' }, ALICE, { ...context, personExists: (id) => id === ALICE })).toEqual({ value: ALICE });
  });

  it('file: an uploaded file id', () => {
    expect(one({ type: 'file' }, FILE)).toEqual({ value: FILE });
    expect(one({ type: 'file' }, 'C:\\photo.jpg')).toEqual({ reason: 'must be an uploaded file id' });
    expect(one({ type: 'file' }, FILE, { ...context, fileExists: () => false })).toEqual({ reason: 'is not an upload of yours that is still unused (POST /api/v1/uploads)' });
  });
});

describe('required and blank answers', () => {
  const fields = ['short_text', 'long_text', 'number', 'date', 'person', 'file'].map((type) => ({ name: type, label: type, type, required: true }));
  const required = form([...fields, { name: 'pick', label: 'Pick', type: 'multi_choice', required: true, options: [{ value: 'a', label: 'A' }] }]);

  it('reports every missing required field, for null, blank, empty list and absence alike', () => {
    const result = validateAnswers(required, { short_text: '   ', long_text: null, pick: [] }, context);
    expect(result).toEqual({
      ok: false,
      problems: ['short_text', 'long_text', 'number', 'date', 'person', 'file', 'pick'].map((name) => ({ field: `answers.${name}`, reason: 'is required' })),
    });
  });

  it('leaves unanswered optional fields out of the result rather than null', () => {
    const optional = form([{ name: 'note', label: 'Note', type: 'short_text' }, { name: 'count', label: 'Count', type: 'number' }]);
    expect(validateAnswers(optional, { note: '' }, context)).toEqual({ ok: true, answers: {}, dropped: [] });
    expect(validateAnswers(optional, undefined, context)).toEqual({ ok: true, answers: {}, dropped: [] });
  });
});

describe('the answers object', () => {
  const simple = form([{ name: 'note', label: 'Note', type: 'short_text' }]);

  it('must be a plain object', () => {
    for (const answers of [null, 'note', ['note'], 42, new Date()]) {
      expect(validateAnswers(simple, answers, context)).toEqual({ ok: false, problems: [{ field: 'answers', reason: 'must be an object of answers by field name' }] });
    }
  });

  it('refuses unknown names, hostile ones included, after the form’s own problems', () => {
    const answers = JSON.parse('{"__proto__": "x", "notes": "typo", "note": 5}') as unknown;
    expect(validateAnswers(simple, answers, context)).toEqual({
      ok: false,
      problems: [
        { field: 'answers.note', reason: 'must be a text' },
        { field: 'answers.__proto__', reason: 'is not a field of this form' },
        { field: 'answers.notes', reason: 'is not a field of this form' },
      ],
    });
  });

  it('refuses a today that is not a date, as a programming error', () => {
    expect(() => validateAnswers(simple, {}, { today: '23/11/2026' })).toThrow(/today/);
  });
});

describe('conditional fields', () => {
  // Laptop repair: the "other" text only for kind=other; the loaner chain only when urgent.
  const repair = form([
    { name: 'kind', label: 'What needs repair?', type: 'choice', required: true, options: [{ value: 'laptop', label: 'Laptop' }, { value: 'other', label: 'Something else' }] },
    { name: 'other_kind', label: 'What is it?', type: 'short_text', required: true, showWhen: { field: 'kind', equals: 'other' } },
    { name: 'urgent', label: 'Urgent?', type: 'choice', options: [{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }], showWhen: { field: 'kind', equals: 'laptop' } },
    { name: 'loaner_from', label: 'Loaner from', type: 'date', required: true, showWhen: { all: [{ field: 'urgent', equals: 'yes' }, { field: 'kind', notEquals: 'other' }] } },
    { name: 'loaner_note', label: 'Note for the loaner', type: 'long_text', showWhen: { field: 'loaner_from', isAnswered: true } },
    { name: 'why_not', label: 'Why no urgency?', type: 'short_text', showWhen: { any: [{ field: 'urgent', in: ['no'] }, { field: 'urgent', isAnswered: false }] } },
  ]);

  it('requires a shown field and ignores a hidden one that is absent', () => {
    expect(validateAnswers(repair, { kind: 'other' }, context)).toEqual({ ok: false, problems: [{ field: 'answers.other_kind', reason: 'is required' }] });
    expect(validateAnswers(repair, { kind: 'laptop', urgent: 'no' }, context)).toEqual({ ok: true, answers: { kind: 'laptop', urgent: 'no' }, dropped: [] });
  });

  it('follows a chain: urgent shows the loaner date, the date shows the note', () => {
    const answers = { kind: 'laptop', urgent: 'yes', loaner_from: '2026-11-25', loaner_note: 'Mac please' };
    expect(validateAnswers(repair, answers, context)).toEqual({ ok: true, answers, dropped: [] });
    expect(validateAnswers(repair, { kind: 'laptop', urgent: 'yes' }, context)).toMatchObject({ ok: false, problems: [{ field: 'answers.loaner_from', reason: 'is required' }] });
  });

  it('drops answers sent for hidden fields, down the whole chain, and says which', () => {
    const stale = { kind: 'other', other_kind: 'Printer', urgent: 'yes', loaner_from: '2026-11-25', loaner_note: 'x', why_not: '' };
    expect(validateAnswers(repair, stale, context)).toEqual({
      ok: true,
      answers: { kind: 'other', other_kind: 'Printer' },
      dropped: ['urgent', 'loaner_from', 'loaner_note'],
    });
  });

  it('does not validate a hidden answer, even a malformed one', () => {
    expect(validateAnswers(repair, { kind: 'laptop', urgent: 'no', loaner_from: 'soon' }, context)).toEqual({
      ok: true,
      answers: { kind: 'laptop', urgent: 'no' },
      dropped: ['loaner_from'],
    });
  });

  it('shows isAnswered:false fields while the controlling field is unanswered or hidden', () => {
    expect(validateAnswers(repair, { kind: 'other', other_kind: 'Desk', why_not: 'no rush' }, context)).toMatchObject({ ok: true, dropped: [] });
  });

  it('treats an invalid controlling answer as unanswered', () => {
    expect(validateAnswers(repair, { kind: 'tablet', other_kind: 'x' }, context)).toEqual({
      ok: false,
      problems: [{ field: 'answers.kind', reason: 'must be one of "laptop", "other"' }],
    });
  });
});

describe('every problem at once', () => {
  it('reports each invalid answer, in form order', () => {
    const everything = form([
      { name: 'title', label: 'Title', type: 'short_text', required: true },
      { name: 'count', label: 'Count', type: 'number', max: 5 },
      { name: 'day', label: 'Day', type: 'date', notBefore: 'today' },
      { name: 'kind', label: 'Kind', type: 'choice', options: [{ value: 'a', label: 'A' }] },
      { name: 'who', label: 'Who', type: 'person' },
    ]);
    const result = validateAnswers(everything, { count: '6', day: '2020-01-01', kind: 'b', who: 'bob', extra: 1 }, context);
    expect(result).toEqual({
      ok: false,
      problems: [
        { field: 'answers.title', reason: 'is required' },
        { field: 'answers.count', reason: 'must be a number' },
        { field: 'answers.day', reason: 'must be on or after 2026-11-23' },
        { field: 'answers.kind', reason: 'must be one of "a"' },
        { field: 'answers.who', reason: 'must be a person id' },
        { field: 'answers.extra', reason: 'is not a field of this form' },
      ],
    });
  });
});

describe('answer records keep their form version', () => {
  const v1 = form(
    [
      { name: 'kind', label: 'Device', type: 'choice', options: [{ value: 'laptop', label: 'Laptop' }, { value: 'phone', label: 'Phone' }] },
      { name: 'extras', label: 'Extras', type: 'multi_choice', options: [{ value: 'bag', label: 'Bag' }, { value: 'mouse', label: 'Mouse' }] },
      { name: 'copies', label: 'Copies', type: 'number' },
    ],
    1,
  );

  it('snapshots the labels of answered fields and chosen options, in form order', () => {
    const checked = validateAnswers(v1, { copies: 2, kind: 'phone', extras: ['mouse'] }, context);
    if (!checked.ok) throw new Error('expected valid answers');
    const record = answerRecord(v1, checked.answers);
    expect(record).toEqual({
      formVersion: 1,
      answers: { kind: 'phone', extras: ['mouse'], copies: 2 },
      labels: {
        kind: { label: 'Device', type: 'choice', options: { phone: 'Phone' } },
        extras: { label: 'Extras', type: 'multi_choice', options: { mouse: 'Mouse' } },
        copies: { label: 'Copies', type: 'number' },
      },
    });
  });

  it('still displays an old request after the form dropped fields and options', () => {
    const stored = JSON.parse(JSON.stringify(answerRecord(v1, { kind: 'phone', extras: ['bag', 'mouse'], copies: 2 }))) as unknown;
    // Version 2 removed the phone and the extras: displaying reads the record alone.
    const record = answerRecordSchema.parse(stored);
    expect(displayAnswers(record)).toEqual([
      { name: 'kind', label: 'Device', type: 'choice', text: 'Phone' },
      { name: 'extras', label: 'Extras', type: 'multi_choice', text: 'Bag, Mouse' },
      { name: 'copies', label: 'Copies', type: 'number', text: '2' },
    ]);
  });

  it('refuses answers that are not fields of the form, as a programming error', () => {
    expect(() => answerRecord(v1, { colour: 'red' })).toThrow(/colour/);
  });
});
