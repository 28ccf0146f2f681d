/**
 * The one error catalog: every failure a client can see has a stable code and an HTTP status.
 * Services throw `AppError`; the problem handler turns it into RFC 9457 problem+json.
 */
export const errorCatalog = {
  VALIDATION_FAILED: { status: 400, title: 'The request is not valid' },
  BAD_REQUEST: { status: 400, title: 'The request cannot be understood' },
  MALFORMED_JSON: { status: 400, title: 'The body is not valid JSON' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'The body must be JSON' },
  BODY_TOO_LARGE: { status: 413, title: 'The body is too large' },
  UNAUTHENTICATED: { status: 401, title: 'Sign in first' },
  INVALID_CREDENTIALS: { status: 401, title: 'E-mail or password is wrong' },
  CSRF_TOKEN_INVALID: { status: 403, title: 'The CSRF token is missing or wrong' },
  FORBIDDEN: { status: 403, title: 'You may not do this' },
  TOKEN_SCOPE_MISSING: { status: 403, title: 'The API token was not made for this; make one with the scope named in missingScope' },
  TOO_MANY_SIGN_IN_ATTEMPTS: { status: 429, title: 'Too many failed sign-ins; wait and try again' },
  NOT_FOUND: { status: 404, title: 'Nothing is here' },
  REQUEST_NOT_FOUND: { status: 404, title: 'No such request' },
  TEAM_NOT_FOUND: { status: 404, title: 'No such team' },
  PERSON_NOT_FOUND: { status: 404, title: 'No such person' },
  TOKEN_NOT_FOUND: { status: 404, title: 'No such API token' },
  CALENDAR_NOT_FOUND: { status: 404, title: 'No such calendar' },
  TEAM_HAS_NO_CALENDAR: { status: 404, title: 'The team has no calendar of working hours' },
  CLOSURE_NOT_FOUND: { status: 404, title: 'No such closure on this calendar' },
  CALENDAR_NEVER_OPENS: { status: 422, title: 'The calendar has no open time ahead to count in' },
  SLA_POLICY_NOT_FOUND: { status: 404, title: 'No such SLA policy' },
  AGREEMENT_NOT_FOUND: { status: 404, title: 'No such internal agreement' },
  AGREEMENT_NOT_OPEN: { status: 409, title: 'The agreement cannot take this step now' },
  SERVICE_NOT_FOUND: { status: 404, title: 'No such service' },
  FORM_VERSION_NOT_FOUND: { status: 404, title: 'The service has no form of that version' },
  SERVICE_SLUG_TAKEN: { status: 409, title: 'Another service already has this slug' },
  STEP_NOT_FOUND: { status: 404, title: 'The request has no such procedure step' },
  APPROVAL_NOT_FOUND: { status: 404, title: 'No such approval' },
  APPROVAL_ALREADY_DECIDED: { status: 409, title: 'The approval was already decided' },
  REQUEST_AWAITING_APPROVAL: { status: 409, title: 'The request is waiting for approval; work starts once it is approved' },
  EMAIL_TAKEN: { status: 409, title: 'Someone already has this e-mail address' },
  TEAM_SLUG_TAKEN: { status: 409, title: 'Another team already has this slug or key prefix' },
  LAST_ADMIN: { status: 409, title: 'Hallway needs at least one active admin' },
  VERSION_CONFLICT: { status: 412, title: 'The request changed since you read it' },
  VERSION_REQUIRED: { status: 428, title: 'Say which version you are changing (If-Match or version)' },
  ILLEGAL_TRANSITION: { status: 409, title: 'The request cannot move to that status' },
  REQUEST_CLOSED: { status: 409, title: 'A closed request cannot change; open a new one' },
  IDEMPOTENCY_KEY_REUSED: { status: 422, title: 'This Idempotency-Key was used for a different request' },
  IMPORT_HAS_ERRORS: { status: 422, title: 'The file has rows with errors; nothing was imported' },
  ATTACHMENT_NOT_FOUND: { status: 404, title: 'No such attachment' },
  ARTICLE_NOT_FOUND: { status: 404, title: 'No such article' },
  ARTICLE_SLUG_TAKEN: { status: 409, title: 'Another article already has this slug' },
  ILLEGAL_ARTICLE_TRANSITION: { status: 409, title: 'The article cannot move to that status' },
  REQUEST_NOT_RESOLVED: { status: 409, title: 'Only a resolved or closed request can become an article' },
  MAIL_ADDRESS_TAKEN: { status: 409, title: 'Another team already receives mail at this address' },
  INBOUND_MESSAGE_NOT_FOUND: { status: 404, title: 'No such inbound message' },
  INBOUND_MESSAGE_NOT_REPROCESSABLE: { status: 409, title: 'Only a failed, held or rejected message can be processed again' },
  OUTBOUND_MESSAGE_NOT_FOUND: { status: 404, title: 'No such outbound message' },
  OUTBOUND_MESSAGE_NOT_RETRYABLE: { status: 409, title: 'Only a failed or suppressed mail can be sent again' },
  CONNECTION_NOT_FOUND: { status: 404, title: 'No such channel connection' },
  CONNECTION_EXTERNAL_ID_TAKEN: { status: 409, title: 'Another connection of this kind already has this external id' },
  EXTERNAL_IDENTITY_TAKEN: { status: 409, title: 'This chat-app account is already linked to someone else' },
  EXTERNAL_IDENTITY_NOT_FOUND: { status: 404, title: 'You have no such linked chat-app account' },
  CHAT_TAKEN: { status: 409, title: 'Another agent already picked up this chat' },
  CHAT_ENDED: { status: 409, title: 'This chat has ended; the request goes on by e-mail and the portal' },
  WEBHOOK_NOT_FOUND: { status: 404, title: 'No such webhook' },
  INBOUND_WEBHOOK_NOT_FOUND: { status: 404, title: 'No such inbound webhook' },
  DELIVERY_NOT_FOUND: { status: 404, title: 'No such delivery' },
  WEBHOOK_SIGNATURE_INVALID: { status: 401, title: 'The Hallway-Signature header is missing, wrong, expired or replayed' },
  INTERNAL: { status: 500, title: 'Something went wrong on our side' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ErrorCode = keyof typeof errorCatalog;

export interface FieldProblem {
  /** Where the problem is: a JSON pointer-ish path such as `body.subject` or `query.limit`. */
  field: string;
  reason: string;
}

export class AppError extends Error {
  readonly status: number;
  readonly title: string;

  constructor(
    readonly code: ErrorCode,
    readonly detail?: string,
    readonly errors?: FieldProblem[],
    /** Extra members for the problem document (e.g. currentVersion); never secrets. */
    readonly extensions?: Record<string, unknown>,
  ) {
    super(detail ?? errorCatalog[code].title);
    this.status = errorCatalog[code].status;
    this.title = errorCatalog[code].title;
  }
}

export function fieldError(field: string, reason: string, code: ErrorCode = 'VALIDATION_FAILED'): AppError {
  return new AppError(code, `${field}: ${reason}`, [{ field, reason }]);
}
