// Why a raw message was refused. The intake keeps the raw bytes and shows the message to admins
// for reprocessing, so the reason must say what is wrong in words an admin can act on.
export type MailParseFailure =
  | 'empty'
  | 'too-large'
  | 'binary'
  | 'no-headers'
  | 'too-deeply-nested'
  | 'parser-failed';

export class MailParseError extends Error {
  readonly failure: MailParseFailure;

  constructor(failure: MailParseFailure, reason: string, options?: { cause?: unknown }) {
    super(reason, options);
    this.name = 'MailParseError';
    this.failure = failure;
  }
}
