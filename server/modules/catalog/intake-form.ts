import { z } from 'zod';
import type { FieldProblem } from '../../platform/http/errors.ts';
import {
  compilePattern,
  fieldTypes,
  isIsoDate,
  LONG_TEXT_MAX,
  resolveDateBound,
  SHORT_TEXT_MAX,
  type Condition,
  type FormField,
  type IntakeForm,
} from './intake-form.schema.ts';

/**
 * The intake-form engine: pure functions, no I/O. Lookups the engine cannot do itself (does this
 * person exist?) come in through the context, so the service decides where they are answered from.
 */

export type AnswerValue = string | number | string[];
export type NormalisedAnswers = Record<string, AnswerValue>;

export interface AnswerContext {
  /** The requester's today (YYYY-MM-DD), for relative date bounds such as `today+1d`. */
  today: string;
  personExists?: (id: string) => boolean;
  fileExists?: (id: string) => boolean;
}

export type AnswersResult =
  | {
      ok: true;
      /** Only the answered, shown fields, in form order; unanswered fields are absent, never null. */
      answers: NormalisedAnswers;
      /** Names of answers that were sent for hidden fields and dropped (see docs/decisions/0007-intake-forms.md). */
      dropped: string[];
    }
  | { ok: false; problems: FieldProblem[] };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ABSENT = Symbol('absent');
type Checked = { value: AnswerValue } | { reason: string } | typeof ABSENT;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** Null, blank text and an empty selection all mean "not answered": that is what an empty HTML input sends. */
function isBlank(raw: unknown): boolean {
  return raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '') || (Array.isArray(raw) && raw.length === 0);
}

function listOf(values: string[]): string {
  return values.length <= 10 ? values.map((value) => `"${value}"`).join(', ') : 'the options offered';
}

function checkText(field: Extract<FormField, { type: 'short_text' | 'long_text' }>, raw: unknown): Checked {
  if (typeof raw !== 'string') return { reason: 'must be a text' };
  // Browsers send CRLF from a textarea; counting \r would make the server disagree with the form's counter.
  const text = raw.replaceAll('\r\n', '\n').trim();
  if (text.includes('\u0000')) return { reason: 'must not contain NUL characters' };
  if (field.type === 'short_text' && /[\r\n]/.test(text)) return { reason: 'must be a single line' };
  // Code points, not UTF-16 units: an emoji is one character to the person typing it.
  const length = [...text].length;
  const max = field.maxLength ?? (field.type === 'short_text' ? SHORT_TEXT_MAX : LONG_TEXT_MAX);
  if (field.minLength !== undefined && length < field.minLength) return { reason: `must be at least ${field.minLength} characters` };
  if (length > max) return { reason: `must be at most ${max} characters` };
  // Tested only once the length is bounded, which bounds what an author's pattern can cost.
  if (field.pattern && !compilePattern(field.pattern.regex).test(text)) return { reason: field.pattern.message };
  return { value: text };
}

function checkNumber(field: Extract<FormField, { type: 'number' }>, raw: unknown): Checked {
  // Strict: "12" is refused. The API is JSON and the web app sends numbers; accepting strings would
  // raise "1e3", " 12", "0x10" and "12,5" questions that a number in JSON never asks.
  if (typeof raw !== 'number' || !Number.isFinite(raw)) return { reason: 'must be a number' };
  if (field.integer && !Number.isInteger(raw)) return { reason: 'must be a whole number' };
  if (field.min !== undefined && raw < field.min) return { reason: `must be at least ${field.min}` };
  if (field.max !== undefined && raw > field.max) return { reason: `must be at most ${field.max}` };
  return { value: raw };
}

function checkDate(field: Extract<FormField, { type: 'date' }>, raw: unknown, context: AnswerContext): Checked {
  if (typeof raw !== 'string' || !isIsoDate(raw.trim())) return { reason: 'must be a date (YYYY-MM-DD)' };
  const date = raw.trim();
  // ISO dates of one format compare correctly as strings.
  if (field.notBefore && date < resolveDateBound(field.notBefore, context.today)) {
    return { reason: `must be on or after ${resolveDateBound(field.notBefore, context.today)}` };
  }
  if (field.notAfter && date > resolveDateBound(field.notAfter, context.today)) {
    return { reason: `must be on or before ${resolveDateBound(field.notAfter, context.today)}` };
  }
  return { value: date };
}

