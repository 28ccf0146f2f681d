// Business-time engine throughput, as a ratio against plain wall-clock date addition run side by side
// in the same process: `new Date(from.getTime() + minutes * 60000)`, the cheapest possible "due date".
// The ratio reads "how many times slower than plain date addition"; absolute ops/s are reported too.
// Each round runs a fixed number of iterations per side (calibrated once in the warm-up, then fixed),
// sides alternate round by round, medians are kept, and the whole run is bounded (< 60 s).
// Usage: npm run bench:business-time -- [--rounds 7] [--round-ms 200]
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import {
  addBusinessMinutes,
  businessMinutesBetween,
  type BusinessCalendar,
  type WeeklyInterval,
} from '../server/modules/calendars/business-time.ts';

const { values: options } = parseArgs({
  options: {
    rounds: { type: 'string', default: '7' },
    'round-ms': { type: 'string', default: '200' },
  },
});
const rounds = Number(options.rounds);
const roundMs = Number(options['round-ms']);
const BUDGET_MS = 50_000; // stop adding rounds past this, so a run stays under a minute
const startedAt = performance.now();
const here = path.dirname(new URL(import.meta.url).pathname);

// A realistic team calendar: London, Mon–Fri 09:00–12:30 and 13:30–17:30 (7.5 h a day),
// England and Wales bank holidays for 2026.
const weekly: WeeklyInterval[] = ([1, 2, 3, 4, 5] as const).flatMap((weekday) => [
  { weekday, start: '09:00', end: '12:30' },
  { weekday, start: '13:30', end: '17:30' },
]);
const bankHolidays2026 = [
  ['2026-01-01', "New Year's Day"],
  ['2026-04-03', 'Good Friday'],
  ['2026-04-06', 'Easter Monday'],
  ['2026-05-04', 'Early May bank holiday'],
  ['2026-05-25', 'Spring bank holiday'],
  ['2026-08-31', 'Summer bank holiday'],
  ['2026-12-25', 'Christmas Day'],
  ['2026-12-28', 'Boxing Day (substitute day)'],
] as const;
const calendar: BusinessCalendar = {
  timeZone: 'Europe/London',
  weekly,
  closures: bankHolidays2026.map(([day, name]) => ({ startsOn: day, endsOn: day, name })),
};
const BUSINESS_DAY_MINUTES = 450;

// 16 start instants a minute apart, cycled, so no call sees exactly the same input twice in a row.
const starts = (iso: string) => Array.from({ length: 16 }, (_, i) => new Date(Date.parse(iso) + i * 60_000));
// Thursday 14 May 2026 10:00 BST (09:00Z): 30 minutes stays within the morning.
const shortFrom = starts('2026-05-14T09:00:00Z');
// Friday 22 May 2026 14:00 BST: 3 business days run over the weekend and the Spring bank holiday
// (Monday 25th) and end on Thursday 28th at 14:00 — past the lunch break.
const longFrom = starts('2026-05-22T13:00:00Z');
// Wednesday 20 May 2026 10:00 BST to Wednesday 27th 10:00 BST: a week with a weekend and a bank holiday.
const weekFrom = starts('2026-05-20T09:00:00Z');
const weekTo = weekFrom.map((from) => new Date(from.getTime() + 7 * 86_400_000));

let sink = 0; // every result is folded in here and printed, so no call can be optimised away

type Body = (i: number) => void;

function time(body: Body, iterations: number): number {
  const t0 = performance.now();
  for (let i = 0; i < iterations; i += 1) body(i);
  return performance.now() - t0;
}

