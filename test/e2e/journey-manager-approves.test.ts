import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumInstalled, keepScreenshot } from './browser.ts';
import { expectAccessible, signIn as signInAs, startDemo, type DemoRun } from './journey-support.ts';

// Journey 3 of issue 4: an employee books time off in the portal; their manager, in a second
// browser, signs in, opens Approvals and approves it there; the employee sees the request move on.
// In the demo, Chloe Nguyen (Account Executive) reports to Ryan Brooks (Sales Manager, Americas),
// and "Book time off" (HR) needs the requester's manager's approval.

const EMPLOYEE = 'chloe.nguyen@lumen.example';
const MANAGER = 'ryan.brooks@lumen.example';

/** A date `days` from now, as a date input takes it; far enough ahead for every time zone's "today". */
function dayFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

describe.skipIf(!chromiumInstalled)('journey 3: a manager approves time off from the portal', () => {
  let demo: DemoRun;
  let employeeContext: BrowserContext;
  let managerContext: BrowserContext;
  let employee: Page;
  let manager: Page;
  let requestKey: string;

  beforeAll(async () => {
    demo = await startDemo();
    employeeContext = await demo.browser.newContext({ baseURL: demo.server.url, viewport: { width: 1280, height: 900 } });
    // The manager approves from a phone-sized screen: the portal must work there too.
    managerContext = await demo.browser.newContext({ baseURL: demo.server.url, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    employee = await employeeContext.newPage();
    manager = await managerContext.newPage();
  });

  afterAll(async () => {
    await demo?.close();
  });

  // Each part answers (or puts off) the first sign-in's question itself.
  const signIn = (page: Page, email: string, next = '/') => signInAs(page, email, demo.password, next, 'not asked');

  it('the employee books time off and sees it waiting for approval', async () => {
    await signIn(employee, EMPLOYEE);
    const question = employee.getByRole('dialog', { name: 'How would you like to be thanked?' });
    await question.waitFor();
    await question.getByLabel('Publicly').check();
    await question.getByRole('button', { name: 'Save my choice' }).click();
    await question.waitFor({ state: 'detached' });

    await employee.getByLabel('Search services').fill('time off');
    await employee.getByRole('link', { name: 'Book time off' }).click();
    await employee.getByRole('heading', { name: 'Book time off', level: 1 }).waitFor();
    await employee.getByText('Needs approval before work starts.').waitFor();
    await employee.getByRole('radiogroup', { name: 'Kind of leave' }).getByLabel('Annual leave', { exact: true }).check();
    await employee.getByLabel('First day off').fill(dayFromNow(30));
    await employee.getByLabel('Last day off').fill(dayFromNow(34));
    await employee.getByLabel('Working days').fill('3');
    await employee.getByRole('button', { name: 'Send the request' }).click();

    await employee.getByRole('heading', { name: 'Your request is on its way' }).waitFor();
    const keyLine = await employee.getByTestId('request-key-line').textContent();
    expect(keyLine).toMatch(/^HR-\d+ is with HR\.$/);
    requestKey = /^(HR-\d+)/.exec(keyLine ?? '')![1]!;

    await employee.getByRole('link', { name: 'See the request' }).click();
    await employee.getByRole('heading', { name: `${requestKey}: Book time off`, level: 1 }).waitFor();
    await employee.getByText('Waiting for approval', { exact: true }).waitFor();

    // A reply before the decision. The first try never reaches Hallway: the words stay in the box.
    const comments = '**/api/v1/requests/*/comments';
    await employee.route(comments, (route) => route.abort('internetdisconnected'));
    await employee.getByLabel('Your reply').fill('Mateo covers my accounts while I am away.');
    await employee.getByRole('button', { name: 'Send the reply' }).click();
    await employee.getByText('The reply was not sent. Your text is still here.').waitFor();
    expect(await employee.getByLabel('Your reply').inputValue()).toBe('Mateo covers my accounts while I am away.');
    await employee.unroute(comments);
    // Sent again: it shows on the timeline, and the box is empty again.
    await employee.getByRole('button', { name: 'Send the reply' }).click();
    await employee.getByText('Your reply was sent.').waitFor();
    await employee.getByText('Mateo covers my accounts while I am away.', { exact: true }).waitFor();
    expect(await employee.getByLabel('Your reply').inputValue()).toBe('');
    await expectAccessible(employee, 'the request page waiting for approval');
  });

  it('the manager signs in on another device, finds it in Approvals and approves it', async () => {
    const started = performance.now();
    await signIn(manager, MANAGER);
    // The manager puts the recognition question off: it does not come back in this sign-in.
    const question = manager.getByRole('dialog', { name: 'How would you like to be thanked?' });
    await question.waitFor();
    await question.getByRole('button', { name: 'Ask me later', exact: true }).click();
    await question.waitFor({ state: 'detached' });

    // On a phone the navigation sits behind the menu button; the link says how many approvals wait.
    await manager.getByRole('button', { name: 'Open the menu' }).click();
    const link = manager.getByRole('link', { name: /^Approvals\s*\d+ approvals? waiting on you$/ });
    await link.click();
    await manager.getByRole('heading', { name: 'Approvals', level: 1 }).waitFor();
    const card = manager.getByRole('article', { name: `${requestKey}: Book time off` });
    await card.waitFor();
    await card.getByText('Asked by Chloe Nguyen', { exact: false }).waitFor();
    await card.getByText('Annual leave', { exact: true }).waitFor();
    await card.getByText('You are asked as their manager.').waitFor();
    await expectAccessible(manager, 'approvals');

    // Rejecting needs a reason; nothing is sent without one.
    await card.getByRole('button', { name: 'Reject' }).click();
    await card.getByText('Say why you reject it: the requester reads this.').waitFor();

    // The first approval is lost on the way (a flaky mobile connection): the comment stays typed.
    const decision = '**/api/v1/requests/*/approvals/*/decision';
    await manager.route(decision, (route) => route.abort('internetdisconnected'));
    await card.getByLabel('Comment', { exact: true }).fill('Enjoy the break.');
    await card.getByRole('button', { name: 'Approve' }).click();
    await card.getByText('The decision was not saved. Your comment is still here.').waitFor();
    expect(await card.getByLabel('Comment', { exact: true }).inputValue()).toBe('Enjoy the break.');
    await manager.unroute(decision);
    await card.getByRole('button', { name: 'Approve' }).click();
    await manager.getByText(`You approved ${requestKey}. The team can start.`).waitFor();
    await card.waitFor({ state: 'detached' });
    console.log(`journey 3: the manager signed in, found and approved ${requestKey} in ${Math.round(performance.now() - started)} ms`);
    expect(await question.count()).toBe(0);

    await manager.getByRole('tab', { name: 'Decided' }).click();
    const decided = manager.getByRole('article', { name: `${requestKey}: Book time off` });
    await decided.getByText('Approved', { exact: true }).waitFor();
    await decided.getByText('Enjoy the break.', { exact: true }).waitFor();
    await expectAccessible(manager, 'approvals, decided');
    await keepScreenshot(manager, 'journey-3-manager-approved');
  });

  it('the employee sees the request move on, with the manager’s words, without reloading', async () => {
    // The page has stayed open since the request was filed: the live updates bring the decision.
    await employee.getByText('New', { exact: true }).waitFor();
    expect(await employee.getByText('Waiting for approval', { exact: true }).count()).toBe(0);
    await employee.getByText('Approved', { exact: true }).waitFor();
    await employee.getByText('Enjoy the break.', { exact: true }).waitFor();
    await expectAccessible(employee, 'the request page after approval');
    await keepScreenshot(employee, 'journey-3-request-approved');
  });

  it('the employee’s profile and the company holidays', async () => {
    await employee.getByRole('link', { name: 'My profile' }).click();
    await employee.getByRole('heading', { name: 'My profile', level: 1 }).waitFor();
    await employee.getByText('Ryan Brooks (ryan.brooks@lumen.example)').waitFor();
    await employee.getByText('America/New_York', { exact: false }).waitFor();
    expect(await employee.getByLabel('Publicly').isChecked()).toBe(true);
    await expectAccessible(employee, 'my profile');
    await keepScreenshot(employee, 'journey-3-profile');

    await employee.getByRole('link', { name: 'Company holidays' }).click();
    await employee.getByRole('heading', { name: 'Company holidays', level: 1 }).waitFor();
    // The demo keeps this year's and next year's UK bank holidays: at least one year lies ahead.
    await employee.getByRole('heading', { level: 2, name: /^\d{4}$/ }).first().waitFor();
    await employee.getByText(/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2}/).first().waitFor();
    await expectAccessible(employee, 'company holidays');
    await keepScreenshot(employee, 'journey-3-holidays');
  });

  it('the employee reopens a request the team marked solved, but is not', async () => {
    await employee.getByRole('link', { name: 'My requests' }).click();
    // The demo's "Laptop will not charge" was resolved by IT.
    await employee.getByRole('row', { name: /Laptop will not charge/ }).getByRole('link').click();
    await employee.getByRole('heading', { name: /: Laptop will not charge$/, level: 1 }).waitFor();
    const question = employee.getByRole('region', { name: 'Is it solved?' });
    await question.waitFor();
    await expectAccessible(employee, 'a solved request asking whether it is');
    await question.getByRole('button', { name: 'No, reopen it' }).click();
    await employee.getByText('The request is open again; the team will pick it up.').waitFor();
    await employee.getByText('In progress', { exact: true }).waitFor();
    expect(await question.count()).toBe(0);
  });
});
