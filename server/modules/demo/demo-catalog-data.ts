import type { CreateServiceInput } from '../catalog/catalog.schema.ts';
import type { SlaTargetsByPriority } from '../sla/sla.tables.ts';

// The demo organisation's catalog: what each serving team at "Lumen Works" offers, the forms people
// fill in, the procedures agents follow and what each team commits to. Plain data; demo-catalog.ts
// creates it through the catalog's and the SLA module's services, which check it as they would an
// admin's input.

/** A demo service: the catalog's input, with its team's policy and its workflow named by slug. */
export type DemoService = Omit<CreateServiceInput, 'slaPolicyId' | 'workflow'> & {
  workflow?: Array<{ key: string; service: string; after?: string[] }>;
};

export interface DemoPolicy {
  team: string;
  name: string;
  /** Business minutes of the team's calendar. */
  targets: SlaTargetsByPriority;
}

const hours = (count: number) => count * 60;

// Targets are counted in the team's business hours: IT's day is ten hours, HR's seven.
export const demoPolicies: DemoPolicy[] = [
  {
    team: 'it',
    name: 'IT service desk commitments',
    targets: {
      urgent: { firstResponse: 30, resolution: hours(4) },
      high: { firstResponse: hours(1), nextResponse: hours(2), resolution: hours(8) },
      normal: { firstResponse: hours(4), nextResponse: hours(8), resolution: hours(30) },
      low: { firstResponse: hours(8), resolution: hours(80) },
    },
  },
  {
    team: 'hr',
    name: 'HR response times',
    targets: {
      urgent: { firstResponse: hours(1), resolution: hours(14) },
      high: { firstResponse: hours(2), resolution: hours(21) },
      normal: { firstResponse: hours(7), resolution: hours(35) },
      low: { firstResponse: hours(14), resolution: hours(70) },
    },
  },
  {
    team: 'payroll',
    name: 'Payroll response times',
    targets: {
      urgent: { firstResponse: hours(1), resolution: hours(8) },
      high: { firstResponse: hours(4), resolution: hours(16) },
      normal: { firstResponse: hours(8), resolution: hours(40) },
      low: { firstResponse: hours(16), resolution: hours(80) },
    },
  },
  {
    team: 'finance',
    name: 'Finance operations commitments',
    targets: {
      high: { firstResponse: hours(4), resolution: hours(17) },
      normal: { firstResponse: hours(8), resolution: hours(42) },
      low: { firstResponse: hours(17), resolution: hours(85) },
    },
  },
  {
    team: 'facilities',
    name: 'Facilities response times',
    targets: {
      urgent: { firstResponse: 30, resolution: hours(4) },
      high: { firstResponse: hours(2), resolution: hours(9) },
      normal: { firstResponse: hours(9), resolution: hours(45) },
      low: { firstResponse: hours(18), resolution: hours(90) },
    },
  },
  {
    team: 'training',
    name: 'Learning and development response times',
    targets: {
      high: { firstResponse: hours(4), resolution: hours(24) },
      normal: { firstResponse: hours(8), resolution: hours(80) },
      low: { firstResponse: hours(16), resolution: hours(160) },
    },
  },
];

const offices = [
  { value: 'london', label: 'London' },
  { value: 'berlin', label: 'Berlin' },
  { value: 'lisbon', label: 'Lisbon' },
  { value: 'new_york', label: 'New York' },
  { value: 'singapore', label: 'Singapore' },
];
const yesNo = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];
const options = (...pairs: Array<[value: string, label: string]>) => pairs.map(([value, label]) => ({ value, label }));

/** The services only a workflow (or HR, by hand) opens: a new starter's linked requests. */
const forHr = ['hr'];

