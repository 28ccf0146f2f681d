import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../config.ts';

// The mail intake's settings: off unless a port is given, bound to the local relay by default.

function problemsOf(environment: Record<string, string>): string[] {
  try {
    loadConfig(environment);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe('mail intake configuration', () => {
  it('has no SMTP listener unless HALLWAY_SMTP_PORT is set', () => {
    expect(loadConfig({}).smtp).toBeUndefined();
    expect(loadConfig({}).imapPollSeconds).toBe(60);
  });

  it('listens on 127.0.0.1 with a 25 MiB limit by default once a port is set', () => {
    expect(loadConfig({ HALLWAY_SMTP_PORT: '2525' }).smtp).toEqual({ port: 2525, host: '127.0.0.1', maxMessageBytes: 25 * 1024 * 1024 });
    expect(loadConfig({ HALLWAY_SMTP_PORT: '25', HALLWAY_SMTP_HOST: '0.0.0.0', HALLWAY_SMTP_MAX_BYTES: '1000000' }).smtp).toEqual({
      port: 25,
      host: '0.0.0.0',
      maxMessageBytes: 1_000_000,
    });
  });

  it('refuses a bad port, limit or poll interval with a line naming it', () => {
    expect(problemsOf({ HALLWAY_SMTP_PORT: 'smtp' })).toEqual([expect.stringMatching(/^HALLWAY_SMTP_PORT="smtp": /)]);
    expect(problemsOf({ HALLWAY_SMTP_PORT: '70000' })).toEqual([expect.stringMatching(/^HALLWAY_SMTP_PORT="70000": /)]);
    expect(problemsOf({ HALLWAY_SMTP_MAX_BYTES: '100' })).toEqual([expect.stringMatching(/^HALLWAY_SMTP_MAX_BYTES="100": must be at least 10000/)]);
    expect(problemsOf({ HALLWAY_IMAP_POLL_SECONDS: '1' })).toEqual([expect.stringMatching(/^HALLWAY_IMAP_POLL_SECONDS="1": /)]);
  });
});
