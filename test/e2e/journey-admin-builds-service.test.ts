import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumInstalled, keepScreenshot } from './browser.ts';
import { expectAccessible, signIn as signInAs, startDemo, type DemoRun } from './journey-support.ts';

// Journey 4 of issue 4: an admin builds a new service with a conditional question ("Where?" with
// "Other" showing "Which place?"), trying it in the live preview, and saves it; an employee, in a
// second browser, finds it in the catalog, sees the question appear on choosing "Other", submits
// and gets the acknowledgement. Then the admin goes through the rest of the console. (Without
// Chromium, journey 1's file says why nothing runs.)

const ADMIN = 'admin@hallway.local';
const EMPLOYEE = 'chloe.nguyen@lumen.example';
const SERVICE = 'Parking space for a visitor';

describe.skipIf(!chromiumInstalled)('journey 4: an admin builds a service with a conditional question, an employee uses it', () => {
  let run: DemoRun | undefined;
  let adminContext: BrowserContext;
  let employeeContext: BrowserContext;
  let admin: Page;
  let employee: Page;
  let adminPassword: string;

  beforeAll(async () => {
    run = await startDemo();
    // The first start prints the administrator's generated password too, above the demo's.
    const printed = /\bpassword {2,}(\S+)/.exec(run.server.output())?.[1];
    if (!printed) throw new Error(`the first start printed no administrator password:\n${run.server.output()}`);
    adminPassword = printed;
    adminContext = await run.browser.newContext({ baseURL: run.server.url, viewport: { width: 1400, height: 900 } });
    employeeContext = await run.browser.newContext({ baseURL: run.server.url, viewport: { width: 1280, height: 900 } });
    admin = await adminContext.newPage();
    employee = await employeeContext.newPage();
  });

  afterAll(async () => {
    await run?.close();
  });

  /** Both put off the first sign-in's recognition question (journey 1 answers it). */
  async function signIn(page: Page, email: string, password: string): Promise<void> {
    await signInAs(page, email, password, '/', 'Ask me later');
    await page.getByRole('heading', { name: 'Ask for help', level: 1 }).waitFor();
  }

  /** Picks an entry of a Mantine select (or the kind menu) by its visible text. */
  async function choose(page: Page, input: Locator, option: string): Promise<void> {
    await input.click();
    await page.getByRole('option', { name: option, exact: true }).click();
  }

  const question = (page: Page, n: number) => page.getByRole('group', { name: new RegExp(`^Question ${n}`) });

  it('the admin builds the service, tries the conditional question in the preview and saves it', async () => {
    await signIn(admin, ADMIN, adminPassword);
    await admin.getByRole('link', { name: 'Admin', exact: true }).click();
    await admin.getByRole('heading', { name: 'Admin', level: 1 }).waitFor();
    await expectAccessible(admin, 'the admin home');
    await admin.getByRole('link', { name: /^Services and forms/ }).click();
    await admin.getByRole('heading', { name: 'Services and forms', level: 1 }).waitFor();
    await admin.getByRole('link', { name: 'Laptop or computer problem' }).waitFor();
    await expectAccessible(admin, 'the services list');
    await admin.getByRole('link', { name: 'New service' }).click();

    await admin.getByRole('heading', { name: 'New service', level: 1 }).waitFor();
    await admin.getByLabel(/^Name/).fill(SERVICE);
    // The address follows the name until it is typed.
    expect(await admin.getByLabel(/^Address \(slug\)/).inputValue()).toBe('parking-space-for-a-visitor');
    await choose(admin, admin.getByRole('combobox', { name: /^Handled by team/ }), 'Facilities');
    await admin.getByLabel('Description', { exact: true }).fill('A parking space for someone visiting the office.');

    await admin.getByRole('button', { name: 'Add a question' }).click();
    await admin.getByRole('menuitem', { name: 'One choice' }).click();
    const where = question(admin, 1);
    await where.getByLabel(/^Question/).first().fill('Where?');
    await where.getByLabel('Option 1', { exact: true }).fill('Head office');
    await where.getByRole('button', { name: 'Add an option' }).click();
    // Saved too early, with the second option still blank: the API's reason shows at that question's options.
    await admin.getByRole('button', { name: 'Create the service' }).click();
    await admin.getByRole('alert').filter({ hasText: 'The service was not saved: some entries need another look' }).waitFor();
    await where.getByText('Must not be empty').waitFor();
    expect(new URL(admin.url()).pathname).toBe('/admin/services/new');
    expect(await where.getByLabel(/^Question/).first().inputValue()).toBe('Where?');
    await where.getByLabel('Option 2', { exact: true }).fill('Other');
    await where.getByRole('checkbox', { name: 'An answer is required' }).check();

    await admin.getByRole('button', { name: 'Add a question' }).click();
    await admin.getByRole('menuitem', { name: 'Short text' }).click();
    const which = question(admin, 2);
    await which.getByLabel(/^Question/).first().fill('Which place?');
    await which.getByRole('checkbox', { name: 'An answer is required' }).check();
    await which.getByRole('button', { name: 'Show only when…' }).click();
    // The rule starts on the question just above; the answer is picked from its options.
    expect(await which.getByRole('combobox', { name: 'Earlier question' }).inputValue()).toBe('Where?');
    await choose(admin, which.getByRole('combobox', { name: 'Answer' }), 'Other');

    // The preview draws the form as employees will see it, and follows answers typed into it.
    const preview = admin.getByTestId('form-preview');
    const previewWhere = preview.getByRole('radiogroup', { name: 'Where?' });
    await previewWhere.waitFor();
    expect(await preview.getByLabel(/^Which place\?/).count()).toBe(0);
    await previewWhere.getByLabel('Other', { exact: true }).check();
    await preview.getByLabel(/^Which place\?/).waitFor();
    await previewWhere.getByLabel('Head office', { exact: true }).check();
    await preview.getByLabel(/^Which place\?/).waitFor({ state: 'detached' });
    await previewWhere.getByLabel('Other', { exact: true }).check();
    await expectAccessible(admin, 'the service editor with its form builder');
    await keepScreenshot(admin, 'journey-4-form-builder');

    await admin.getByRole('button', { name: 'Create the service' }).click();
    await admin.getByText('Created. People in its audience now find it in the catalog.').waitFor();
    expect(new URL(admin.url()).pathname).toMatch(/^\/admin\/services\/[0-9a-f-]{36}$/);
    await admin.getByRole('heading', { name: `Edit “${SERVICE}”`, level: 1 }).waitFor();
    await admin.getByTestId('form-version-note').getByText(/form is at version 1\./).waitFor();
    // Read back from the API: the conditional question is saved as built.
    expect(await question(admin, 2).getByRole('combobox', { name: 'Answer' }).inputValue()).toBe('Other');
    await expectAccessible(admin, 'the saved service');
    // An unsaved change is not lost by a stray click: leaving asks first.
    await question(admin, 2).getByRole('textbox', { name: 'Help text' }).fill('e.g. the street and the gate');
    await admin.getByRole('link', { name: 'Services and forms' }).click();
    await admin.getByRole('dialog', { name: 'Leave without saving?' }).getByRole('button', { name: 'Stay' }).click();
    expect(await question(admin, 2).getByRole('textbox', { name: 'Help text' }).inputValue()).toBe('e.g. the street and the gate');
    await admin.getByRole('button', { name: 'Save the service' }).click();
    await admin.getByText('Saved. The form is now version 2; requests already filed keep the version they were made with.').waitFor();
  });

  it('the employee finds it, sees the question appear on "Other", submits and is acknowledged', async () => {
    await signIn(employee, EMPLOYEE, run!.password);
    await employee.getByLabel('Search services').fill('parking');
    const link = employee.getByRole('link', { name: SERVICE });
    await link.waitFor();
    await link.click();

    await employee.getByRole('heading', { name: SERVICE, level: 1 }).waitFor();
    const whereAnswer = employee.getByRole('radiogroup', { name: 'Where?' });
    await whereAnswer.waitFor();
    expect(await employee.getByLabel(/^Which place\?/).count()).toBe(0);
    await whereAnswer.getByLabel('Other', { exact: true }).check();
    const place = employee.getByLabel(/^Which place\?/);
    await place.waitFor();
    await place.fill('The loading bay on Harbour Street');
    await employee.getByRole('button', { name: 'Send the request' }).click();

    await employee.getByRole('heading', { name: 'Your request is on its way' }).waitFor();
    expect(await employee.getByTestId('request-key-line').textContent()).toMatch(/^FAC-\d+ is with Facilities\.$/);
    await expectAccessible(employee, 'the acknowledgement');
    await keepScreenshot(employee, 'journey-4-acknowledgement');
  });

  it('the admin imports people (a refused file first, its report line by line), puts one on a team, and makes and revokes a token', async () => {
    const openSection = async (title: string) => {
      await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin', exact: true }).click();
      await admin.getByRole('heading', { name: 'Admin', level: 1 }).waitFor();
      await admin.getByRole('link', { name: new RegExp(`^${title}`) }).click();
      await admin.getByRole('heading', { name: title, level: 1 }).waitFor();
    };

    await openSection('People');
    await admin.getByRole('button', { name: 'Edit Chloe Nguyen' }).waitFor();
    await expectAccessible(admin, 'the directory');
    await admin.getByRole('tab', { name: 'Import from CSV' }).click();
    const csv = admin.getByLabel('CSV text');
    await csv.fill('email,name,team,role\nzoe.park@lumen.example,Zoe Park,it,employee\nnot-an-address,Bob Stone,it,employee\n');
    await admin.getByRole('button', { name: 'Import', exact: true }).click();
    const report = admin.getByTestId('import-report');
    await report.waitFor();
    await admin.getByText(/^Nothing was imported: 1 problem in the file/).waitFor();
    // The report names the line as the file numbers it, beside that line's text.
    await report.getByRole('row', { name: /^3 not-an-address,Bob Stone,it,employee .*e-mail/ }).waitFor();
    await expectAccessible(admin, 'the import report');
    // Nothing was imported, the good line neither.
    await admin.getByRole('tab', { name: 'Directory' }).click();
    await admin.getByLabel('Search people').fill('zoe.park');
    await admin.getByText('Nobody matches.').waitFor();
    await admin.getByRole('tab', { name: 'Import from CSV' }).click();
    // The text is still there to fix.
    expect(await csv.inputValue()).toContain('not-an-address');
    await csv.fill('email,name,team,role\nzoe.park@lumen.example,Zoe Park,it,employee\nbob.stone@lumen.example,Bob Stone,it,employee\n');
    await admin.getByRole('button', { name: 'Import', exact: true }).click();
    await admin.getByText('Imported: 2 added, 0 updated.').waitFor();
    // Zoe's card is read once before she joins a team: the team change must not leave it stale.
    const openZoe = async () => {
      await admin.getByRole('tab', { name: 'Directory' }).click();
      await admin.getByLabel('Search people').fill('zoe.park');
      await admin.getByRole('button', { name: 'Edit Zoe Park' }).click();
      await admin.getByRole('dialog', { name: 'Edit Zoe Park' }).getByLabel('Name').waitFor();
    };
    await openZoe();
    expect(await admin.getByRole('dialog').getByText(/^Works for:/).count()).toBe(0);
    await admin.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await admin.getByRole('dialog').waitFor({ state: 'detached' });

    await openSection('Teams');
    await admin.getByRole('link', { name: 'IT', exact: true }).click();
    await admin.getByRole('heading', { name: 'IT', level: 1 }).waitFor();
    await admin.getByRole('combobox', { name: 'Person' }).fill('Zoe');
    await admin.getByRole('option', { name: 'Zoe Park' }).click();
    await admin.getByRole('button', { name: 'Add', exact: true }).click();
    const zoeRole = admin.getByRole('combobox', { name: 'Role of Zoe Park' });
    await zoeRole.waitFor();
    expect(await zoeRole.inputValue()).toBe('Agent');
    await expectAccessible(admin, 'a team with its members');
    await openSection('People');
    await openZoe();
    await admin.getByRole('dialog').getByText('Works for: IT (Agent)').waitFor();
    await admin.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await openSection('Teams');
    await admin.getByRole('link', { name: 'IT', exact: true }).click();
    await admin.getByRole('button', { name: 'Take Zoe Park off the team' }).click();
    await zoeRole.waitFor({ state: 'detached' });

    await openSection('Service levels');
    await admin.getByRole('heading', { name: 'IT service desk commitments' }).waitFor();
    await expectAccessible(admin, 'the SLA policies');
    await admin.getByRole('tab', { name: 'Internal agreements' }).click();
    await admin.getByRole('heading', { name: 'Propose an agreement' }).waitFor();
    await expectAccessible(admin, 'the internal agreements');

    await openSection('Calendars');
    await admin.getByRole('heading', { name: 'Closures and holidays' }).waitFor();
    await expectAccessible(admin, 'the calendars');

    await openSection('API tokens');
    await admin.getByText('You have no tokens.').waitFor();
    await admin.getByLabel(/^Name/).fill('Nightly report');
    await admin.getByRole('button', { name: 'Create a token' }).click();
    await admin.getByText('Copy the token now: it is shown only this once.').waitFor();
    expect((await admin.getByTestId('token-secret').textContent())?.length).toBeGreaterThan(20);
    await expectAccessible(admin, 'the API tokens');
    await admin.getByRole('button', { name: 'Revoke Nightly report' }).click();
    await admin.getByText('Revoked', { exact: true }).waitFor();
    // A revoked token's secret is of no use any more, and is no longer shown.
    expect(await admin.getByTestId('token-secret').count()).toBe(0);
    await keepScreenshot(admin, 'journey-4-api-tokens');
  });

  it("fits a phone: the console's pages and the form builder with a question open", async () => {
    await admin.setViewportSize({ width: 390, height: 844 });
    const overflow = async () => (await admin.evaluate('document.documentElement.scrollWidth - window.innerWidth')) as number;
    for (const [path, heading] of [
      ['/admin', 'Admin'],
      ['/admin/services', 'Services and forms'],
      ['/admin/people', 'People'],
      ['/admin/teams', 'Teams'],
      ['/admin/sla', 'Service levels'],
      ['/admin/calendars', 'Calendars'],
      ['/admin/tokens', 'API tokens'],
    ] as const) {
      await admin.goto(path);
      await admin.getByRole('heading', { name: heading, level: 1 }).waitFor();
      expect(await overflow(), `${path} is wider than the phone`).toBeLessThanOrEqual(0);
    }
    await admin.goto('/admin/services/new');
    await admin.getByRole('button', { name: 'Add a question' }).click();
    await admin.getByRole('menuitem', { name: 'One choice' }).click();
    await question(admin, 1).getByLabel(/^Question/).first().fill('Where?');
    await admin.getByTestId('form-preview').getByRole('radiogroup', { name: 'Where?' }).waitFor();
    expect(await overflow(), 'the form builder is wider than the phone').toBeLessThanOrEqual(0);
    await expectAccessible(admin, 'the form builder on a phone');
    await keepScreenshot(admin, 'journey-4-form-builder-phone');
  });
});
