import type { Condition, FormField } from '../../api/types.ts';

// A form field while its author edits it. One flat record holds every kind's settings, so changing
// a field's kind (choice to multi-choice, short to long text) keeps what was typed; the API's
// shape, which allows only the settings of the field's kind, is made at the end by toFormField.
// Conditions point at other fields by their draft id, not their name, so renaming or moving the
// field they depend on keeps them pointing at it.

export type FieldKind = FormField['type'];
export const fieldKinds: readonly FieldKind[] = ['short_text', 'long_text', 'number', 'date', 'choice', 'multi_choice', 'person', 'file'];

export type ConditionOperator = 'equals' | 'notEquals' | 'in' | 'isAnswered' | 'isNotAnswered';
export const conditionOperators: readonly ConditionOperator[] = ['equals', 'notEquals', 'in', 'isAnswered', 'isNotAnswered'];

/** "Show this field only when <field> <operator> <values>"; or a combined rule kept as it came. */
export type ConditionDraft =
  | { kind: 'simple'; fieldUid: string; operator: ConditionOperator; values: string[] }
  | { kind: 'kept'; condition: Condition };

export interface OptionDraft {
  value: string;
  label: string;
  /** A saved option's value stays put (answers and rules refer to it); a new one follows its label. */
  valueEdited: boolean;
}

export interface FieldDraft {
  uid: string;
  type: FieldKind;
  name: string;
  /** Until the author types a name, it follows the label. */
  nameEdited: boolean;
  label: string;
  help: string;
  required: boolean;
  condition: ConditionDraft | null;
  options: OptionDraft[];
  minLength: number | undefined;
  maxLength: number | undefined;
  patternRegex: string;
  patternMessage: string;
  min: number | undefined;
  max: number | undefined;
  integer: boolean;
  notBefore: string;
  notAfter: string;
  minSelected: number | undefined;
  maxSelected: number | undefined;
}

export const hasOptions = (type: FieldKind): boolean => type === 'choice' || type === 'multi_choice';
export const isText = (type: FieldKind): boolean => type === 'short_text' || type === 'long_text';

let counter = 0;
/** Draft ids only need to be unique within the page. */
export function newUid(): string {
  counter += 1;
  return `f${counter}`;
}

/** A field name the API accepts (a-z, 0-9, _, starting with a letter), made from a label. */
export function nameFromLabel(label: string): string {
  const words = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  const name = /^[a-z]/.test(words) ? words : words ? `field_${words}` : '';
  return name.slice(0, 64).replace(/_+$/, '');
}

/** A name not yet used by the other fields: `where`, then `where_2`, `where_3` ... */
export function uniqueName(wanted: string, taken: readonly string[]): string {
  const base = wanted || 'field';
  if (!taken.includes(base)) return base;
  for (let n = 2; ; n += 1) if (!taken.includes(`${base}_${n}`)) return `${base}_${n}`;
}

export function newField(type: FieldKind, taken: readonly string[]): FieldDraft {
  return {
    uid: newUid(),
    type,
    name: uniqueName('field', taken),
    nameEdited: false,
    label: '',
    help: '',
    required: false,
    condition: null,
    options: hasOptions(type) ? [{ value: 'option_1', label: '', valueEdited: false }] : [],
    minLength: undefined,
    maxLength: undefined,
    patternRegex: '',
    patternMessage: '',
    min: undefined,
    max: undefined,
    integer: false,
    notBefore: '',
    notAfter: '',
    minSelected: undefined,
    maxSelected: undefined,
  };
}

/** A label typed: the name follows it until the author names the field themselves. */
export function withLabel(field: FieldDraft, label: string, otherNames: readonly string[]): FieldDraft {
  if (field.nameEdited) return { ...field, label };
  return { ...field, label, name: uniqueName(nameFromLabel(label), otherNames) };
}

