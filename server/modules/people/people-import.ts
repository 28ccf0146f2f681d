import { CsvError, parse } from 'csv-parse/sync';
import type { Db, Queryable } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/errors.ts';
import * as importStore from './people-import.store.ts';
import { emailAddress, phone, singleLineText, teamSlug } from './people.schema.ts';
import { normaliseTimeZone } from './time-zones.ts';

// The directory CSV: a header line naming the columns (any order; email and name are required),
// then one person per line. Every bad line is reported, so a file is fixed in one round.

export const IMPORT_COLUMNS = ['email', 'name', 'title', 'team', 'manager_email', 'location', 'time_zone', 'phone', 'role'] as const;
type Column = (typeof IMPORT_COLUMNS)[number];
export const IMPORT_ROLES = ['employee', 'agent', 'lead', 'admin'] as const;
export type ImportRole = (typeof IMPORT_ROLES)[number];

export interface ImportRow {
  line: number;
  email: string;
  name: string;
  title: string | null;
  team: string | null;
  managerEmail: string | null;
  location: string | null;
  timeZone: string | null;
  phone: string | null;
  role: ImportRole;
}
export interface LineProblem {
  line: number;
  reason: string;
}
export interface ImportSummary {
  created: number;
  updated: number;
  skipped: LineProblem[];
}

/** What the file is checked against: the teams there are and the e-mail addresses already known. */
export interface DirectoryFacts {
  teamSlugs: ReadonlySet<string>;
  existingEmails: ReadonlySet<string>;
  /**
   * Who reports to whom in the directory (e-mail to manager's e-mail), for the chains above the
   * people the file mentions; without it, loops are only looked for within the file.
   */
  managerOf?: ReadonlyMap<string, string>;
}

interface ParsedRecord {
  record: string[];
  /** bytes: how far into the file (UTF-8, BOM included) the parser was after this record. */
  info: { bytes: number };
}

/** Splits the file into rows; a problem with the file as a whole (no header, broken quoting) throws. */
export interface ParsedPeopleCsv {
  rows: ImportRow[];
  problems: LineProblem[];
  /** Addresses on lines with errors, so a person managed by one of them is told why. */
  rejectedEmails: Map<string, number>;
}

