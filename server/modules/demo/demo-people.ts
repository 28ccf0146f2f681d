// The demo organisation's directory: a fictional company, "Lumen Works", with nine teams.
// E-mail addresses use the reserved .example domain (RFC 2606) so demo mail can never reach anyone.

export const DEMO_EMAIL_DOMAIN = 'lumen.example';

export interface DemoTeam {
  slug: string;
  name: string;
  keyPrefix: string;
  description: string;
  /** Teams that serve others have agents and receive requests; the rest only ask. */
  serves: boolean;
}

export const demoTeams: DemoTeam[] = [
  { slug: 'leadership', name: 'Leadership', keyPrefix: 'LEAD', description: 'The executive team.', serves: false },
  { slug: 'it', name: 'IT', keyPrefix: 'IT', description: 'Laptops, accounts, access, networks and software.', serves: true },
  { slug: 'hr', name: 'HR', keyPrefix: 'HR', description: 'Contracts, leave, policies, onboarding and employee relations.', serves: true },
  { slug: 'payroll', name: 'Payroll', keyPrefix: 'PAY', description: 'Salaries, payslips, tax codes and deductions.', serves: true },
  { slug: 'finance', name: 'Finance', keyPrefix: 'FIN', description: 'Expenses, purchase orders, invoices and budgets.', serves: true },
  { slug: 'facilities', name: 'Facilities', keyPrefix: 'FAC', description: 'Offices, desks, access badges, repairs and travel.', serves: true },
  { slug: 'training', name: 'Training', keyPrefix: 'TRN', description: 'Courses, certifications and learning budgets.', serves: true },
  { slug: 'sales', name: 'Sales', keyPrefix: 'SAL', description: 'New business and account management.', serves: false },
  { slug: 'marketing', name: 'Marketing', keyPrefix: 'MKT', description: 'Brand, content, campaigns and events.', serves: false },
];

const places = {
  london: { location: 'London', timeZone: 'Europe/London' },
  berlin: { location: 'Berlin', timeZone: 'Europe/Berlin' },
  lisbon: { location: 'Lisbon', timeZone: 'Europe/Lisbon' },
  newYork: { location: 'New York', timeZone: 'America/New_York' },
  singapore: { location: 'Singapore', timeZone: 'Asia/Singapore' },
} as const;
type Place = keyof typeof places;

export interface DemoPerson {
  /** The local part of the e-mail address, also how other demo data refers to this person. */
  handle: string;
  name: string;
  title: string;
  team: string;
  /** The handle of their manager; null for the chief executive. */
  manager: string | null;
  location: string;
  timeZone: string;
  /** Their role on their team's desk, for teams that serve others. */
  desk?: 'lead' | 'agent';
}

type Row = [handle: string, name: string, title: string, team: string, manager: string | null, place: Place, desk?: 'lead' | 'agent'];

