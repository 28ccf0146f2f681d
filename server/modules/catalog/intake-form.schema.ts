import { z } from 'zod';
import type { FieldProblem } from '../../platform/http/errors.ts';

/**
 * The definition of a service's intake form. The same schema validates an admin's form (as a route
 * body schema, so its problems come out of the one problem handler) and forms read back from storage.
 * Rules sit flat on each field, per type, so a rule that makes no sense for a type (a `pattern` on a
 * number) is refused as an unknown key instead of being silently ignored.
 */

export const fieldTypes = ['short_text', 'long_text', 'number', 'date', 'choice', 'multi_choice', 'person', 'file'] as const;
export type FieldType = (typeof fieldTypes)[number];

/** Hard caps: the most any form may accept, whatever its author asks for. */
export const SHORT_TEXT_MAX = 300;
export const LONG_TEXT_MAX = 20_000;
const MAX_FIELDS = 100;
const MAX_OPTIONS = 200;
const MAX_CONDITION_DEPTH = 4;

const FIELD_NAME = /^[a-z][a-z0-9_]{0,63}$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const RELATIVE_DATE = /^today(?:([+-])(\d{1,4})d)?$/;

/** A real calendar day written YYYY-MM-DD (2026-02-30 is refused, not rolled over). */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** A date bound: an ISO date, or `today`, `today+14d`, `today-1d`, resolved against the caller's today. */
export function resolveDateBound(bound: string, today: string): string {
  const relative = RELATIVE_DATE.exec(bound);
  if (!relative) return bound;
  const days = relative[2] ? Number(relative[2]) * (relative[1] === '-' ? -1 : 1) : 0;
  return addDays(today, days);
}

/** Anchored like the HTML `pattern` attribute, so the web form and the server agree on what matches. */
export function compilePattern(regex: string): RegExp {
  return new RegExp(`^(?:${regex})$`, 'u');
}

const noNul = (schema: z.ZodString) => schema.refine((value) => !value.includes('\u0000'), 'must not contain NUL characters');
const label = noNul(z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'));
const help = noNul(z.string().trim().max(2000, 'must be at most 2000 characters')).default('');
const fieldName = z.string().regex(FIELD_NAME, 'must be a lowercase name such as "laptop_model" (a-z, 0-9, _)');
const isDateBound = (value: string) => isIsoDate(value) || RELATIVE_DATE.test(value);
const dateBound = z
  .string()
  .refine(isDateBound, 'must be a date (YYYY-MM-DD), "today", or "today+Nd" / "today-Nd"');
const count = z.number().int('must be a whole number').min(0, 'must not be negative');

export type ConditionValue = string | number;
export type Condition =
  | { field: string; equals: ConditionValue }
  | { field: string; notEquals: ConditionValue }
  | { field: string; in: ConditionValue[] }
  | { field: string; isAnswered: boolean }
  | { all: Condition[] }
  | { any: Condition[] };

const conditionValue = z.union([z.string().max(200), z.number().finite()], { error: 'must be a text or a number' });
export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union(
    [
      z.strictObject({ field: fieldName, equals: conditionValue }),
      z.strictObject({ field: fieldName, notEquals: conditionValue }),
      z.strictObject({ field: fieldName, in: z.array(conditionValue).min(1).max(50) }),
      z.strictObject({ field: fieldName, isAnswered: z.boolean() }),
      z.strictObject({ all: z.array(conditionSchema).min(1).max(20) }),
      z.strictObject({ any: z.array(conditionSchema).min(1).max(20) }),
    ],
    { error: 'must be {field, equals | notEquals | in | isAnswered} or {all: [...]} or {any: [...]}' },
  ),
);

const common = {
  name: fieldName,
  label,
  help,
  required: z.boolean().default(false),
  showWhen: conditionSchema.optional(),
};

const pattern = z.strictObject({
  regex: z.string().min(1).max(500, 'must be at most 500 characters'),
  message: label.describe('Shown to the requester when the answer does not match, e.g. "must look like AB-1234"'),
});

