import { readFile } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprint } from '../../../test/support/database-fingerprint.ts';
import { bearerFor, buildPerson, buildTeam } from '../../../test/support/factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { AppError } from '../../platform/http/errors.ts';
import { checkRowsAgainstDirectory, importPeopleCsv, parsePeopleCsv } from './people-import.ts';

const fixture = (name: string) => readFile(new URL(`../../../test/fixtures/${name}`, import.meta.url), 'utf8');

describe('parsing a directory CSV (no database)', () => {
  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
  ])('numbers lines as an editor does, past quoted line breaks and blank lines (%s)', (_name, eol) => {
    const csv = ['email,name,location', 'a@example.test,A,"two', 'lines"', '', 'not-an-email,B,', 'c@example.test,C,Paris', ''].join(eol);
    const { rows, problems } = parsePeopleCsv(csv);
    // A location is one line, so line 2 is refused too; the point is that the others are 5 and 6.
    expect(problems.map((problem) => problem.line)).toEqual([2, 5]);
    expect(rows.map((row) => [row.line, row.location])).toEqual([[6, 'Paris']]);
  });

  it('accepts columns in any order and normalises e-mails and time zones', () => {
    const { rows, problems } = parsePeopleCsv('Name,EMAIL,time_zone\nAmy,Amy@Example.TEST,asia/tokyo\n');
    expect(problems).toEqual([]);
    expect(rows[0]).toMatchObject({ line: 2, email: 'amy@example.test', name: 'Amy', timeZone: 'Asia/Tokyo', role: 'employee' });
  });

  it('finds a manager who comes later in the file, and a loop of managers', () => {
    const { rows } = parsePeopleCsv('email,name,manager_email\na@x.test,A,b@x.test\nb@x.test,B,a@x.test\nc@x.test,C,d@x.test\nd@x.test,D,\n');
    const checked = checkRowsAgainstDirectory(rows, { teamSlugs: new Set(), existingEmails: new Set() });
    expect(checked.good.map((row) => row.email)).toEqual(['c@x.test', 'd@x.test']);
    expect(checked.problems.map((problem) => problem.line)).toEqual([2, 3]);
  });

  it('finds a loop closed by the directory: the new manager already reports to the person', () => {
    const { rows } = parsePeopleCsv('email,name,manager_email\nboss@x.test,Boss,deputy@x.test\nother@x.test,Other,deputy@x.test\n');
    // In the directory: deputy -> middle -> boss.
    const managerOf = new Map([['deputy@x.test', 'middle@x.test'], ['middle@x.test', 'boss@x.test']]);
    const existingEmails = new Set(['boss@x.test', 'deputy@x.test', 'middle@x.test']);
    const checked = checkRowsAgainstDirectory(rows, { teamSlugs: new Set(), existingEmails, managerOf });
    expect(checked.good.map((row) => row.email)).toEqual(['other@x.test']);
    expect(checked.problems).toEqual([
      { line: 2, reason: 'would make a management loop: deputy@x.test already reports to boss@x.test in the directory, directly or not' },
    ]);
  });
});