// prettier-ignore
const rows: Row[] = [
  ['helena.brandt', 'Helena Brandt', 'Chief Executive Officer', 'leadership', null, 'london'],
  ['marcus.oyelaran', 'Marcus Oyelaran', 'Chief Operating Officer', 'leadership', 'helena.brandt', 'london'],

  ['priya.raman', 'Priya Raman', 'Head of IT', 'it', 'marcus.oyelaran', 'london', 'lead'],
  ['tomasz.nowak', 'Tomasz Nowak', 'Service Desk Lead', 'it', 'priya.raman', 'berlin', 'lead'],
  ['chen.wei', 'Chen Wei', 'Service Desk Analyst', 'it', 'tomasz.nowak', 'singapore', 'agent'],
  ['daniel.osei', 'Daniel Osei', 'Service Desk Analyst', 'it', 'tomasz.nowak', 'london', 'agent'],
  ['sofia.marquez', 'Sofia Márquez', 'Service Desk Analyst', 'it', 'tomasz.nowak', 'lisbon', 'agent'],
  ['liam.oconnor', "Liam O'Connor", 'Desktop Support Engineer', 'it', 'tomasz.nowak', 'newYork', 'agent'],
  ['aisha.khan', 'Aisha Khan', 'Network Engineer', 'it', 'priya.raman', 'london', 'agent'],
  ['jonas.weber', 'Jonas Weber', 'Systems Administrator', 'it', 'priya.raman', 'berlin', 'agent'],
  ['grace.kim', 'Grace Kim', 'Security Analyst', 'it', 'priya.raman', 'newYork', 'agent'],
  ['marta.kowalska', 'Marta Kowalska', 'IT Asset Coordinator', 'it', 'tomasz.nowak', 'berlin', 'agent'],

  ['fatima.haddad', 'Fatima Haddad', 'Head of People', 'hr', 'marcus.oyelaran', 'london', 'lead'],
  ['olivia.bennett', 'Olivia Bennett', 'HR Business Partner', 'hr', 'fatima.haddad', 'london', 'lead'],
  ['noah.fischer', 'Noah Fischer', 'HR Advisor', 'hr', 'olivia.bennett', 'berlin', 'agent'],
  ['mei.tanaka', 'Mei Tanaka', 'HR Advisor', 'hr', 'olivia.bennett', 'singapore', 'agent'],
  ['samuel.adeyemi', 'Samuel Adeyemi', 'HR Coordinator', 'hr', 'olivia.bennett', 'london', 'agent'],
  ['zoe.laurent', 'Zoé Laurent', 'Employee Relations Specialist', 'hr', 'fatima.haddad', 'lisbon', 'agent'],
  ['isabel.costa', 'Isabel Costa', 'Talent Acquisition Partner', 'hr', 'fatima.haddad', 'lisbon'],

  ['erik.johansson', 'Erik Johansson', 'Payroll Manager', 'payroll', 'rebecca.stein', 'london', 'lead'],
  ['hannah.schulz', 'Hannah Schulz', 'Payroll Specialist', 'payroll', 'erik.johansson', 'berlin', 'agent'],
  ['kwame.mensah', 'Kwame Mensah', 'Payroll Specialist', 'payroll', 'erik.johansson', 'london', 'agent'],
  ['lucia.romano', 'Lucia Romano', 'Payroll Administrator', 'payroll', 'erik.johansson', 'lisbon', 'agent'],
  ['yuki.sato', 'Yuki Sato', 'Payroll Analyst', 'payroll', 'erik.johansson', 'singapore', 'agent'],

  ['rebecca.stein', 'Rebecca Stein', 'Chief Financial Officer', 'finance', 'helena.brandt', 'london'],
  ['arjun.mehta', 'Arjun Mehta', 'Finance Operations Lead', 'finance', 'rebecca.stein', 'london', 'lead'],
  ['clara.dubois', 'Clara Dubois', 'Accounts Payable Specialist', 'finance', 'arjun.mehta', 'lisbon', 'agent'],
  ['omar.farouk', 'Omar Farouk', 'Accountant', 'finance', 'arjun.mehta', 'london', 'agent'],
  ['emily.walsh', 'Emily Walsh', 'Expenses Administrator', 'finance', 'arjun.mehta', 'newYork', 'agent'],
  ['li.na', 'Li Na', 'Procurement Specialist', 'finance', 'arjun.mehta', 'singapore', 'agent'],
  ['pieter.devries', 'Pieter de Vries', 'Financial Analyst', 'finance', 'rebecca.stein', 'berlin'],
  ['ana.silva', 'Ana Silva', 'Financial Analyst', 'finance', 'rebecca.stein', 'lisbon'],

  ['george.mitchell', 'George Mitchell', 'Facilities Manager', 'facilities', 'marcus.oyelaran', 'london', 'lead'],
  ['rosa.jimenez', 'Rosa Jiménez', 'Facilities Coordinator', 'facilities', 'george.mitchell', 'lisbon', 'agent'],
  ['felix.wagner', 'Felix Wagner', 'Maintenance Technician', 'facilities', 'george.mitchell', 'berlin', 'agent'],
  ['nadia.popescu', 'Nadia Popescu', 'Office Coordinator', 'facilities', 'george.mitchell', 'berlin', 'agent'],
  ['kofi.boateng', 'Kofi Boateng', 'Workplace Coordinator', 'facilities', 'george.mitchell', 'newYork', 'agent'],
  ['lily.chen', 'Lily Chen', 'Receptionist', 'facilities', 'george.mitchell', 'singapore', 'agent'],

  ['hugo.martin', 'Hugo Martin', 'Learning & Development Lead', 'training', 'fatima.haddad', 'lisbon', 'lead'],
  ['amelia.clarke', 'Amelia Clarke', 'Training Coordinator', 'training', 'hugo.martin', 'london', 'agent'],
  ['diego.herrera', 'Diego Herrera', 'Technical Trainer', 'training', 'hugo.martin', 'newYork', 'agent'],
  ['sara.lindqvist', 'Sara Lindqvist', 'Instructional Designer', 'training', 'hugo.martin', 'berlin'],

  ['james.carter', 'James Carter', 'VP Sales', 'sales', 'helena.brandt', 'newYork'],
  ['elena.petrova', 'Elena Petrova', 'Sales Manager, EMEA', 'sales', 'james.carter', 'berlin'],
  ['ryan.brooks', 'Ryan Brooks', 'Sales Manager, Americas', 'sales', 'james.carter', 'newYork'],
  ['chloe.nguyen', 'Chloe Nguyen', 'Account Executive', 'sales', 'ryan.brooks', 'newYork'],
  ['mateo.rossi', 'Mateo Rossi', 'Account Executive', 'sales', 'elena.petrova', 'lisbon'],
  ['ingrid.larsen', 'Ingrid Larsen', 'Account Executive', 'sales', 'elena.petrova', 'berlin'],
  ['tariq.aziz', 'Tariq Aziz', 'Account Executive', 'sales', 'elena.petrova', 'london'],
  ['megan.price', 'Megan Price', 'Account Executive', 'sales', 'ryan.brooks', 'newYork'],
  ['lucas.moreau', 'Lucas Moreau', 'Account Manager', 'sales', 'elena.petrova', 'london'],
  ['wei.zhang', 'Wei Zhang', 'Sales Development Representative', 'sales', 'ryan.brooks', 'singapore'],
  ['nora.eriksen', 'Nora Eriksen', 'Sales Development Representative', 'sales', 'elena.petrova', 'london'],

  ['julia.novak', 'Julia Novak', 'Head of Marketing', 'marketing', 'helena.brandt', 'london'],
  ['ben.harris', 'Ben Harris', 'Content Lead', 'marketing', 'julia.novak', 'london'],
  ['ama.owusu', 'Ama Owusu', 'Senior Designer', 'marketing', 'julia.novak', 'lisbon'],
  ['oscar.lindberg', 'Oscar Lindberg', 'Marketing Manager', 'marketing', 'julia.novak', 'berlin'],
  ['fiona.gallagher', 'Fiona Gallagher', 'SEO Specialist', 'marketing', 'ben.harris', 'london'],
  ['paolo.bianchi', 'Paolo Bianchi', 'Events Manager', 'marketing', 'oscar.lindberg', 'lisbon'],
  ['hamza.ali', 'Hamza Ali', 'Marketing Analyst', 'marketing', 'oscar.lindberg', 'singapore'],
];

export const demoPeople: DemoPerson[] = rows.map(([handle, name, title, team, manager, place, desk]) => ({
  handle,
  name,
  title,
  team,
  manager,
  ...places[place],
  ...(desk ? { desk } : {}),
}));

export const demoEmail = (handle: string) => `${handle}@${DEMO_EMAIL_DOMAIN}`;
