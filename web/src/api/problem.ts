// RFC 9457 problem+json as Hallway sends it, and the step from "which field, why" to a message
// under the right input. Pure, so it is tested without a browser (problem.test.ts).

export interface FieldProblem {
  /** Where, as the API names it: `body.answers.asset_tag`, `body.email`, `query.limit`. */
  field: string;
  reason: string;
}

export interface Problem {
  title: string;
  status: number;
  code: string;
  detail?: string | undefined;
  errors?: FieldProblem[] | undefined;
}

/** A failed call: the API's problem document, or one made up here when there was none (network down, a proxy's HTML page). */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
  }

  get status(): number {
    return this.problem.status;
  }

  get code(): string {
    return this.problem.code;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fieldProblemsOf(value: unknown): FieldProblem[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.filter(
    (item): item is FieldProblem => isRecord(item) && typeof item.field === 'string' && typeof item.reason === 'string',
  );
}

/** Reads whatever came back with a failed status; anything not problem-shaped keeps only its status. */
export function toProblem(status: number, body: unknown): Problem {
  if (isRecord(body) && typeof body.code === 'string' && typeof body.title === 'string') {
    return {
      title: body.title,
      status: typeof body.status === 'number' ? body.status : status,
      code: body.code,
      detail: typeof body.detail === 'string' ? body.detail : undefined,
      errors: fieldProblemsOf(body.errors),
    };
  }
  return { title: `HTTP ${status}`, status, code: status >= 500 ? 'INTERNAL' : 'HTTP_ERROR' };
}

/**
 * The messages for the inputs of one form, by input name: with prefix `body.answers.`, the problem
 * `body.answers.asset_tag` lands under `asset_tag`. Several problems for one input are joined, so
 * none is lost; deeper paths (`body.answers.items.2`) belong to their input (`items`).
 */
export function fieldMessages(problem: Problem, prefix: string): Record<string, string> {
  const messages: Record<string, string> = {};
  for (const { field, reason } of problem.errors ?? []) {
    if (!field.startsWith(prefix)) continue;
    const name = field.slice(prefix.length).split('.')[0];
    if (!name) continue;
    messages[name] = messages[name] ? `${messages[name]}; ${reason}` : reason;
  }
  return messages;
}

/** Problems no input of the form can show (another prefix, or the whole body): said above the form. */
export function unplacedProblems(problem: Problem, prefix: string, inputNames: readonly string[]): FieldProblem[] {
  const known = new Set(inputNames);
  return (problem.errors ?? []).filter(({ field }) => {
    if (!field.startsWith(prefix)) return true;
    const name = field.slice(prefix.length).split('.')[0];
    return !name || !known.has(name);
  });
}
