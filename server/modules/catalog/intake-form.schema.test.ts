import { describe, expect, it } from 'vitest';
import { parseIntakeForm, resolveDateBound } from './intake-form.schema.ts';

const text = (name: string, extra: Record<string, unknown> = {}) => ({ name, label: name, type: 'short_text', ...extra });
const choice = (name: string, values: string[], extra: Record<string, unknown> = {}) => ({
  name,
  label: name,
  type: 'choice',
  options: values.map((value) => ({ value, label: value.toUpperCase() })),
  ...extra,
});

function problemsOf(input: unknown) {
  const parsed = parseIntakeForm(input);
  if (parsed.ok) throw new Error('expected the form to be refused');
  return parsed.problems;
}

describe('intake form definition', () => {
  it('accepts a form with every type and fills defaults', () => {
    const parsed = parseIntakeForm({
      version: 3,
      fields: [
        text('asset_tag', { required: true, pattern: { regex: '[A-Z]{2}-\\d{4}', message: 'must look like AB-1234' } }),
        { name: 'what_happened', label: 'What happened?', type: 'long_text', maxLength: 5000 },
        { name: 'copies', label: 'Copies', type: 'number', min: 1, max: 10, integer: true },
        { name: 'needed_by', label: 'Needed by', type: 'date', notBefore: 'today+1d', notAfter: 'today+90d' },
        choice('kind', ['laptop', 'phone']),
        { ...choice('extras', ['bag', 'mouse']), type: 'multi_choice', minSelected: 1, maxSelected: 2 },
        { name: 'manager', label: 'Manager', type: 'person', showWhen: { field: 'kind', equals: 'laptop' } },
        { name: 'photo', label: 'Photo', type: 'file', showWhen: { any: [{ field: 'copies', in: [2, 3] }, { field: 'extras', isAnswered: true }] } },
      ],
    });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.form.fields.map((field) => field.name)).toEqual(['asset_tag', 'what_happened', 'copies', 'needed_by', 'kind', 'extras', 'manager', 'photo']);
    expect(parsed.form.fields[1]).toMatchObject({ required: false, help: '' });
  });

  it('accepts an empty form (a service that asks nothing beyond the subject)', () => {
    expect(parseIntakeForm({ version: 1, fields: [] }).ok).toBe(true);
  });

  it('refuses a duplicate name, naming the later field', () => {
    expect(problemsOf({ version: 1, fields: [text('reason'), text('other'), text('reason')] })).toEqual([
      { field: 'form.fields.2.name', reason: 'is already the name of fields.0' },
    ]);
  });

  it('refuses names that are not lowercase slugs, and a version below 1', () => {
    const problems = problemsOf({ version: 0, fields: [text('Asset Tag'), text('__proto__')] });
    expect(problems.map((problem) => problem.field)).toEqual(['form.version', 'form.fields.0.name', 'form.fields.1.name']);
  });

  it('refuses a showWhen that refers forward, to itself, or to nothing (so no cycle can be written)', () => {
    const problems = problemsOf({
      version: 1,
      fields: [
        text('first', { showWhen: { field: 'second', isAnswered: true } }),
        text('second', { showWhen: { field: 'second', isAnswered: true } }),
        text('third', { showWhen: { all: [{ field: 'first', isAnswered: true }, { field: 'ghost', equals: 'x' }] } }),
      ],
    });
    expect(problems).toEqual([
      { field: 'form.fields.0.showWhen.field', reason: 'must refer to an earlier field; "second" is not above this one' },
      { field: 'form.fields.1.showWhen.field', reason: 'must refer to an earlier field; "second" is not above this one' },
      { field: 'form.fields.2.showWhen.all.1.field', reason: 'refers to "ghost", which is not a field of this form' },
    ]);
  });

  it('refuses a showWhen value the referred field can never hold', () => {
    const problems = problemsOf({
      version: 1,
      fields: [
        choice('kind', ['laptop', 'phone']),
        { name: 'count', label: 'Count', type: 'number' },
        text('a', { showWhen: { field: 'kind', equals: 'tablet' } }),
        text('b', { showWhen: { field: 'count', notEquals: '3' } }),
        text('c', { showWhen: { field: 'kind', in: ['phone', 'desk'] } }),
      ],
    });
    expect(problems).toEqual([
      { field: 'form.fields.2.showWhen.equals', reason: 'is not an option of "kind"' },
      { field: 'form.fields.3.showWhen.notEquals', reason: 'must be a number, as "count" is a number' },
      { field: 'form.fields.4.showWhen.in.1', reason: 'is not an option of "kind"' },
    ]);
  });

  it('refuses a malformed condition and conditions nested too deep', () => {
    const deep = { all: [{ any: [{ all: [{ any: [{ all: [{ field: 'a', isAnswered: true }] }] }] }] }] };
    const problems = problemsOf({ version: 1, fields: [text('a'), text('b', { showWhen: { field: 'a', contains: 'x' } }), text('c', { showWhen: deep })] });
    expect(problems.map((problem) => problem.field)).toEqual(['form.fields.1.showWhen']);
    expect(problemsOf({ version: 1, fields: [text('a'), text('c', { showWhen: deep })] })).toEqual([
      { field: 'form.fields.1.showWhen.all.0.any.0.all.0.any.0', reason: 'must not nest all/any more than 4 deep' },
    ]);
  });

  it('refuses repeated option values', () => {
    expect(problemsOf({ version: 1, fields: [choice('kind', ['laptop', 'phone', 'laptop'])] })).toEqual([
      { field: 'form.fields.0.options.2.value', reason: 'repeats the option "laptop"' },
    ]);
  });

  it('refuses min above max for every ranged type', () => {
    const problems = problemsOf({
      version: 1,
      fields: [
        text('t', { minLength: 10, maxLength: 5 }),
        { name: 'n', label: 'n', type: 'number', min: 5, max: 1 },
        { name: 'w', label: 'w', type: 'number', min: 1.2, max: 1.8, integer: true },
        { name: 'd', label: 'd', type: 'date', notBefore: '2026-02-01', notAfter: '2026-01-01' },
        { name: 'r', label: 'r', type: 'date', notBefore: 'today+5d', notAfter: 'today' },
        { ...choice('m', ['a', 'b']), type: 'multi_choice', minSelected: 2, maxSelected: 1 },
        { ...choice('o', ['a', 'b']), type: 'multi_choice', minSelected: 3 },
      ],
    });
    expect(problems.map((problem) => problem.field)).toEqual([
      'form.fields.0.minLength',
      'form.fields.1.min',
      'form.fields.2.min',
      'form.fields.3.notBefore',
      'form.fields.4.notBefore',
      'form.fields.5.minSelected',
      'form.fields.6.minSelected',
    ]);
  });

  it('refuses a pattern that does not compile, and caps text lengths', () => {
    const problems = problemsOf({
      version: 1,
      fields: [text('t', { pattern: { regex: '([a-z', message: 'letters' } }), text('u', { maxLength: 301 }), { name: 'l', label: 'l', type: 'long_text', maxLength: 20_001 }],
    });
    // Cross-field checks run after the per-field ones, so their problems come last.
    expect(problems.map((problem) => problem.field)).toEqual(['form.fields.1.maxLength', 'form.fields.2.maxLength', 'form.fields.0.pattern.regex']);
    expect(problems[2]!.reason).toMatch(/^is not a valid regular expression/);
  });

  it('refuses rules that do not belong to the type and unknown types, naming each key', () => {
    const problems = problemsOf({ version: 1, fields: [{ name: 'n', label: 'n', type: 'number', pattern: { regex: 'x', message: 'x' } }, { name: 'x', label: 'x', type: 'colour' }] });
    expect(problems).toEqual([
      { field: 'form.fields.0.pattern', reason: 'is not a known field' },
      { field: 'form.fields.1.type', reason: expect.stringContaining('short_text, long_text') },
    ]);
  });

  it('refuses bad date bounds and impossible calendar days', () => {
    const problems = problemsOf({ version: 1, fields: [{ name: 'd', label: 'd', type: 'date', notBefore: 'tomorrow', notAfter: '2026-02-30' }] });
    expect(problems.map((problem) => problem.field)).toEqual(['form.fields.0.notBefore', 'form.fields.0.notAfter']);
    expect(problems).toHaveLength(2);
  });
});

describe('relative date bounds', () => {
  it('moves from the given today, across month and year ends', () => {
    expect(resolveDateBound('today', '2026-12-31')).toBe('2026-12-31');
    expect(resolveDateBound('today+1d', '2026-12-31')).toBe('2027-01-01');
    expect(resolveDateBound('today-1d', '2024-03-01')).toBe('2024-02-29');
    expect(resolveDateBound('2026-05-01', '2026-12-31')).toBe('2026-05-01');
  });
});
