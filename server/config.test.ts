import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

function problemsOf(environment: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(environment);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected the configuration to be refused');
}

describe('loadConfig', () => {
  it('starts with nothing set: embedded database in ./data, demo on, port 3000', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.seedDemo).toBe(true);
    expect(config.database).toMatchObject({ kind: 'pglite' });
    expect(config.firstAdmin).toBeUndefined();
  });

  it('uses a PostgreSQL server when DATABASE_URL is set, and lower-cases the first admin', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgresql://hallway@db:5432/hallway',
      HALLWAY_DEMO: 'no',
      HALLWAY_ADMIN_EMAIL: 'Boss@Example.com',
      HALLWAY_ADMIN_PASSWORD: 'correct horse battery',
    });
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgresql://hallway@db:5432/hallway' });
    expect(config.seedDemo).toBe(false);
    expect(config.firstAdmin).toEqual({ email: 'boss@example.com', password: 'correct horse battery' });
  });

  it('names every bad value on a line of its own, with what was given and what is expected', () => {
    const problems = problemsOf({
      PORT: 'eighty',
      DATABASE_URL: 'mysql://db/hallway',
      HALLWAY_DEMO: 'maybe',
      HALLWAY_ADMIN_EMAIL: 'not-an-email',
      HALLWAY_ADMIN_PASSWORD: 'short',
      LOG_LEVEL: 'loud',
    });
    expect(problems).toHaveLength(6);
    for (const [name, given] of [
      ['PORT', 'eighty'],
      ['DATABASE_URL', 'mysql://db/hallway'],
      ['HALLWAY_DEMO', 'maybe'],
      ['HALLWAY_ADMIN_EMAIL', 'not-an-email'],
      ['HALLWAY_ADMIN_PASSWORD', 'short'],
      ['LOG_LEVEL', 'loud'],
    ]) {
      expect(problems.filter((line) => line.startsWith(`${name}=${JSON.stringify(given)}: `))).toHaveLength(1);
    }
    expect(problems.find((line) => line.startsWith('HALLWAY_DEMO'))).toContain('1/0, true/false or yes/no');
    expect(problems.find((line) => line.startsWith('DATABASE_URL'))).toContain('postgres://');
  });

  it('refuses a port out of range and a half-configured first admin', () => {
    expect(problemsOf({ PORT: '70000' })).toEqual([expect.stringMatching(/^PORT="70000": /)]);
    expect(problemsOf({ HALLWAY_ADMIN_EMAIL: 'boss@example.com' })).toEqual([
      'HALLWAY_ADMIN_EMAIL and HALLWAY_ADMIN_PASSWORD must be set together',
    ]);
  });

  it('puts the whole list in the message that stops the start', () => {
    try {
      loadConfig({ PORT: 'x', HALLWAY_DEMO: 'x' });
      expect.unreachable();
    } catch (error) {
      const lines = (error as Error).message.split('\n');
      expect(lines[0]).toContain('configuration is invalid');
      expect(lines.slice(1)).toEqual([expect.stringMatching(/^  - PORT=/), expect.stringMatching(/^  - HALLWAY_DEMO=/)]);
    }
  });

  it('trusts no proxy unless told, then the named proxies or all of them', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ HALLWAY_TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ HALLWAY_TRUST_PROXY: '10.0.0.1, 10.0.0.2' }).trustProxy).toBe('10.0.0.1, 10.0.0.2');
    expect(problemsOf({ HALLWAY_TRUST_PROXY: 'yes please' })).toEqual([expect.stringMatching(/^HALLWAY_TRUST_PROXY="yes please": /)]);
  });

  it('sizes the embedded buffer cache only with a PostgreSQL size', () => {
    expect(loadConfig({ HALLWAY_EMBEDDED_SHARED_BUFFERS: '256MB' }).database).toMatchObject({ sharedBuffers: '256MB' });
    expect(problemsOf({ HALLWAY_EMBEDDED_SHARED_BUFFERS: '32MB; fsync = off' })).toEqual([
      expect.stringMatching(/^HALLWAY_EMBEDDED_SHARED_BUFFERS=.*must be a size/),
    ]);
  });

  it('polls for due timers every 500 ms unless told, and refuses a poll interval that is not a sane number', () => {
    expect(loadConfig({}).timerPollMs).toBe(500);
    expect(loadConfig({ HALLWAY_TIMER_POLL_MS: '250' }).timerPollMs).toBe(250);
    for (const given of ['soon', '0', '2.5', '-100', '600000']) {
      const problems = problemsOf({ HALLWAY_TIMER_POLL_MS: given });
      expect(problems).toHaveLength(1);
      expect(problems[0]).toContain(`HALLWAY_TIMER_POLL_MS=${JSON.stringify(given)}: must be`);
    }
  });
});