/** A kind chosen: settings of the new kind start empty, choice fields get a first option. */
export function withKind(field: FieldDraft, type: FieldKind): FieldDraft {
  const options = hasOptions(type) && field.options.length === 0 ? [{ value: 'option_1', label: '', valueEdited: false }] : field.options;
  return { ...field, type, options, required: type === 'file' ? false : field.required };
}

/** A new option's value: made from its label, unique among the field's options. */
export function withOptionLabel(options: readonly OptionDraft[], index: number, label: string): OptionDraft[] {
  const others = options.filter((_, at) => at !== index).map((option) => option.value);
  return options.map((option, at) => {
    if (at !== index) return option;
    if (option.valueEdited) return { ...option, label };
    return { ...option, label, value: uniqueName(nameFromLabel(label) || `option_${index + 1}`, others) };
  });
}

export function withNewOption(options: readonly OptionDraft[]): OptionDraft[] {
  const value = uniqueName(`option_${options.length + 1}`, options.map((option) => option.value));
  return [...options, { value, label: '', valueEdited: false }];
}

export function move<T>(items: readonly T[], from: number, to: number): T[] {
  if (to < 0 || to >= items.length || from === to) return [...items];
  const copy = [...items];
  const [item] = copy.splice(from, 1);
  copy.splice(to, 0, item!);
  return copy;
}

function conditionFromDraft(draft: ConditionDraft, fields: readonly FieldDraft[]): Condition | undefined {
  if (draft.kind === 'kept') return draft.condition;
  const target = fields.find((field) => field.uid === draft.fieldUid);
  if (!target) return undefined;
  const asValue = (text: string): string | number => (target.type === 'number' && text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : text);
  switch (draft.operator) {
    case 'isAnswered':
      return { field: target.name, isAnswered: true };
    case 'isNotAnswered':
      return { field: target.name, isAnswered: false };
    case 'in':
      return { field: target.name, in: draft.values.map(asValue) };
    case 'equals':
      return { field: target.name, equals: asValue(draft.values[0] ?? '') };
    case 'notEquals':
      return { field: target.name, notEquals: asValue(draft.values[0] ?? '') };
  }
}

const trimmedOrUndefined = (text: string): string | undefined => (text.trim() === '' ? undefined : text.trim());

/** The field as the API takes it: only the settings its kind allows, empty ones left out. */
export function toFormField(field: FieldDraft, fields: readonly FieldDraft[]): FormField {
  const showWhen = field.condition ? conditionFromDraft(field.condition, fields) : undefined;
  const common = { name: field.name, label: field.label, help: field.help, required: field.required, ...(showWhen ? { showWhen } : {}) };
  const pattern = field.patternRegex.trim() ? { pattern: { regex: field.patternRegex.trim(), message: field.patternMessage } } : {};
  const defined = <T extends Record<string, unknown>>(values: T): Partial<T> =>
    Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>;
  switch (field.type) {
    case 'short_text':
    case 'long_text':
      return { ...common, type: field.type, ...defined({ minLength: field.minLength, maxLength: field.maxLength }), ...pattern };
    case 'number':
      return { ...common, type: 'number', ...defined({ min: field.min, max: field.max }), integer: field.integer };
    case 'date':
      return { ...common, type: 'date', ...defined({ notBefore: trimmedOrUndefined(field.notBefore), notAfter: trimmedOrUndefined(field.notAfter) }) };
    case 'choice':
      return { ...common, type: 'choice', options: field.options.map(({ value, label }) => ({ value, label })) };
    case 'multi_choice':
      return {
        ...common,
        type: 'multi_choice',
        options: field.options.map(({ value, label }) => ({ value, label })),
        ...defined({ minSelected: field.minSelected, maxSelected: field.maxSelected }),
      };
    case 'person':
    case 'file':
      return { ...common, type: field.type };
  }
}

export function toFormFields(fields: readonly FieldDraft[]): FormField[] {
  return fields.map((field) => toFormField(field, fields));
}

