import type { RequestStatus, SlaMetric } from '../api/types.ts';
import { admin } from './en-admin.ts';
import { desk } from './en-desk.ts';

// Every English word the web app shows, in one place, so a second language is one more file of
// this shape. Texts that depend on values are functions; formatting of times and durations is in
// format.ts, which reads its words from here.

export const en = {
  /** BCP 47 tag for dates and times: 24-hour clock and day-month order, as the examples read. */
  locale: 'en-GB',
  appName: 'Hallway',
  desk,
  admin,
  nav: {
    catalog: 'Ask for help',
    myRequests: 'My requests',
    signOut: 'Sign out',
    openMenu: 'Open the menu',
    main: 'Main',
    signedInAs: (name: string) => `Signed in as ${name}`,
  },
  states: {
    loading: 'Loading…',
    retry: 'Try again',
    errorTitle: 'Something went wrong',
    networkError: 'Hallway cannot be reached. Check your connection and try again.',
    notFound: 'This does not exist, or you may not see it.',
    serverError: 'Hallway had a problem on its side. Try again in a moment.',
  },
  signIn: {
    title: 'Sign in to Hallway',
    intro: 'Use your work e-mail address and your Hallway password.',
    email: 'E-mail address',
    password: 'Password',
    submit: 'Sign in',
    wrong: 'The e-mail address or the password is wrong.',
    tooMany: (seconds: number | undefined) =>
      seconds ? `Too many failed attempts. Try again in ${Math.ceil(seconds / 60)} minutes.` : 'Too many failed attempts. Wait a little and try again.',
  },
  catalog: {
    title: 'Ask for help',
    intro: 'Pick what you need. Each team shows its hours and how quickly it usually answers.',
    search: 'Search services',
    searchPlaceholder: 'e.g. laptop, payslip, desk',
    clearSearch: 'Clear the search',
    empty: 'There is nothing you can ask for yet.',
    noMatch: (query: string) => `No service matches “${query}”.`,
    matches: (count: number) => (count === 1 ? '1 service matches' : `${count} services match`),
    open: 'Fill in the form',
  },
  hours: {
    openNowUntil: (team: string, until: string) => `${team} is working now, until ${until}`,
    openNow: (team: string) => `${team} is working now`,
    opensAt: (team: string, when: string) => `${team} opens at ${when}`,
    neverOpens: (team: string) => `${team} has no working hours ahead`,
    noCalendar: (team: string) => `${team} keeps no fixed hours`,
    unknown: 'Hours not available',
  },
  wait: {
    committed: (duration: string) => `Promises a first answer within ${duration}`,
    noCommitment: 'No promised answer time',
    median: (duration: string, sample: number, ofTeam: boolean) =>
      `${ofTeam ? 'The team answered' : 'Answered'} in ${duration} (median of the last ${sample} ${sample === 1 ? 'request' : 'requests'}, 30 days)`,
    noHistory: 'Not enough recent requests to say how fast it answers',
    unavailable: 'Expected wait not available',
    /** The acknowledgement's sentence: what the employee may expect, in one breath. */
    sentence: (team: string, median: string | null, committed: string | null) =>
      [
        median ? `${team} usually answers within ${median}.` : null,
        committed ? `It promises a first answer within ${committed}.` : null,
        !median && !committed ? `${team} will answer as soon as it can.` : null,
      ]
        .filter(Boolean)
        .join(' '),
  },
  form: {
    submit: 'Send the request',
    sending: 'Sending…',
    fixProblems: 'Some answers need another look; each one says why below.',
    failed: 'The request was not sent. Your answers are still here.',
    optional: 'optional',
    fileLater: 'Attaching files is not possible yet: Hallway does not take uploads. Leave this empty and add details in words.',
    personPlaceholder: 'Type a name or e-mail address',
    personNothing: 'Nobody found',
    choose: 'Choose one',
    noFields: 'This service needs no details: send it as it is.',
    teamLine: (team: string) => `Handled by ${team}`,
    needsApproval: 'Needs approval before work starts.',
    /** The API's reasons read after the field's name ("must look like LW-1234"); standing alone under the input they get a capital. */
    fieldMessage: (reason: string) => (reason === 'is required' ? 'This is required' : reason.charAt(0).toUpperCase() + reason.slice(1)),
  },
  sent: {
    title: 'Your request is on its way',
    keyLine: (key: string, team: string) => `${key} is with ${team}.`,
    firstResponseDue: (when: string) => `First answer due ${when}.`,
    view: 'See the request',
    another: 'Ask for something else',
  },
  myRequests: {
    title: 'My requests',
    empty: 'You have not asked for anything yet.',
    askFirst: 'Ask for help',
    key: 'Key',
    subject: 'Subject',
    team: 'Team',
    status: 'Status',
    updated: 'Last change',
    more: 'Show more',
  },
  request: {
    back: 'My requests',
    status: 'Status',
    team: 'Team',
    service: 'Service',
    opened: 'Opened',
    assignee: 'Handled by',
    nobodyYet: 'Nobody yet',
    description: 'Description',
    answers: 'Your answers',
    timeline: 'What happened',
    timelineEmpty: 'Nothing has happened yet.',
    dueTitle: 'When to expect what',
    noClocks: 'This request has no promised times.',
    clockDue: (metric: string, when: string) => `${metric}: due ${when}`,
    clockPaused: (metric: string) => `${metric}: on hold while the request waits`,
    clockMet: (metric: string, when: string) => `${metric}: done at ${when}, on time`,
    clockMissed: (metric: string, when: string) => `${metric}: done at ${when}, later than promised`,
    clockOverdue: (metric: string, when: string) => `${metric}: was due at ${when}`,
    clockStopped: (metric: string) => `${metric}: no longer counted`,
  },
  metrics: {
    first_response: 'First answer',
    next_response: 'Next answer',
    resolution: 'Solved',
  } satisfies Record<SlaMetric, string>,
  statuses: {
    pending_approval: 'Waiting for approval',
    new: 'New',
    acknowledged: 'Seen by the team',
    in_progress: 'In progress',
    waiting_on_requester: 'Waiting for you',
    resolved: 'Solved',
    closed: 'Closed',
  } satisfies Record<RequestStatus, string>,
  events: {
    created: 'Asked',
    commented: 'Replied',
    status_changed: (to: string) => `Status changed to “${to}”`,
    assigned: 'Assigned',
    handoff: (team: string) => `Handed to ${team}`,
    priority_changed: 'Priority changed',
    approval_requested: 'Approval asked for',
    approval_decided: 'Approval decided',
    other: 'Updated',
    someone: 'Hallway',
  },
  time: {
    /** "15:00 today", "08:00 tomorrow", "08:00 on Mon 30 Nov": the clock first, as people say it. */
    today: (time: string) => `${time} today`,
    tomorrow: (time: string) => `${time} tomorrow`,
    onDay: (time: string, day: string) => `${time} on ${day}`,
    by: (when: string) => `by ${when}`,
    minutes: (n: number) => `${n} ${n === 1 ? 'minute' : 'minutes'}`,
    hours: (n: number) => `${n} ${n === 1 ? 'hour' : 'hours'}`,
    days: (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`,
    workingHours: (n: number) => `${n} working ${n === 1 ? 'hour' : 'hours'}`,
    workingMinutes: (n: number) => `${n} working ${n === 1 ? 'minute' : 'minutes'}`,
    and: (a: string, b: string) => `${a} ${b}`,
    about: (duration: string) => `about ${duration}`,
  },
} as const;
