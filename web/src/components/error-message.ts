import { ApiError } from '../api/problem.ts';
import { en } from '../i18n/en.ts';

/** One sentence for a failed call: ours for network and server trouble, the API's own words otherwise. */
export function errorMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return en.states.serverError;
  if (error.code === 'NETWORK') return en.states.networkError;
  if (error.status === 404) return en.states.notFound;
  if (error.status >= 500) return en.states.serverError;
  return error.problem.detail ?? error.problem.title;
}
