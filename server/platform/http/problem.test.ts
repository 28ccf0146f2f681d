import { describe, expect, it } from 'vitest';
import { AppError } from './errors.ts';
import { problemOf, translateError } from './problem.ts';

describe('turning errors into problems', () => {
  it("keeps a framework's client errors as client errors", () => {
    const clientError = Object.assign(new Error('Unsupported Accept-Version'), { statusCode: 406 });
    expect(translateError(clientError)).toMatchObject({ status: 400, code: 'BAD_REQUEST' });
    expect(translateError(Object.assign(new Error('x'), { statusCode: 404 }))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('hides anything else behind a 500 that says nothing of the cause', () => {
    const problem = problemOf(translateError(new Error('connection to 10.0.0.5 refused, password=hunter2')));
    expect(problem).toMatchObject({ status: 500, code: 'INTERNAL' });
    expect(JSON.stringify(problem)).not.toContain('hunter2');
  });

  it('names the problem type with a stable URN per code', () => {
    expect(problemOf(new AppError('VERSION_CONFLICT')).type).toBe('urn:hallway:problem:version-conflict');
  });
});
