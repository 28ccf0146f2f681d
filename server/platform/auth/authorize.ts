import type { FastifyRequest } from 'fastify';
import { AppError } from '../http/errors.ts';

/**
 * Routes ask a policy function (a plain boolean, false unless a rule grants it) and pass the
 * answer here: whatever no rule allows is refused.
 */
export function authorize(allowed: boolean, detail?: string): void {
  if (!allowed) throw new AppError('FORBIDDEN', detail);
}

/**
 * A preValidation hook: an anonymous caller is told to sign in before the body is even
 * validated, so a stranger learns nothing from validation messages.
 */
export async function requireSignedIn(request: FastifyRequest): Promise<void> {
  if (!request.actor) throw new AppError('UNAUTHENTICATED');
}