/** Iterations that take about `roundMs` once warm; decided once, then fixed for every round. */
function calibrate(body: Body): number {
  let iterations = 1_000;
  time(body, iterations); // warm up (JIT)
  for (;;) {
    const ms = time(body, iterations);
    if (ms >= 20) return Math.max(1_000, Math.round((iterations * roundMs) / ms / 1_000) * 1_000);
    iterations *= 4;
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

interface Scenario {
  scenario: string;
  minutes?: number;
  baseline: Body;
  engine: Body;
  check(): string;
}

function plainAddition(from: Date[], minutes: number): Body {
  return (i) => {
    sink += new Date(from[i & 15]!.getTime() + minutes * 60_000).getTime() % 1_000_003;
  };
}

const freshCopy = (): BusinessCalendar => ({ ...calendar }); // a new object, as calendars.service.ts builds per request

const scenarios: Scenario[] = [
  {
    scenario: 'addBusinessMinutes short (30 min, same morning)',
    minutes: 30,
    baseline: plainAddition(shortFrom, 30),
    engine: (i) => {
      sink += addBusinessMinutes(calendar, shortFrom[i & 15]!, 30).getTime() % 1_000_003;
    },
    check: () => addBusinessMinutes(calendar, shortFrom[0]!, 30).toISOString(),
  },
  {
    scenario: 'addBusinessMinutes long (3 business days, over a weekend and a bank holiday)',
    minutes: 3 * BUSINESS_DAY_MINUTES,
    baseline: plainAddition(longFrom, 3 * BUSINESS_DAY_MINUTES),
    engine: (i) => {
      sink += addBusinessMinutes(calendar, longFrom[i & 15]!, 3 * BUSINESS_DAY_MINUTES).getTime() % 1_000_003;
    },
    check: () => addBusinessMinutes(calendar, longFrom[0]!, 3 * BUSINESS_DAY_MINUTES).toISOString(),
  },
  {
    scenario: 'businessMinutesBetween (one week, with a weekend and a bank holiday)',
    // Same baseline as the others (plain date addition), so every ratio has one meaning.
    baseline: plainAddition(weekFrom, 7 * 24 * 60),
    engine: (i) => {
      sink += businessMinutesBetween(calendar, weekFrom[i & 15]!, weekTo[i & 15]!) % 1_000_003;
    },
    check: () => String(businessMinutesBetween(calendar, weekFrom[0]!, weekTo[0]!)),
  },
  {
    scenario: 'addBusinessMinutes long, new calendar object per call (as calendars.service.ts does)',
    minutes: 3 * BUSINESS_DAY_MINUTES,
    baseline: plainAddition(longFrom, 3 * BUSINESS_DAY_MINUTES),
    engine: (i) => {
      sink += addBusinessMinutes(freshCopy(), longFrom[i & 15]!, 3 * BUSINESS_DAY_MINUTES).getTime() % 1_000_003;
    },
    check: () => addBusinessMinutes(freshCopy(), longFrom[0]!, 3 * BUSINESS_DAY_MINUTES).toISOString(),
  },
];

// Sanity: the answers the scenarios rely on (a wrong calendar would make a meaningless benchmark).
const expected = ['2026-05-14T09:30:00.000Z', '2026-05-28T13:00:00.000Z', String(4 * BUSINESS_DAY_MINUTES), '2026-05-28T13:00:00.000Z'];
scenarios.forEach((s, index) => {
  const got = s.check();
  if (got !== expected[index]) throw new Error(`${s.scenario}: expected ${expected[index]}, got ${got}`);
});

const results = [];
for (const s of scenarios) {
  const baselineIterations = calibrate(s.baseline);
  const engineIterations = calibrate(s.engine);
  const base: number[] = [];
  const ours: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    if (round >= 3 && performance.now() - startedAt > BUDGET_MS) break;
    // Alternate which side goes first, so neither always runs right after the other.
    const first = round % 2 === 0;
    if (first) base.push((baselineIterations / time(s.baseline, baselineIterations)) * 1_000);
    ours.push((engineIterations / time(s.engine, engineIterations)) * 1_000);
    if (!first) base.push((baselineIterations / time(s.baseline, baselineIterations)) * 1_000);
  }
  const baselinePerSecond = Math.round(median(base));
  const enginePerSecond = Math.round(median(ours));
  const row = {
    scenario: s.scenario,
    rounds: base.length,
    baselineIterationsPerRound: baselineIterations,
    engineIterationsPerRound: engineIterations,
    baselinePerSecond,
    enginePerSecond,
    engineMicrosecondsPerOp: Math.round((1e6 / enginePerSecond) * 100) / 100,
    timesSlowerThanPlainAddition: Math.round(baselinePerSecond / enginePerSecond),
    engineSpreadPerSecond: [Math.round(Math.min(...ours)), Math.round(Math.max(...ours))],
  };
  console.log(JSON.stringify(row));
  results.push(row);
}

await mkdir(path.join(here, 'results'), { recursive: true });
const file = path.join(here, 'results', 'business-time-latest.json');
const totalSeconds = Math.round((performance.now() - startedAt) / 100) / 10;
await writeFile(
  file,
  `${JSON.stringify({ at: new Date().toISOString(), node: process.version, rounds, roundMs, totalSeconds, results }, null, 2)}\n`,
);
console.log(`\n${totalSeconds} s, sink ${sink}; written to ${path.relative(process.cwd(), file)}`);