describe('importing a directory CSV', () => {
  let t: TestApp;
  let admin: Record<string, string>;
  beforeAll(async () => {
    t = await createTestApp();
    await buildTeam(t.database, { slug: 'it', keyPrefix: 'IT' });
    await buildTeam(t.database, { slug: 'hr', keyPrefix: 'HR' });
    admin = await bearerFor(t.database, (await buildPerson(t.database, { isAdmin: true })).id);
  });
  afterAll(() => t.close());

  const importOverHttp = async (csv: string, query = '') =>
    t.app.inject({ method: 'POST', url: `/api/v1/people/import${query}`, payload: csv, headers: { ...admin, 'content-type': 'text/csv' } });

  it('reports every bad line of a file and imports nothing', async () => {
    const before = await fingerprint(t.database);
    const response = await importOverHttp(await fixture('people-import-bad.csv'));
    expect(response.statusCode).toBe(422);
    const problem = response.json();
    expect(problem.code).toBe('IMPORT_HAS_ERRORS');
    expect(problem.errors.map((error: { field: string }) => error.field)).toEqual(
      [3, 4, 6, 7, 8, 9, 10, 11, 12, 14].map((line) => `line ${line}`),
    );
    const reasonOf = (line: number) => problem.errors.find((error: { field: string }) => error.field === `line ${line}`).reason;
    expect(reasonOf(3)).toContain('email is missing');
    expect(reasonOf(4)).toContain('not an e-mail address');
    expect(reasonOf(6)).toContain('repeats the e-mail address ada@example.test of line 2');
    expect(reasonOf(7)).toContain('team "marketing" does not exist');
    expect(reasonOf(8)).toContain('nobody@example.test is neither in the directory nor in this file');
    expect(reasonOf(9)).toContain('time_zone "Mars/Base"');
    expect(reasonOf(10)).toContain('role "boss"');
    expect(reasonOf(11)).toContain('has 10 fields but the header names 9 columns');
    expect(reasonOf(12)).toContain('a agent needs a team');
    expect(reasonOf(14)).toContain('line 9, which has errors');
    expect(await fingerprint(t.database)).toEqual(before);
  });

  it('with skipInvalid, imports the good lines and lists the skipped ones', async () => {
    const response = await importOverHttp(await fixture('people-import-bad.csv'), '?skipInvalid=true');
    expect(response.statusCode).toBe(200);
    const result = response.json();
    expect(result).toMatchObject({ created: 3, updated: 0 });
    expect(result.skipped.map((skip: { line: number }) => skip.line)).toEqual([3, 4, 6, 7, 8, 9, 10, 11, 12, 14]);
    const rows = await t.database.rows<{ email: string; manager: string | null; role: string | null }>(sql`
      select p.email, m.email as manager, tm.role from people p
      left join people m on m.id = p.manager_id
      left join team_memberships tm on tm.person_id = p.id
      where p.email in ('ada@example.test', 'bob@example.test', 'carol@example.test') order by p.email`);
    expect(rows).toEqual([
      { email: 'ada@example.test', manager: null, role: 'lead' },
      { email: 'bob@example.test', manager: 'ada@example.test', role: 'agent' },
      { email: 'carol@example.test', manager: 'bob@example.test', role: null },
    ]);
  });

  it('imports a good file: teams, managers later in the file, roles, quoted commas and quotes', async () => {
    const result = await importPeopleCsv(t.database.db, await fixture('people-import-good.csv'), { skipInvalid: false });
    expect(result).toEqual({ created: 4, updated: 0, skipped: [] });
    const katherine = await t.database.rows<Record<string, unknown>>(sql`
      select p.title, p.time_zone, t.slug as home_team, m.email as manager from people p
      join teams t on t.id = p.home_team_id join people m on m.id = p.manager_id
      where p.email = 'katherine@example.test'`);
    expect(katherine).toEqual([{ title: 'Analyst "KJ"', time_zone: 'UTC', home_team: 'hr', manager: 'alan@example.test' }]);
    const [alan] = await t.database.rows<{ time_zone: string }>(sql`select time_zone from people where email = 'alan@example.test'`);
    expect(alan!.time_zone).toBe('Europe/London');
    const [margaret] = await t.database.rows<{ is_admin: boolean }>(sql`select is_admin from people where email = 'margaret@example.test'`);
    expect(margaret!.is_admin).toBe(true);
  });

  it('updates existing people: empty cells keep what is there, and access is never taken away', async () => {
    const result = await importPeopleCsv(
      t.database.db,
      'email,name,title,location,role\ngrace@example.test,Grace B. Hopper,,,employee\nmargaret@example.test,Margaret H.,,,\n',
      { skipInvalid: false },
    );
    expect(result).toEqual({ created: 0, updated: 2, skipped: [] });
    const rows = await t.database.rows<Record<string, unknown>>(sql`
      select p.name, p.title, p.location, p.is_admin, (select role from team_memberships tm where tm.person_id = p.id) as role
      from people p where p.email in ('grace@example.test', 'margaret@example.test') order by p.email`);
    expect(rows).toEqual([
      { name: 'Grace B. Hopper', title: 'Director, Engineering', location: 'New York', is_admin: false, role: 'lead' },
      { name: 'Margaret H.', title: null, location: 'Boston', is_admin: true, role: null },
    ]);
  });

  it('never turns a lead into an agent, but does make an agent a lead', async () => {
    const result = await importPeopleCsv(
      t.database.db,
      'email,name,team,role\ngrace@example.test,Grace B. Hopper,it,agent\nalan@example.test,Alan Turing,it,lead\n',
      { skipInvalid: false },
    );
    expect(result).toEqual({ created: 0, updated: 2, skipped: [] });
    const rows = await t.database.rows<{ email: string; role: string }>(sql`
      select p.email, tm.role from team_memberships tm join people p on p.id = tm.person_id join teams t on t.id = tm.team_id
      where t.slug = 'it' and p.email in ('grace@example.test', 'alan@example.test') order by p.email`);
    expect(rows).toEqual([
      { email: 'alan@example.test', role: 'lead' },
      { email: 'grace@example.test', role: 'lead' },
    ]);
  });

  it('refuses a manager who already reports to the person in the directory, naming the line', async () => {
    // The directory now: katherine -> alan -> grace.
    const before = await fingerprint(t.database);
    const response = await importOverHttp('email,name,manager_email\nnew.hire@example.test,New Hire,grace@example.test\ngrace@example.test,Grace Hopper,katherine@example.test\n');
    expect(response.statusCode).toBe(422);
    expect(response.json().errors).toEqual([
      {
        field: 'line 3',
        reason: 'would make a management loop: katherine@example.test already reports to grace@example.test in the directory, directly or not',
      },
    ]);
    expect(await fingerprint(t.database)).toEqual(before);

    const skipping = await importOverHttp('email,name,manager_email\ngrace@example.test,Grace Hopper,alan@example.test\n', '?skipInvalid=true');
    expect(skipping.json()).toMatchObject({ created: 0, updated: 0, skipped: [{ line: 2 }] });
    const [grace] = await t.database.rows<{ manager_id: string | null }>(sql`select manager_id from people where email = 'grace@example.test'`);
    expect(grace!.manager_id).toBeNull();
  });

  it('judges loops on the directory as the file leaves it: a file may re-parent a whole chain', async () => {
    // katherine reported to alan; now alan reports to katherine, who reports to margaret (-> grace).
    const result = await importPeopleCsv(
      t.database.db,
      'email,name,manager_email\nalan@example.test,Alan Turing,katherine@example.test\nkatherine@example.test,Katherine Johnson,margaret@example.test\n',
      { skipInvalid: false },
    );
    expect(result).toEqual({ created: 0, updated: 2, skipped: [] });
    const rows = await t.database.rows<{ email: string; manager: string }>(sql`
      select p.email, m.email as manager from people p join people m on m.id = p.manager_id
      where p.email in ('alan@example.test', 'katherine@example.test') order by p.email`);
    expect(rows).toEqual([
      { email: 'alan@example.test', manager: 'katherine@example.test' },
      { email: 'katherine@example.test', manager: 'margaret@example.test' },
    ]);
  });

  it('throws IMPORT_HAS_ERRORS to a direct caller (the CLI) and writes nothing', async () => {
    const before = await fingerprint(t.database);
    const attempt = importPeopleCsv(t.database.db, 'email,name\nnew@example.test,New\n,Missing\n', { skipInvalid: false });
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({ code: 'IMPORT_HAS_ERRORS', errors: [{ field: 'line 3', reason: 'email is missing' }] });
    expect(await fingerprint(t.database)).toEqual(before);
  });
});
