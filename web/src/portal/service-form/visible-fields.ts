import { conditionHolds, type NormalisedAnswers } from '../../../../server/modules/catalog/intake-form.ts';
import type { AnswerValue, FormField } from '../../api/types.ts';

// Which fields a form shows for the answers typed so far. The condition itself is the server's own
// pure function (imported, not copied), so the form and the API cannot disagree on what it means;
// this file only builds its input the way the server does: shown, answered fields, in form order.

/** What the inputs hold: undefined (or blank) until answered. */
export type Draft = Record<string, AnswerValue | undefined>;

function answered(value: AnswerValue | undefined): AnswerValue | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (Array.isArray(value)) return value.length === 0 ? undefined : value;
  return Number.isFinite(value) ? value : undefined;
}

/** The fields to show, top to bottom: a hidden field's answer counts for nothing further down. */
export function visibleFields(fields: readonly FormField[], draft: Draft): FormField[] {
  const shown: FormField[] = [];
  const answers: NormalisedAnswers = {};
  for (const field of fields) {
    if (field.showWhen && !conditionHolds(field.showWhen, answers)) continue;
    shown.push(field);
    const value = answered(draft[field.name]);
    if (value !== undefined) answers[field.name] = value;
  }
  return shown;
}

/** The body's `answers`: the shown fields that have an answer. Hidden ones stay in the draft, in case they come back. */
export function answersToSend(fields: readonly FormField[], draft: Draft): Record<string, AnswerValue> {
  const answers: Record<string, AnswerValue> = {};
  for (const field of visibleFields(fields, draft)) {
    const value = answered(draft[field.name]);
    if (value !== undefined) answers[field.name] = value;
  }
  return answers;
}
