import type { FastifyReply } from 'fastify';
import { fieldError } from './errors.ts';

// Optimistic concurrency over HTTP, the same for every resource with a version (requests, services):
// the answer carries the version as a strong ETag, and a change names the version it read.

export function withVersion(reply: FastifyReply, version: number): FastifyReply {
  return reply.header('etag', `"${version}"`);
}

/** If-Match: "<n>" (strong; a weak validator cannot guard a write) or `version` in the body. */
export function versionFrom(ifMatch: string | undefined, bodyVersion: number | undefined): number | undefined {
  if (ifMatch === undefined) return bodyVersion;
  const match = /^\s*"([1-9][0-9]{0,9})"\s*$/.exec(ifMatch);
  if (!match?.[1]) throw fieldError('headers.if-match', 'must be a version in quotes, such as "3", as given in the ETag');
  const version = Number(match[1]);
  if (bodyVersion !== undefined && bodyVersion !== version) {
    throw fieldError('body.version', 'disagrees with the If-Match header; send one of them');
  }
  return version;
}