export const demoServices: DemoService[] = [
  // IT
  {
    slug: 'laptop-repair', team: 'it', name: 'Laptop or computer problem', requestType: 'incident',
    description: 'Something wrong with your laptop, desktop, screen or dock.',
    form: { fields: [
      { name: 'device', label: 'Which device?', type: 'choice', required: true, options: options(['laptop', 'Laptop'], ['desktop', 'Desktop'], ['monitor', 'Monitor'], ['dock', 'Dock, keyboard or mouse']) },
      { name: 'asset_tag', label: 'Asset tag', type: 'short_text', help: 'On the sticker underneath, e.g. LW-1234', pattern: { regex: 'LW-[0-9]{4}', message: 'must look like LW-1234' } },
      { name: 'symptoms', label: 'What happens?', type: 'long_text', required: true, minLength: 10 },
      { name: 'can_work', label: 'Can you work meanwhile?', type: 'choice', required: true, options: options(['yes', 'Yes'], ['partly', 'Partly'], ['no', 'No']) },
      { name: 'loaner', label: 'Do you need a loan laptop?', type: 'choice', options: yesNo, showWhen: { field: 'can_work', equals: 'no' } },
      { name: 'photo', label: 'A photo or screenshot', type: 'file', help: 'Optional: an error message or the damage says a lot.' },
    ] },
    procedure: [
      { title: 'Check the asset record and warranty' },
      { title: 'Try a remote fix', description: 'Restart, updates, drivers; remote session if needed.' },
      { title: 'Repair or swap the hardware' },
      { title: 'Confirm with the requester that it works' },
    ],
  },
  {
    slug: 'software-access', team: 'it', name: 'Access to an application', requestType: 'access',
    description: 'Get access to a business application, or more rights in one you use.',
    form: { fields: [
      { name: 'application', label: 'Application', type: 'choice', required: true, options: options(['crm', 'CRM'], ['erp', 'ERP'], ['figma', 'Figma'], ['adobe', 'Adobe Creative Cloud'], ['github', 'GitHub'], ['other', 'Something else']) },
      { name: 'other_application', label: 'Which application?', type: 'short_text', required: true, showWhen: { field: 'application', equals: 'other' } },
      { name: 'access_level', label: 'Access needed', type: 'choice', required: true, options: options(['read', 'Read only'], ['edit', 'Read and edit'], ['admin', 'Administrator']) },
      { name: 'needed_by', label: 'Needed by', type: 'date', notBefore: 'today', notAfter: 'today+90d' },
      { name: 'reason', label: 'What is it for?', type: 'long_text', required: true },
    ] },
    procedure: [{ title: 'Check the licence count' }, { title: 'Grant the access' }, { title: 'Tell the requester how to sign in' }],
  },
  {
    slug: 'new-equipment', team: 'it', name: 'New equipment', requestType: 'task',
    description: 'Monitors, keyboards, headsets and other kit for your desk.',
    form: { fields: [
      { name: 'items', label: 'What do you need?', type: 'multi_choice', required: true, minSelected: 1, maxSelected: 4, options: options(['monitor', 'Monitor'], ['keyboard', 'Keyboard'], ['mouse', 'Mouse'], ['headset', 'Headset'], ['dock', 'Docking station'], ['stand', 'Laptop stand']) },
      { name: 'for_person', label: 'Who is it for, if not you?', type: 'person' },
      { name: 'deliver_to', label: 'Deliver to', type: 'choice', required: true, options: offices },
    ] },
    procedure: [{ title: 'Take it from stock or order it' }, { title: 'Record the asset tags' }, { title: 'Deliver and set up' }],
  },
  {
    slug: 'accounts-and-laptop', team: 'it', name: 'Accounts and laptop', requestType: 'task', defaultPriority: 'high', audience: forHr,
    description: "A new starter's accounts, e-mail and laptop, ready on their first day.",
    procedure: [{ title: 'Create the directory account and mailbox' }, { title: 'Prepare and enrol the laptop' }, { title: 'Add to team groups and channels' }, { title: 'Hand over on the first morning' }],
  },
  // HR
  {
    slug: 'book-time-off', team: 'hr', name: 'Book time off', requestType: 'task', approval: { approver: 'manager' },
    description: 'Holiday and other leave. Your manager approves it first.',
    form: { fields: [
      { name: 'leave_type', label: 'Kind of leave', type: 'choice', required: true, options: options(['annual', 'Annual leave'], ['unpaid', 'Unpaid leave'], ['compassionate', 'Compassionate leave'], ['parental', 'Parental leave']) },
      { name: 'first_day', label: 'First day off', type: 'date', required: true, notBefore: 'today', notAfter: 'today+365d' },
      { name: 'last_day', label: 'Last day off', type: 'date', required: true, notBefore: 'today', notAfter: 'today+365d' },
      { name: 'working_days', label: 'Working days', type: 'number', required: true, min: 0.5, max: 30 },
      { name: 'cover', label: 'Who covers for you?', type: 'person' },
      { name: 'unpaid_reason', label: 'Why unpaid?', type: 'long_text', required: true, showWhen: { field: 'leave_type', equals: 'unpaid' } },
    ] },
    procedure: [{ title: 'Check the leave balance' }, { title: 'Record the leave in the HR system' }, { title: 'Tell Payroll if it is unpaid' }],
  },
  {
    slug: 'new-hire-onboarding', team: 'hr', name: 'New hire onboarding', requestType: 'task',
    description: 'Everything a new starter needs: accounts and laptop, payroll, desk and badge, first-week training.',
    form: { fields: [
      { name: 'new_hire', label: "New starter's name", type: 'short_text', required: true },
      { name: 'job_title', label: 'Job title', type: 'short_text', required: true },
      { name: 'start_date', label: 'First day', type: 'date', required: true, notBefore: 'today' },
      { name: 'office', label: 'Office', type: 'choice', required: true, options: offices },
      { name: 'laptop', label: 'Laptop', type: 'choice', required: true, options: options(['mac', 'MacBook'], ['windows', 'Windows laptop']) },
      { name: 'manager', label: 'Their manager', type: 'person', required: true },
    ] },
    procedure: [{ title: 'Send the contract and collect it signed' }, { title: 'Check the right to work' }, { title: 'Book the welcome session' }],
    workflow: [
      { key: 'it', service: 'accounts-and-laptop' },
      { key: 'payroll', service: 'payroll-enrolment' },
      { key: 'facilities', service: 'desk-and-badge' },
      { key: 'training', service: 'first-week-training', after: ['it'] },
    ],
  },
  {
    slug: 'speak-to-hr', team: 'hr', name: 'Speak to HR in confidence', requestType: 'question', confidential: true,
    description: 'A concern, a grievance or something personal. Only HR leads and the person handling it see it.',
    form: { fields: [
      { name: 'topic', label: 'What is it about?', type: 'choice', required: true, options: options(['wellbeing', 'Wellbeing'], ['conflict', 'A conflict at work'], ['grievance', 'A formal grievance'], ['other', 'Something else']) },
      { name: 'contact', label: 'How should we reach you?', type: 'choice', required: true, options: options(['meeting', 'In person'], ['call', 'A call'], ['message', 'Here, in writing']) },
    ] },
    procedure: [{ title: 'Reply within the day and agree how to talk' }, { title: 'Record the outcome' }],
  },
  {
    slug: 'employment-letter', team: 'hr', name: 'Employment letter', requestType: 'task',
    description: 'A letter confirming your employment, for a landlord, a bank or a visa.',
    form: { fields: [
      { name: 'letter', label: 'Kind of letter', type: 'choice', required: true, options: options(['reference', 'Employment reference'], ['mortgage', 'Mortgage or rental'], ['visa', 'Visa application']) },
      { name: 'addressed_to', label: 'Addressed to', type: 'short_text' },
      { name: 'needed_by', label: 'Needed by', type: 'date', notBefore: 'today' },
    ] },
  },
  // Payroll
  {
    slug: 'payroll-enrolment', team: 'payroll', name: 'Payroll enrolment', requestType: 'task', confidential: true, audience: forHr,
    description: "A new starter's payroll record, tax code and pension enrolment.",
    procedure: [{ title: 'Create the payroll record' }, { title: 'Collect the tax and bank details from the starter' }, { title: 'Enrol in the pension scheme' }],
  },
  {
    slug: 'payslip-question', team: 'payroll', name: 'Question about my pay', requestType: 'question', confidential: true,
    description: 'Something on your payslip looks wrong or you do not understand it.',
    form: { fields: [
      { name: 'pay_period', label: 'Pay period', type: 'short_text', required: true, help: 'Year and month, e.g. 2026-10', pattern: { regex: '20[0-9]{2}-(0[1-9]|1[0-2])', message: 'must look like 2026-10' } },
      { name: 'issue', label: 'What looks wrong?', type: 'choice', required: true, options: options(['overtime', 'Overtime missing'], ['tax', 'Tax code'], ['deduction', 'A deduction'], ['other', 'Something else']) },
      { name: 'amount', label: 'Amount in question', type: 'number', min: 0, max: 100000 },
    ] },
    procedure: [{ title: 'Compare with the payroll run' }, { title: 'Correct in the next run, or explain' }],
  },
  {
    slug: 'bank-details-change', team: 'payroll', name: 'Change of bank details', requestType: 'task', confidential: true,
    description: 'Your salary should go to another account. Payroll calls you back to confirm: never by e-mail alone.',
    form: { fields: [{ name: 'effective_from', label: 'From which pay day?', type: 'date', required: true, notBefore: 'today', notAfter: 'today+120d' }] },
    procedure: [{ title: 'Call the employee back on the number in the directory' }, { title: 'Change the details' }],
  },
  // Finance
  {
    slug: 'expense-claim', team: 'finance', name: 'Expense claim', requestType: 'task',
    description: 'Claim back what you paid for the company.',
    form: { fields: [
      { name: 'amount', label: 'Amount', type: 'number', required: true, min: 0.01, max: 10000 },
      { name: 'currency', label: 'Currency', type: 'choice', required: true, options: options(['gbp', 'GBP'], ['eur', 'EUR'], ['usd', 'USD'], ['sgd', 'SGD']) },
      { name: 'category', label: 'Category', type: 'choice', required: true, options: options(['travel', 'Travel'], ['meals', 'Meals'], ['equipment', 'Equipment'], ['training', 'Training'], ['other', 'Other']) },
      { name: 'spent_on', label: 'Date of the expense', type: 'date', required: true, notBefore: 'today-90d', notAfter: 'today' },
      { name: 'over_limit', label: 'Over 500?', type: 'choice', required: true, options: yesNo },
      { name: 'approved_by', label: 'Who approved it beforehand?', type: 'person', required: true, showWhen: { field: 'over_limit', equals: 'yes' } },
    ] },
    procedure: [{ title: 'Check the receipt and the policy' }, { title: 'Queue for the next payment run' }],
  },
  {
    slug: 'purchase-order', team: 'finance', name: 'Purchase order', requestType: 'task',
    description: 'Buy from a supplier: Finance raises the order.',
    form: { fields: [
      { name: 'supplier', label: 'Supplier', type: 'short_text', required: true },
      { name: 'amount', label: 'Amount (GBP)', type: 'number', required: true, min: 1, max: 250000 },
      { name: 'cost_centre', label: 'Cost centre', type: 'short_text', required: true, pattern: { regex: 'CC-[0-9]{3}', message: 'must look like CC-120' } },
      { name: 'needed_by', label: 'Needed by', type: 'date', notBefore: 'today' },
    ] },
    procedure: [{ title: 'Check the budget' }, { title: 'Raise the order' }, { title: 'Send it to the supplier' }],
  },
  {
    slug: 'invoice-query', team: 'finance', name: 'Supplier invoice question', requestType: 'question',
    form: { fields: [{ name: 'invoice_number', label: 'Invoice number', type: 'short_text', required: true, pattern: { regex: 'INV-[0-9]{4,8}', message: 'must look like INV-20417' } }] },
  },
  // Facilities
  {
    slug: 'desk-and-badge', team: 'facilities', name: 'Desk and badge', requestType: 'task', audience: forHr,
    description: "A new starter's desk, locker and access badge.",
    procedure: [{ title: 'Assign a desk and a locker' }, { title: 'Print the access badge' }, { title: 'Leave a welcome pack on the desk' }],
  },
  {
    slug: 'something-broken', team: 'facilities', name: 'Something is broken', requestType: 'incident',
    description: 'Heating, lights, water, furniture, doors: anything in the building.',
    form: { fields: [
      { name: 'office', label: 'Office', type: 'choice', required: true, options: offices },
      { name: 'floor', label: 'Floor', type: 'number', integer: true, min: 0, max: 12 },
      { name: 'what', label: 'What is broken?', type: 'choice', required: true, options: options(['heating', 'Heating or air conditioning'], ['lighting', 'Lighting'], ['water', 'Water or toilets'], ['furniture', 'Furniture'], ['door', 'A door or lock']) },
      { name: 'hazard', label: 'Is anyone at risk?', type: 'choice', required: true, options: yesNo },
    ] },
    procedure: [{ title: 'Make it safe' }, { title: 'Fix it or call the contractor' }],
  },
  {
    slug: 'business-travel', team: 'facilities', name: 'Business travel', requestType: 'task',
    form: { fields: [
      { name: 'destination', label: 'Destination', type: 'short_text', required: true },
      { name: 'depart', label: 'Departure', type: 'date', required: true, notBefore: 'today' },
      { name: 'return', label: 'Return', type: 'date', notBefore: 'today' },
      { name: 'bookings', label: 'Book for me', type: 'multi_choice', required: true, options: options(['flight', 'Flight'], ['train', 'Train'], ['hotel', 'Hotel'], ['car', 'Car hire']) },
    ] },
    procedure: [{ title: 'Book within the travel policy' }, { title: 'Send the itinerary' }],
  },
  // Training
  {
    slug: 'first-week-training', team: 'training', name: 'First-week training', requestType: 'task', audience: forHr,
    description: "A new starter's induction, security awareness and tool training.",
    procedure: [{ title: 'Book the induction session' }, { title: 'Assign the security awareness course' }, { title: 'Schedule tool training with the team' }],
  },
  {
    slug: 'course-enrolment', team: 'training', name: 'Course or certification', requestType: 'task',
    description: 'A course, a conference or a certification paid from the learning budget.',
    form: { fields: [
      { name: 'course', label: 'Course', type: 'short_text', required: true },
      { name: 'cost', label: 'Cost (GBP)', type: 'number', min: 0, max: 20000 },
      { name: 'starts_on', label: 'Starts on', type: 'date', notBefore: 'today' },
      { name: 'manager_agrees', label: 'Has your manager agreed?', type: 'choice', required: true, options: yesNo },
    ] },
    procedure: [{ title: 'Check the learning budget' }, { title: 'Book the place' }],
  },
];