function checkChoice(field: Extract<FormField, { type: 'choice' }>, raw: unknown): Checked {
  const values = field.options.map((option) => option.value);
  if (typeof raw !== 'string' || !values.includes(raw.trim())) return { reason: `must be one of ${listOf(values)}` };
  return { value: raw.trim() };
}

function checkMultiChoice(field: Extract<FormField, { type: 'multi_choice' }>, raw: unknown): Checked {
  const values = field.options.map((option) => option.value);
  if (!Array.isArray(raw) || raw.some((item) => typeof item !== 'string')) return { reason: 'must be a list of options' };
  const chosen = new Set((raw as string[]).map((item) => item.trim()));
  const unknown = [...chosen].filter((item) => !values.includes(item));
  if (unknown.length > 0) return { reason: `must only contain ${listOf(values)}; "${unknown[0]!.slice(0, 100)}" is not an option` };
  // Duplicates are harmless (a double click), so they are merged; the form's order makes display stable.
  const selected = values.filter((value) => chosen.has(value));
  if (field.minSelected !== undefined && selected.length < field.minSelected) return { reason: `must have at least ${field.minSelected} selected` };
  if (field.maxSelected !== undefined && selected.length > field.maxSelected) return { reason: `must have at most ${field.maxSelected} selected` };
  return { value: selected };
}

function checkReference(raw: unknown, what: string, exists: ((id: string) => boolean) | undefined, missing: string): Checked {
  if (typeof raw !== 'string' || !UUID.test(raw.trim())) return { reason: `must be ${what} id` };
  const id = raw.trim().toLowerCase();
  if (exists && !exists(id)) return { reason: missing };
  return { value: id };
}

function checkAnswer(field: FormField, raw: unknown, context: AnswerContext): Checked {
  if (isBlank(raw)) return ABSENT;
  switch (field.type) {
    case 'short_text':
    case 'long_text':
      return checkText(field, raw);
    case 'number':
      return checkNumber(field, raw);
    case 'date':
      return checkDate(field, raw, context);
    case 'choice':
      return checkChoice(field, raw);
    case 'multi_choice':
      return checkMultiChoice(field, raw);
    case 'person':
      return checkReference(raw, 'a person', context.personExists, 'is not a person in the directory');
    case 'file':
      return checkReference(raw, 'an uploaded file', context.fileExists, 'is not an upload of yours that is still unused (POST /api/v1/uploads)');
  }
}

function matches(answer: AnswerValue, value: string | number): boolean {
  return Array.isArray(answer) ? answer.includes(String(value)) : answer === value;
}

/**
 * Whether a condition holds over the answers of fields shown so far. An unanswered (or hidden, or
 * invalid) field satisfies nothing but `isAnswered: false`, so hiding a field hides its whole chain.
 * For a multi-choice field, `equals` means "this option is among those selected".
 */
export function conditionHolds(condition: Condition, answers: NormalisedAnswers): boolean {
  if ('all' in condition) return condition.all.every((part) => conditionHolds(part, answers));
  if ('any' in condition) return condition.any.some((part) => conditionHolds(part, answers));
  const answer = Object.hasOwn(answers, condition.field) ? answers[condition.field] : undefined;
  if ('isAnswered' in condition) return (answer !== undefined) === condition.isAnswered;
  if (answer === undefined) return false;
  if ('equals' in condition) return matches(answer, condition.equals);
  if ('notEquals' in condition) return !matches(answer, condition.notEquals);
  return condition.in.some((value) => matches(answer, value));
}

/**
 * Validates a requester's answers against a form and reports every problem at once, in form order.
 * Answers for hidden fields are dropped, not refused: a person who picked "other", typed a reason,
 * then picked "laptop" cannot see the reason field any more and should not be asked to clear it.
 * Unknown names are refused: they are a client's typo or a stale form, and silence would lose data.
 */