/** A single-field rule becomes editable; a combined one (all/any) is kept whole. */
function conditionToDraft(condition: Condition, uidByName: ReadonlyMap<string, string>): ConditionDraft {
  if ('all' in condition || 'any' in condition) return { kind: 'kept', condition };
  const fieldUid = uidByName.get(condition.field);
  if (!fieldUid) return { kind: 'kept', condition };
  if ('equals' in condition) return { kind: 'simple', fieldUid, operator: 'equals', values: [String(condition.equals)] };
  if ('notEquals' in condition) return { kind: 'simple', fieldUid, operator: 'notEquals', values: [String(condition.notEquals)] };
  if ('in' in condition) return { kind: 'simple', fieldUid, operator: 'in', values: condition.in.map(String) };
  return { kind: 'simple', fieldUid, operator: condition.isAnswered ? 'isAnswered' : 'isNotAnswered', values: [] };
}

/** A saved form, ready to edit. */
export function fromFormFields(fields: readonly FormField[]): FieldDraft[] {
  const drafts = fields.map((field) => {
    const draft: FieldDraft = { ...newField(field.type, []), name: field.name, nameEdited: true, label: field.label, help: field.help, required: field.required };
    switch (field.type) {
      case 'short_text':
      case 'long_text':
        return { ...draft, minLength: field.minLength, maxLength: field.maxLength, patternRegex: field.pattern?.regex ?? '', patternMessage: field.pattern?.message ?? '' };
      case 'number':
        return { ...draft, min: field.min, max: field.max, integer: field.integer };
      case 'date':
        return { ...draft, notBefore: field.notBefore ?? '', notAfter: field.notAfter ?? '' };
      case 'choice':
        return { ...draft, options: field.options.map((option) => ({ ...option, valueEdited: true })) };
      case 'multi_choice':
        return { ...draft, options: field.options.map((option) => ({ ...option, valueEdited: true })), minSelected: field.minSelected, maxSelected: field.maxSelected };
      case 'person':
      case 'file':
        return draft;
    }
  });
  const uidByName = new Map(drafts.map((draft) => [draft.name, draft.uid]));
  return drafts.map((draft, index) => {
    const showWhen = fields[index]!.showWhen;
    return showWhen ? { ...draft, condition: conditionToDraft(showWhen, uidByName) } : draft;
  });
}

/** A removed field takes the rules that depended on it along (they could never hold). */
export function withoutField(fields: readonly FieldDraft[], uid: string): FieldDraft[] {
  return fields
    .filter((field) => field.uid !== uid)
    .map((field) => (field.condition?.kind === 'simple' && field.condition.fieldUid === uid ? { ...field, condition: null } : field));
}

/** A rule may only look at fields above it (the API's rule: the form reads top to bottom). */
export function conditionLooksBelow(fields: readonly FieldDraft[], index: number): boolean {
  const condition = fields[index]?.condition;
  if (condition?.kind !== 'simple') return false;
  const target = fields.findIndex((field) => field.uid === condition.fieldUid);
  return target >= index;
}

/**
 * New options for one field: a rule elsewhere that named an option whose value followed its label
 * follows it too, so typing "Other" after the rule was set does not leave the rule on "option_2".
 */
export function withOptionsOf(fields: readonly FieldDraft[], uid: string, options: OptionDraft[]): FieldDraft[] {
  const before = fields.find((field) => field.uid === uid)?.options ?? [];
  const renamed = new Map<string, string>();
  options.forEach((option, at) => {
    const old = before[at];
    if (old && old.value !== option.value && before.length === options.length) renamed.set(old.value, option.value);
  });
  return fields.map((field) => {
    if (field.uid === uid) return { ...field, options };
    const condition = field.condition;
    if (renamed.size === 0 || condition?.kind !== 'simple' || condition.fieldUid !== uid) return field;
    return { ...field, condition: { ...condition, values: condition.values.map((value) => renamed.get(value) ?? value) } };
  });
}
