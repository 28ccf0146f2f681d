import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerRecord, displayAnswers, validateAnswers } from './intake-form.ts';
import { parseIntakeForm, type IntakeForm } from './intake-form.schema.ts';

const context = { today: '2026-11-23' };
const options = ['a', 'b', 'c'].map((value) => ({ value, label: value.toUpperCase() }));

/** A random well-formed form: every showWhen refers to an earlier field, with a value it can hold. */
const formArbitrary = fc
  .array(fc.record({ type: fc.constantFrom('choice', 'number', 'short_text'), required: fc.boolean(), parent: fc.option(fc.nat(), { nil: undefined }) }), {
    minLength: 1,
    maxLength: 8,
  })
  .map((specs) => ({
    version: 1,
    fields: specs.map((spec, index) => {
      const field: Record<string, unknown> = { name: `f${index}`, label: `Field ${index}`, type: spec.type, required: spec.required };
      if (spec.type === 'choice') field.options = options;
      if (spec.parent !== undefined && index > 0) {
        const parent = spec.parent % index;
        const parentType = specs[parent]!.type;
        field.showWhen =
          parentType === 'choice' ? { field: `f${parent}`, equals: 'a' } : parentType === 'number' ? { field: `f${parent}`, notEquals: 0 } : { field: `f${parent}`, isAnswered: true };
      }
      return field;
    }),
  }));

function parsed(input: unknown): IntakeForm {
  const result = parseIntakeForm(input);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.form;
}

/** Answers that are often right, sometimes wrong in type, sometimes blank, sometimes unknown. */
const answersArbitrary = fc.dictionary(
  fc.constantFrom('f0', 'f1', 'f2', 'f3', 'f4', 'f5', 'f6', 'f7', 'stray'),
  fc.oneof(fc.constantFrom('a', 'b', 'z', '', '  text  ', null), fc.integer({ min: -3, max: 3 }), fc.jsonValue()),
  { maxKeys: 9 },
);

describe('intake form properties', () => {
  it('every form whose conditions look only upwards is accepted', () => {
    fc.assert(
      fc.property(formArbitrary, (form) => {
        expect(parseIntakeForm(form).ok).toBe(true);
      }),
    );
  });

  it('a condition on the field itself or a later one is always refused, at its path', () => {
    fc.assert(
      fc.property(formArbitrary, fc.nat(), fc.nat(), (form, at, ahead) => {
        const index = at % form.fields.length;
        const target = index + (ahead % (form.fields.length - index));
        form.fields[index]!.showWhen = { field: `f${target}`, isAnswered: true };
        const result = parseIntakeForm(form);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.problems.map((problem) => problem.field)).toContain(`form.fields.${index}.showWhen.field`);
      }),
    );
  });

  it('never throws, and names each problem once, as answers.<name>', () => {
    fc.assert(
      fc.property(formArbitrary, answersArbitrary, (definition, answers) => {
        const result = validateAnswers(parsed(definition), answers, context);
        if (result.ok) return;
        const fields = result.problems.map((problem) => problem.field);
        expect(new Set(fields).size).toBe(fields.length);
        for (const field of fields) expect(field).toMatch(/^answers\.(f\d|stray)$/);
      }),
    );
  });

  it('normalised answers are a fixed point: valid again, unchanged, nothing dropped', () => {
    fc.assert(
      fc.property(formArbitrary, answersArbitrary, (definition, answers) => {
        const form = parsed(definition);
        const first = validateAnswers(form, answers, context);
        if (!first.ok) return;
        expect(validateAnswers(form, first.answers, context)).toEqual({ ok: true, answers: first.answers, dropped: [] });
        expect(displayAnswers(answerRecord(form, first.answers))).toHaveLength(Object.keys(first.answers).length);
      }),
    );
  });

  it('accepting answers means every shown required field was answered and no hidden one kept', () => {
    fc.assert(
      fc.property(formArbitrary, answersArbitrary, (definition, answers) => {
        const form = parsed(definition);
        const result = validateAnswers(form, answers, context);
        if (!result.ok) return;
        for (const name of result.dropped) expect(result.answers).not.toHaveProperty(name);
        for (const field of form.fields) {
          if (field.required && !field.showWhen) expect(result.answers).toHaveProperty(field.name);
        }
      }),
    );
  });
});