const option = z.strictObject({
  value: noNul(z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters')),
  label,
});
const options = z.array(option).min(1, 'must offer at least one option').max(MAX_OPTIONS);

export const formFieldSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ ...common, type: z.literal('short_text'), minLength: count.optional(), maxLength: count.max(SHORT_TEXT_MAX).optional(), pattern: pattern.optional() }),
    z.strictObject({ ...common, type: z.literal('long_text'), minLength: count.optional(), maxLength: count.max(LONG_TEXT_MAX).optional(), pattern: pattern.optional() }),
    z.strictObject({ ...common, type: z.literal('number'), min: z.number().finite().optional(), max: z.number().finite().optional(), integer: z.boolean().default(false) }),
    z.strictObject({ ...common, type: z.literal('date'), notBefore: dateBound.optional(), notAfter: dateBound.optional() }),
    z.strictObject({ ...common, type: z.literal('choice'), options }),
    z.strictObject({ ...common, type: z.literal('multi_choice'), options, minSelected: count.optional(), maxSelected: count.optional() }),
    z.strictObject({ ...common, type: z.literal('person') }),
    z.strictObject({ ...common, type: z.literal('file') }),
  ],
  { error: `type must be one of ${fieldTypes.join(', ')}` },
);
export type FormField = z.infer<typeof formFieldSchema>;

type Path = (string | number)[];
type Report = (path: Path, message: string) => void;

/** A showWhen's value must be one the referred field can hold, or the condition could never be true. */
function checkValue(target: FormField, value: ConditionValue, path: Path, report: Report): void {
  if (target.type === 'choice' || target.type === 'multi_choice') {
    if (!target.options.some((candidate) => candidate.value === value)) report(path, `is not an option of "${target.name}"`);
  } else if (target.type === 'number') {
    if (typeof value !== 'number') report(path, `must be a number, as "${target.name}" is a number`);
  } else if (typeof value !== 'string') {
    report(path, `must be a text, as "${target.name}" is a ${target.type}`);
  } else if (target.type === 'date' && !isIsoDate(value)) {
    report(path, 'must be a date (YYYY-MM-DD)');
  }
}

function checkCondition(condition: Condition, index: number, fields: FormField[], path: Path, depth: number, report: Report): void {
  if (depth > MAX_CONDITION_DEPTH) return report(path, `must not nest all/any more than ${MAX_CONDITION_DEPTH} deep`);
  if ('all' in condition || 'any' in condition) {
    const key = 'all' in condition ? 'all' : 'any';
    const parts = 'all' in condition ? condition.all : condition.any;
    parts.forEach((part, at) => checkCondition(part, index, fields, [...path, key, at], depth + 1, report));
    return;
  }
  // Only earlier fields: the form reads top to bottom, and a cycle becomes impossible by construction.
  const targetIndex = fields.findIndex((candidate) => candidate.name === condition.field);
  if (targetIndex === -1) return report([...path, 'field'], `refers to "${condition.field}", which is not a field of this form`);
  if (targetIndex >= index) return report([...path, 'field'], `must refer to an earlier field; "${condition.field}" is not above this one`);
  const target = fields[targetIndex]!;
  if ('equals' in condition) checkValue(target, condition.equals, [...path, 'equals'], report);
  if ('notEquals' in condition) checkValue(target, condition.notEquals, [...path, 'notEquals'], report);
  if ('in' in condition) condition.in.forEach((value, at) => checkValue(target, value, [...path, 'in', at], report));
}

