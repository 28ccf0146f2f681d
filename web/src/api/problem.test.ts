import { describe, expect, it } from 'vitest';
import { fieldMessages, toProblem, unplacedProblems } from './problem.ts';

// What the API sends when a service form is answered badly (intake.service.ts), as it arrives.
const intakeProblem = toProblem(400, {
  type: 'urn:hallway:problem:validation-failed',
  title: 'The request is not valid',
  status: 400,
  code: 'VALIDATION_FAILED',
  detail: 'body.answers.asset_tag: must look like LW-1234; body.answers.can_work: is required',
  instance: '/api/v1/services/laptop-repair/requests',
  errors: [
    { field: 'body.answers.asset_tag', reason: 'must look like LW-1234' },
    { field: 'body.answers.can_work', reason: 'is required' },
    { field: 'body.answers.items.2', reason: 'is not an option' },
    { field: 'body.answers.items', reason: 'must have at most 4 selected' },
    { field: 'body.answers.retired_field', reason: 'is not a field of this form' },
    { field: 'body.subject', reason: 'must be at most 300 characters' },
  ],
});

describe('problem+json into messages under inputs', () => {
  it('reads the problem document the API sends', () => {
    expect(intakeProblem).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', title: 'The request is not valid' });
    expect(intakeProblem.errors).toHaveLength(6);
  });

  it('puts each body.answers.<field> problem under its field, several joined', () => {
    expect(fieldMessages(intakeProblem, 'body.answers.')).toEqual({
      asset_tag: 'must look like LW-1234',
      can_work: 'is required',
      items: 'is not an option; must have at most 4 selected',
      retired_field: 'is not a field of this form',
    });
  });

  it('keeps problems no shown input can carry, to say above the form', () => {
    expect(unplacedProblems(intakeProblem, 'body.answers.', ['asset_tag', 'can_work', 'items'])).toEqual([
      { field: 'body.answers.retired_field', reason: 'is not a field of this form' },
      { field: 'body.subject', reason: 'must be at most 300 characters' },
    ]);
  });

  it('reads sign-in problems by their body field', () => {
    const problem = toProblem(400, {
      title: 'The request is not valid',
      status: 400,
      code: 'VALIDATION_FAILED',
      errors: [{ field: 'body.email', reason: 'must be an e-mail address' }],
    });
    expect(fieldMessages(problem, 'body.')).toEqual({ email: 'must be an e-mail address' });
  });

  it('survives what is not a problem document: a proxy page, junk in errors, nothing at all', () => {
    expect(toProblem(502, '<html>Bad gateway</html>')).toEqual({ title: 'HTTP 502', status: 502, code: 'INTERNAL' });
    expect(toProblem(404, null)).toEqual({ title: 'HTTP 404', status: 404, code: 'HTTP_ERROR' });
    const odd = toProblem(400, { title: 'x', code: 'VALIDATION_FAILED', errors: [null, 'body.x', { field: 'body.answers.a' }, { field: 'body.answers.b', reason: 'is required' }] });
    expect(odd.status).toBe(400);
    expect(fieldMessages(odd, 'body.answers.')).toEqual({ b: 'is required' });
  });
});