export function validateAnswers(form: IntakeForm, answers: unknown, context: AnswerContext): AnswersResult {
  if (!isIsoDate(context.today)) throw new Error(`validateAnswers needs today as YYYY-MM-DD, got ${context.today}`);
  const sent = answers === undefined ? {} : answers;
  if (!isPlainObject(sent)) return { ok: false, problems: [{ field: 'answers', reason: 'must be an object of answers by field name' }] };

  const problems: FieldProblem[] = [];
  const normalised: NormalisedAnswers = {};
  const dropped: string[] = [];
  for (const field of form.fields) {
    const raw = Object.hasOwn(sent, field.name) ? sent[field.name] : undefined;
    // Conditions refer only to earlier fields, so `normalised` already holds everything they may read.
    if (field.showWhen && !conditionHolds(field.showWhen, normalised)) {
      if (!isBlank(raw)) dropped.push(field.name);
      continue;
    }
    const checked = checkAnswer(field, raw, context);
    if (checked === ABSENT) {
      if (field.required) problems.push({ field: `answers.${field.name}`, reason: 'is required' });
    } else if ('reason' in checked) {
      problems.push({ field: `answers.${field.name}`, reason: checked.reason });
    } else {
      normalised[field.name] = checked.value;
    }
  }
  const known = new Set(form.fields.map((field) => field.name));
  for (const name of Object.keys(sent)) {
    // Cut long hostile names so a problem document stays small.
    if (!known.has(name)) problems.push({ field: `answers.${name.slice(0, 64)}`, reason: 'is not a field of this form' });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, answers: normalised, dropped };
}

const fieldLabelSchema = z.object({
  label: z.string(),
  type: z.enum(fieldTypes),
  /** The labels of the chosen options only, as they read when the request was made. */
  options: z.record(z.string(), z.string()).optional(),
});

/** What a request stores: answers plus enough of the form to show them after the form has changed. */
export const answerRecordSchema = z.object({
  formVersion: z.number().int().min(1),
  answers: z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string())])),
  labels: z.record(z.string(), fieldLabelSchema),
});
export type AnswerRecord = z.infer<typeof answerRecordSchema>;

export function answerRecord(form: IntakeForm, answers: NormalisedAnswers): AnswerRecord {
  const labels: AnswerRecord['labels'] = {};
  const ordered: NormalisedAnswers = {};
  for (const field of form.fields) {
    if (!Object.hasOwn(answers, field.name)) continue;
    const answer = answers[field.name]!;
    ordered[field.name] = answer;
    labels[field.name] = { label: field.label, type: field.type };
    if (field.type === 'choice' || field.type === 'multi_choice') {
      const chosen = new Set(Array.isArray(answer) ? answer : [String(answer)]);
      labels[field.name]!.options = Object.fromEntries(
        field.options.filter((option) => chosen.has(option.value)).map((option) => [option.value, option.label]),
      );
    }
  }
  const stray = Object.keys(answers).find((name) => !Object.hasOwn(ordered, name));
  if (stray !== undefined) throw new Error(`answerRecord: "${stray}" is not a field of form version ${form.version}`);
  return { formVersion: form.version, answers: ordered, labels };
}

export interface DisplayedAnswer {
  name: string;
  label: string;
  type: AnswerRecord['labels'][string]['type'];
  /** Text for people; person and file ids stay ids, for the caller to turn into names and links. */
  text: string;
}

/** Reads a stored record alone, never the current form, so older requests show as they were made. */
export function displayAnswers(record: AnswerRecord): DisplayedAnswer[] {
  return Object.entries(record.answers).map(([name, answer]) => {
    const snapshot = record.labels[name] ?? { label: name, type: 'short_text' as const };
    const optionLabel = (value: string) => snapshot.options?.[value] ?? value;
    const text = Array.isArray(answer) ? answer.map(optionLabel).join(', ') : snapshot.options ? optionLabel(String(answer)) : String(answer);
    return { name, label: snapshot.label, type: snapshot.type, text };
  });
}