function checkRanges(field: FormField, path: Path, report: Report): void {
  if ((field.type === 'short_text' || field.type === 'long_text') && field.minLength !== undefined) {
    const cap = field.maxLength ?? (field.type === 'short_text' ? SHORT_TEXT_MAX : LONG_TEXT_MAX);
    if (field.minLength > cap) report([...path, 'minLength'], `must be at most maxLength (${cap})`);
  }
  if (field.type === 'number' && field.min !== undefined && field.max !== undefined && field.min > field.max) {
    report([...path, 'min'], 'must be at most max');
  }
  if (field.type === 'number' && field.integer && field.min !== undefined && field.max !== undefined && Math.ceil(field.min) > Math.floor(field.max)) {
    report([...path, 'min'], 'leaves no whole number between min and max');
  }
  // Refined values that failed still reach here (see intakeFormSchema), so bounds are re-checked.
  if (field.type === 'date' && field.notBefore && field.notAfter && isDateBound(field.notBefore) && isDateBound(field.notAfter)) {
    // Both bounds move with the same today, so any fixed day shows whether they can ever cross.
    const probe = '2000-01-01';
    const mixed = RELATIVE_DATE.test(field.notBefore) !== RELATIVE_DATE.test(field.notAfter);
    if (!mixed && resolveDateBound(field.notBefore, probe) > resolveDateBound(field.notAfter, probe)) {
      report([...path, 'notBefore'], 'must not be after notAfter');
    }
  }
  if (field.type === 'multi_choice') {
    const { minSelected, maxSelected, options: offered } = field;
    if (minSelected !== undefined && maxSelected !== undefined && minSelected > maxSelected) report([...path, 'minSelected'], 'must be at most maxSelected');
    if (minSelected !== undefined && minSelected > offered.length) report([...path, 'minSelected'], `must be at most the number of options (${offered.length})`);
    if (maxSelected === 0) report([...path, 'maxSelected'], 'must be at least 1');
  }
  if ((field.type === 'short_text' || field.type === 'long_text') && field.pattern) {
    try {
      compilePattern(field.pattern.regex);
    } catch (error) {
      report([...path, 'pattern', 'regex'], `is not a valid regular expression (${(error as Error).message})`);
    }
  }
}

function checkDefinition(fields: FormField[], report: Report): void {
  const firstIndexOf = new Map<string, number>();
  fields.forEach((field, index) => {
    const path: Path = ['fields', index];
    const earlier = firstIndexOf.get(field.name);
    if (earlier !== undefined) report([...path, 'name'], `is already the name of fields.${earlier}`);
    else firstIndexOf.set(field.name, index);
    if (field.type === 'choice' || field.type === 'multi_choice') {
      const seen = new Set<string>();
      field.options.forEach((candidate, at) => {
        if (seen.has(candidate.value)) report([...path, 'options', at, 'value'], `repeats the option "${candidate.value}"`);
        seen.add(candidate.value);
      });
    }
    checkRanges(field, path, report);
    if (field.showWhen) checkCondition(field.showWhen, index, fields, [...path, 'showWhen'], 1, report);
  });
}

export const intakeFormSchema = z
  .strictObject({
    version: z.number().int('must be a whole number').min(1, 'must be at least 1'),
    fields: z.array(formFieldSchema).max(MAX_FIELDS, `must have at most ${MAX_FIELDS} fields`),
  })
  // Zod runs this only when every field parsed to its type, so the checks never meet a half-shaped
  // field; but a value that failed a refinement (a bad date bound) still arrives as a string.
  .superRefine((form, context) => {
    checkDefinition(form.fields, (path, message) => context.addIssue({ code: 'custom', path, message }));
  });
export type IntakeForm = z.infer<typeof intakeFormSchema>;

/**
 * Parses a form outside a route (imports, seeds, tests) and names problems the way the problem
 * handler does: `form.fields.2.showWhen.field`, and each unknown key on its own.
 */
export function parseIntakeForm(input: unknown, at = 'form'): { ok: true; form: IntakeForm } | { ok: false; problems: FieldProblem[] } {
  const parsed = intakeFormSchema.safeParse(input);
  if (parsed.success) return { ok: true, form: parsed.data };
  const problems = parsed.error.issues.flatMap((issue) => {
    const where = [at, ...issue.path.map(String)].join('.');
    if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => ({ field: `${where}.${key}`, reason: 'is not a known field' }));
    return [{ field: where, reason: issue.message }];
  });
  return { ok: false, problems };
}