export function parsePeopleCsv(csvText: string): ParsedPeopleCsv {
  let records: ParsedRecord[];
  try {
    // With info, csv-parse returns { record, info } objects; its types do not say so.
    records = parse(csvText, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as ParsedRecord[];
  } catch (error) {
    const line = error instanceof CsvError ? Number((error as CsvError & { lines?: number }).lines ?? 1) : 1;
    throw importErrors([{ line, reason: `the file is not valid CSV: ${(error as Error).message}` }]);
  }
  const [header, ...body] = records;
  if (!header) throw importErrors([{ line: 1, reason: 'the file is empty; its first line must name the columns' }]);
  const columns = readHeader(header.record);

  const lineOf = lineCounter(csvText);
  const rows: ImportRow[] = [];
  const problems: LineProblem[] = [];
  const rejectedEmails = new Map<string, number>();
  let previousEnd = header.info.bytes;
  for (const { record, info } of body) {
    const line = lineOf(previousEnd);
    previousEnd = info.bytes;
    if (record.length !== columns.length) {
      problems.push({ line, reason: `has ${record.length} fields but the header names ${columns.length} columns` });
      continue;
    }
    const cells = new Map(columns.map((column, index) => [column, record[index] ?? '']));
    const outcome = readRow(line, (column) => cells.get(column) ?? '');
    if ('reasons' in outcome) {
      problems.push({ line, reason: outcome.reasons.join('; ') });
      const email = emailAddress.safeParse(cells.get('email'));
      if (email.success && !rejectedEmails.has(email.data)) rejectedEmails.set(email.data, line);
    } else rows.push(outcome);
  }
  return { rows, problems, rejectedEmails };
}

/**
 * The editor's line number of the first record starting at or after a byte offset. (csv-parse's
 * own line count drifts after a quoted field holding a CRLF, so lines are counted here.)
 */
function lineCounter(csvText: string): (offset: number) => number {
  const bytes = Buffer.from(csvText, 'utf8');
  let position = 0;
  let line = 1;
  return (offset) => {
    // Offsets only grow: count newlines from where the last call stopped, then skip blank lines.
    for (; position < offset || bytes[position] === 0x0a || bytes[position] === 0x0d; position += 1) {
      if (position >= bytes.length) break;
      if (bytes[position] === 0x0a) line += 1;
    }
    return line;
  };
}

function readHeader(header: string[]): Column[] {
  const columns = header.map((name) => name.trim().toLowerCase());
  const reasons: string[] = [];
  columns.forEach((name, index) => {
    if (!(IMPORT_COLUMNS as readonly string[]).includes(name)) reasons.push(`unknown column "${header[index]}" (known: ${IMPORT_COLUMNS.join(', ')})`);
    else if (columns.indexOf(name) !== index) reasons.push(`the column "${name}" appears twice`);
  });
  for (const required of ['email', 'name']) if (!columns.includes(required)) reasons.push(`the column "${required}" is missing`);
  if (reasons.length > 0) throw importErrors([{ line: 1, reason: reasons.join('; ') }]);
  return columns as Column[];
}

function readRow(line: number, cell: (column: Column) => string): ImportRow | { reasons: string[] } {
  const reasons: string[] = [];
  const optional = (column: Column, check: (value: string) => string | undefined): string | null => {
    const value = cell(column);
    if (value === '') return null;
    const problem = check(value);
    if (problem) reasons.push(problem);
    return value;
  };
  const zodCheck = (column: Column, schema: { safeParse(value: string): { success: boolean; error?: { issues: Array<{ message: string }> } } }) =>
    (value: string) => {
      const result = schema.safeParse(value);
      return result.success ? undefined : `${column} ${result.error?.issues[0]?.message ?? 'is not valid'}`;
    };

  const rawEmail = cell('email');
  const email = emailAddress.safeParse(rawEmail);
  if (rawEmail === '') reasons.push('email is missing');
  else if (!email.success) reasons.push(`email "${rawEmail}" is not an e-mail address`);
  const name = cell('name');
  if (name === '') reasons.push('name is missing');
  else {
    const problem = zodCheck('name', singleLineText(200))(name);
    if (problem) reasons.push(problem);
  }
  const title = optional('title', zodCheck('title', singleLineText(200)));
  const location = optional('location', zodCheck('location', singleLineText(200)));
  const phoneNumber = optional('phone', zodCheck('phone', phone));
  const team = optional('team', (value) => (teamSlug.safeParse(value).success ? undefined : `team "${value}" is not a team slug`));
  const managerEmail = optional('manager_email', (value) =>
    emailAddress.safeParse(value).success ? undefined : `manager_email "${value}" is not an e-mail address`,
  );
  const zone = optional('time_zone', (value) => (normaliseTimeZone(value) ? undefined : `time_zone "${value}" is not an IANA time zone`));
  const role = (cell('role').toLowerCase() || 'employee') as ImportRole;
  if (!IMPORT_ROLES.includes(role)) reasons.push(`role "${cell('role')}" is not one of ${IMPORT_ROLES.join(', ')}`);
  else if ((role === 'agent' || role === 'lead') && team === null) reasons.push(`a ${role} needs a team`);

  if (reasons.length > 0) return { reasons };
  return {
    line,
    email: email.data!,
    name: name,
    title,
    team,
    managerEmail: managerEmail === null ? null : managerEmail.toLowerCase(),
    location,
    timeZone: zone === null ? null : normaliseTimeZone(zone)!,
    phone: phoneNumber,
    role,
  };
}

/**
 * Checks what needs the directory: duplicates within the file, unknown teams and managers.
 * A row whose manager is on a bad line is bad too, so skipping never leaves a dangling manager.
 */
export function checkRowsAgainstDirectory(
  rows: ImportRow[],
  facts: DirectoryFacts,
  rejectedEmails: ReadonlyMap<string, number> = new Map(),
): { good: ImportRow[]; problems: LineProblem[] } {
  const problems = new Map<number, string[]>();
  const complain = (row: ImportRow, reason: string) => problems.set(row.line, [...(problems.get(row.line) ?? []), reason]);
  const firstLineOf = new Map<string, number>();
  const emailsInFile = new Set(rows.map((row) => row.email));
  for (const row of rows) {
    const first = firstLineOf.get(row.email);
    if (first !== undefined) complain(row, `repeats the e-mail address ${row.email} of line ${first}`);
    else firstLineOf.set(row.email, row.line);
    if (row.team !== null && !facts.teamSlugs.has(row.team)) complain(row, `team "${row.team}" does not exist`);
    if (row.managerEmail === row.email) complain(row, 'a person cannot be their own manager');
    else if (row.managerEmail !== null && !emailsInFile.has(row.managerEmail) && !facts.existingEmails.has(row.managerEmail)) {
      const rejectedLine = rejectedEmails.get(row.managerEmail);
      complain(
        row,
        rejectedLine === undefined
          ? `manager_email ${row.managerEmail} is neither in the directory nor in this file`
          : `its manager ${row.managerEmail} is on line ${rejectedLine}, which has errors`,
      );
    }
  }
  for (const loop of managementLoops(rows, facts.managerOf ?? new Map())) {
    const row = rows.find((candidate) => candidate.line === loop.line)!;
    complain(
      row,
      loop.throughDirectory
        ? `would make a management loop: ${row.managerEmail} already reports to ${row.email} in the directory, directly or not`
        : 'its managers form a loop in this file',
    );
  }

  // Follow managers that sit on bad lines until nothing changes.
  for (let changed = true; changed; ) {
    changed = false;
    for (const row of rows) {
      if (problems.has(row.line) || row.managerEmail === null || facts.existingEmails.has(row.managerEmail)) continue;
      // The line that would create the manager is the first with their address; repeats are dropped.
      if (problems.has(firstLineOf.get(row.managerEmail) ?? -1)) {
        complain(row, `its manager ${row.managerEmail} is on line ${firstLineOf.get(row.managerEmail)}, which has errors`);
        changed = true;
      }
    }
  }
  return {
    good: rows.filter((row) => !problems.has(row.line)),
    problems: [...problems].map(([line, reasons]) => ({ line, reason: reasons.join('; ') })),
  };
}

/**
 * Lines whose chain of managers comes back to them. A manager named in the file replaces the
 * directory's (an empty cell keeps it), so the chain is followed through the file first, then the
 * directory: the same loop the PATCH endpoint refuses, for the directory as it will be.
 */
function managementLoops(rows: ImportRow[], directoryManagerOf: ReadonlyMap<string, string>): Array<{ line: number; throughDirectory: boolean }> {
  const fileManagerOf = new Map<string, string>();
  for (const row of rows) if (row.managerEmail !== null && !fileManagerOf.has(row.email)) fileManagerOf.set(row.email, row.managerEmail);
  const managerOf = (email: string): { manager: string | undefined; fromDirectory: boolean } => {
    const inFile = fileManagerOf.get(email);
    return inFile !== undefined ? { manager: inFile, fromDirectory: false } : { manager: directoryManagerOf.get(email), fromDirectory: true };
  };
  const loops: Array<{ line: number; throughDirectory: boolean }> = [];
  for (const row of rows) {
    if (row.managerEmail === null || row.managerEmail === row.email) continue;
    const seen = new Set<string>([row.email]);
    let throughDirectory = false;
    for (let next: string | undefined = row.managerEmail; next !== undefined; ) {
      if (next === row.email) {
        loops.push({ line: row.line, throughDirectory });
        break;
      }
      if (seen.has(next)) break;
      seen.add(next);
      const step = managerOf(next);
      if (step.manager !== undefined && step.fromDirectory) throughDirectory = true;
      next = step.manager;
    }
  }
  return loops;
}

function importErrors(problems: LineProblem[]): AppError {
  const sorted = [...problems].sort((a, b) => a.line - b.line);
  return new AppError(
    'IMPORT_HAS_ERRORS',
    `${sorted.length} line(s) have errors; nothing was imported`,
    sorted.map(({ line, reason }) => ({ field: `line ${line}`, reason })),
  );
}

/**
 * Adds and updates people from a directory CSV in one transaction: with errors and skipInvalid
 * false, nothing is written. Existing e-mail addresses are updated; an empty cell keeps what the
 * directory has, and an import only grants access (agent, lead, admin), never takes it away.
 */
export async function importPeopleCsv(db: Db, csvText: string, options: { skipInvalid: boolean }): Promise<ImportSummary> {
  const parsed = parsePeopleCsv(csvText);
  return db.transaction(async (tx) => {
    const facts = await loadFacts(tx, parsed.rows);
    const checked = checkRowsAgainstDirectory(parsed.rows, facts.directory, parsed.rejectedEmails);
    const problems = [...parsed.problems, ...checked.problems].sort((a, b) => a.line - b.line);
    if (problems.length > 0 && !options.skipInvalid) throw importErrors(problems);
    const written = await importStore.writeImportedPeople(tx, checked.good, facts.teamIds, facts.directory.existingEmails);
    return { ...written, skipped: problems };
  });
}

async function loadFacts(tx: Queryable, rows: ImportRow[]) {
  const teamIds = await importStore.selectTeamIdsBySlug(tx);
  const mentioned = [...new Set(rows.flatMap((row) => (row.managerEmail ? [row.email, row.managerEmail] : [row.email])))];
  const existingEmails = await importStore.selectExistingEmails(tx, mentioned);
  const managerOf = await importStore.selectManagerChains(tx, mentioned);
  return { teamIds, directory: { teamSlugs: new Set(teamIds.keys()), existingEmails, managerOf } };
}
