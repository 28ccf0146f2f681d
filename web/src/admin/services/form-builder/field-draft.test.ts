import { describe, expect, it } from 'vitest';
import { parseIntakeForm } from '../../../../../server/modules/catalog/intake-form.schema.ts';
import {
  conditionLooksBelow,
  fromFormFields,
  move,
  nameFromLabel,
  newField,
  toFormFields,
  uniqueName,
  withKind,
  withLabel,
  withNewOption,
  withOptionLabel,
  withOptionsOf,
  withoutField,
  type FieldDraft,
} from './field-draft.ts';

function whereAndWhich(): FieldDraft[] {
  const where = withLabel(newField('choice', []), 'Where?', []);
  const options = withOptionLabel(withOptionLabel(withNewOption(where.options), 0, 'Office'), 1, 'Other');
  const which = withLabel(newField('short_text', [where.name]), 'Which place?', [where.name]);
  return [
    { ...where, options },
    { ...which, required: true, condition: { kind: 'simple', fieldUid: where.uid, operator: 'equals', values: ['other'] } },
  ];
}

describe('names made from labels', () => {
  it('follow the API rule: lower case, a letter first, underscores', () => {
    expect(nameFromLabel('Which place?')).toBe('which_place');
    expect(nameFromLabel('Équipe & Café')).toBe('equipe_cafe');
    expect(nameFromLabel('2nd monitor')).toBe('field_2nd_monitor');
    expect(nameFromLabel('???')).toBe('');
  });

  it('never repeat another field’s name', () => {
    expect(uniqueName('where', ['where', 'where_2'])).toBe('where_3');
    expect(uniqueName('', [])).toBe('field');
  });

  it('follow the label until the author names the field', () => {
    const field = withLabel(newField('short_text', []), 'Asset tag', []);
    expect(field.name).toBe('asset_tag');
    const named = withLabel({ ...field, name: 'tag', nameEdited: true }, 'Asset tag (sticker)', []);
    expect(named.name).toBe('tag');
  });
});

describe('the form the API receives', () => {
  it('is a form the server’s own schema accepts, with the condition on the earlier field by name', () => {
    const fields = toFormFields(whereAndWhich());
    expect(fields[1]).toEqual({ name: 'which_place', label: 'Which place?', help: '', required: true, type: 'short_text', showWhen: { field: 'where', equals: 'other' } });
    expect(parseIntakeForm({ version: 1, fields })).toMatchObject({ ok: true });
  });

  it('keeps only the settings of the field’s kind, and a kind change keeps what was typed', () => {
    const text = { ...newField('short_text', []), label: 'Code', name: 'code', maxLength: 20, patternRegex: 'AB-\\d+', patternMessage: 'must look like AB-1' };
    expect(toFormFields([text])[0]).toMatchObject({ type: 'short_text', maxLength: 20, pattern: { regex: 'AB-\\d+', message: 'must look like AB-1' } });
    const asNumber = toFormFields([withKind(text, 'number')])[0]!;
    expect(asNumber).not.toHaveProperty('pattern');
    expect(asNumber).not.toHaveProperty('maxLength');
    expect(toFormFields([withKind(withKind(text, 'number'), 'long_text')])[0]).toMatchObject({ maxLength: 20 });
  });

  it('gives a new choice field an option, and a file field is never required', () => {
    expect(withKind({ ...newField('short_text', []), required: true }, 'choice').options).toHaveLength(1);
    expect(withKind({ ...newField('short_text', []), required: true }, 'file').required).toBe(false);
  });

  it('sends numbers to a number field’s rule as numbers', () => {
    const count = { ...newField('number', []), name: 'count', label: 'How many?' };
    const more = { ...newField('long_text', ['count']), name: 'why', label: 'Why so many?', condition: { kind: 'simple' as const, fieldUid: count.uid, operator: 'in' as const, values: ['5', '10'] } };
    expect(toFormFields([count, more])[1]?.showWhen).toEqual({ field: 'count', in: [5, 10] });
  });
});

describe('editing', () => {
  it('reads a saved form back to the same form', () => {
    const saved = toFormFields(whereAndWhich());
    expect(toFormFields(fromFormFields(saved))).toEqual(saved);
  });

  it('keeps a combined rule whole', () => {
    const saved = [
      { name: 'a', label: 'A', help: '', required: false, type: 'short_text' as const },
      { name: 'b', label: 'B', help: '', required: false, type: 'short_text' as const, showWhen: { any: [{ field: 'a', equals: 'x' }, { field: 'a', equals: 'y' }] } },
    ];
    expect(toFormFields(fromFormFields(saved))).toEqual(saved);
  });

  it('keeps a rule on its field when that field is renamed', () => {
    const [where, which] = whereAndWhich();
    const renamed = [{ ...where!, name: 'location', nameEdited: true }, which!];
    expect(toFormFields(renamed)[1]?.showWhen).toEqual({ field: 'location', equals: 'other' });
  });

  it('moves a rule’s value along when the option it names follows its label', () => {
    const [where, which] = whereAndWhich();
    const options = withOptionLabel(where!.options, 1, 'Somewhere else');
    const fields = withOptionsOf([where!, which!], where!.uid, options);
    expect(toFormFields(fields)[1]?.showWhen).toEqual({ field: 'where', equals: 'somewhere_else' });
  });

  it('keeps a saved option’s value when its label changes', () => {
    const [loaded] = fromFormFields(toFormFields(whereAndWhich()));
    expect(withOptionLabel(loaded!.options, 1, 'Elsewhere')[1]).toMatchObject({ value: 'other', label: 'Elsewhere' });
  });

  it('drops the rules that depended on a removed field', () => {
    const [where, which] = whereAndWhich();
    expect(withoutField([where!, which!], where!.uid)[0]?.condition).toBeNull();
  });

  it('says when a move leaves a rule looking at a field below it', () => {
    const fields = whereAndWhich();
    expect(conditionLooksBelow(fields, 1)).toBe(false);
    expect(conditionLooksBelow(move(fields, 1, 0), 0)).toBe(true);
  });

  it('moves within bounds only', () => {
    expect(move(['a', 'b', 'c'], 0, 2)).toEqual(['b', 'c', 'a']);
    expect(move(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
  });
});
