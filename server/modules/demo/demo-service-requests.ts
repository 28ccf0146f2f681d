// Requests the people of "Lumen Works" made through the catalog in the past month: enough answered
// ones per service for the expected-wait medians to mean something (five or more for the laptop
// desk, expenses and building repairs), a time-off request in each approval state, and two new
// starters' onboarding workflows, one finished and one under way.

/** How far a request got. */
export type ServiceStory =
  /** Filed, nobody has looked yet. */
  | 'new'
  /** Acknowledged, answered, being worked. */
  | 'answered'
  | 'resolved'
  | 'closed'
  /** Waiting for the requester's manager. */
  | 'pending_approval'
  /** Approved by the manager, then done by HR. */
  | 'approved'
  /** An onboarding whose every linked request is done (the parent resolved itself). */
  | 'onboarding_done'
  /** An onboarding where IT and Payroll are done, Training opened after IT, Facilities still working. */
  | 'onboarding_under_way';

/** Helpers for answers that depend on when the request was filed and who is in the directory. */
export interface AnswerTools {
  /** The filing day plus `days`, as YYYY-MM-DD in the requester's zone. */
  day(days: number): string;
  person(handle: string): string;
}

export interface DemoServiceRequest {
  service: string;
  requester: string;
  subject: string;
  answers: (tools: AnswerTools) => Record<string, unknown>;
  /** Filed this many days before the seeding instant (a random part of a day is added). */
  daysAgo: number;
  story: ServiceStory;
  /** The agent's first public reply. */
  reply?: string;
}

const laptop = (symptoms: string, canWork: 'yes' | 'partly' | 'no') => () => ({ device: 'laptop', symptoms, can_work: canWork, ...(canWork === 'no' ? { loaner: 'yes' } : {}) });
const expense = (amount: number, category: string, daysBefore: number) => (tools: AnswerTools) => ({
  amount,
  currency: 'gbp',
  category,
  spent_on: tools.day(-daysBefore),
  over_limit: amount > 500 ? 'yes' : 'no',
  ...(amount > 500 ? { approved_by: tools.person('rebecca.stein') } : {}),
});
const broken = (office: string, floor: number, what: string, hazard: 'yes' | 'no') => () => ({ office, floor, what, hazard });

// prettier-ignore
export const demoServiceRequests: DemoServiceRequest[] = [
  // IT: the laptop desk, answered often enough for its own median.
  { service: 'laptop-repair', requester: 'chloe.nguyen', subject: 'Laptop fan is very loud', answers: laptop('The fan runs at full speed all day, even with nothing open.', 'yes'), daysAgo: 27, story: 'closed', reply: 'Booked you in for a clean and a fan check tomorrow at 10.' },
  { service: 'laptop-repair', requester: 'ingrid.larsen', subject: 'Screen flickers on battery', answers: laptop('The screen flickers when the charger is unplugged.', 'partly'), daysAgo: 22, story: 'resolved', reply: 'A display driver update fixes this; pushing it to your laptop now.' },
  { service: 'laptop-repair', requester: 'hamza.ali', subject: 'Laptop does not start', answers: laptop('Black screen after the logo since this morning.', 'no'), daysAgo: 18, story: 'closed', reply: 'A loan laptop is at the Singapore front desk; yours goes to repair.' },
  { service: 'laptop-repair', requester: 'oscar.lindberg', subject: 'Keyboard keys stick', answers: laptop('The E and R keys stick and repeat.', 'partly'), daysAgo: 12, story: 'resolved', reply: 'We will swap the keyboard; can you bring it to the Berlin IT room?' },
  { service: 'laptop-repair', requester: 'nora.eriksen', subject: 'Laptop very slow after update', answers: laptop('Everything takes a minute to open since the update on Tuesday.', 'yes'), daysAgo: 6, story: 'answered', reply: 'Looking at it remotely now; please keep it on and connected.' },
  { service: 'laptop-repair', requester: 'lucas.moreau', subject: 'Battery swollen', answers: laptop('The case lifts at the bottom and the trackpad does not click.', 'no'), daysAgo: 2, story: 'answered', reply: 'Please stop using it and unplug it; a replacement is being prepared.' },
  { service: 'laptop-repair', requester: 'megan.price', subject: 'Webcam not detected', answers: laptop('Video calls say no camera found.', 'partly'), daysAgo: 0.2, story: 'new' },
  { service: 'software-access', requester: 'ama.owusu', subject: 'Figma editor seat', answers: (tools) => ({ application: 'figma', access_level: 'edit', needed_by: tools.day(5), reason: 'Design reviews for the spring campaign.' }), daysAgo: 15, story: 'closed', reply: 'Seat assigned; sign in with your company account.' },
  { service: 'software-access', requester: 'pieter.devries', subject: 'Read access to the ERP budget module', answers: () => ({ application: 'erp', access_level: 'read', reason: 'Quarterly forecast.' }), daysAgo: 4, story: 'answered', reply: 'Requested from the ERP owner; expect it by tomorrow.' },
  { service: 'software-access', requester: 'wei.zhang', subject: 'Access to the call recording tool', answers: () => ({ application: 'other', other_application: 'Call recorder', access_level: 'read', reason: 'Listening to discovery calls for training.' }), daysAgo: 0.5, story: 'new' },
  { service: 'new-equipment', requester: 'tariq.aziz', subject: 'Second monitor and headset', answers: () => ({ items: ['monitor', 'headset'], deliver_to: 'london' }), daysAgo: 9, story: 'resolved', reply: 'Both are in stock; delivered to your desk this afternoon.' },

  // HR: time off in every approval state, an employment letter, a confidential conversation.
  { service: 'book-time-off', requester: 'mateo.rossi', subject: 'Summer holiday', answers: (tools) => ({ leave_type: 'annual', first_day: tools.day(40), last_day: tools.day(51), working_days: 10, cover: tools.person('ingrid.larsen') }), daysAgo: 14, story: 'approved', reply: 'Recorded; enjoy your holiday.' },
  { service: 'book-time-off', requester: 'fiona.gallagher', subject: 'Long weekend', answers: (tools) => ({ leave_type: 'annual', first_day: tools.day(10), last_day: tools.day(10), working_days: 1 }), daysAgo: 3, story: 'approved', reply: 'Recorded in the HR system.' },
  { service: 'book-time-off', requester: 'megan.price', subject: 'Unpaid leave for a family move', answers: (tools) => ({ leave_type: 'unpaid', first_day: tools.day(30), last_day: tools.day(34), working_days: 5, unpaid_reason: 'Moving my parents to a new home.' }), daysAgo: 1, story: 'pending_approval' },
  { service: 'employment-letter', requester: 'lucas.moreau', subject: 'Letter for my landlord', answers: (tools) => ({ letter: 'mortgage', addressed_to: 'Harbour Lettings', needed_by: tools.day(7) }), daysAgo: 8, story: 'closed', reply: 'Signed letter attached to your profile; the original is in the post.' },
  { service: 'speak-to-hr', requester: 'nora.eriksen', subject: 'Workload and wellbeing', answers: () => ({ topic: 'wellbeing', contact: 'meeting' }), daysAgo: 5, story: 'answered', reply: 'Thank you for reaching out. Could we meet on Thursday at 11?' },

  // Payroll, Finance, Facilities, Training.
  { service: 'payslip-question', requester: 'chloe.nguyen', subject: 'Overtime missing from October', answers: () => ({ pay_period: '2026-10', issue: 'overtime', amount: 212.5 }), daysAgo: 11, story: 'resolved', reply: 'The overtime was approved after the cut-off; it is in this month\'s run.' },
  { service: 'bank-details-change', requester: 'ryan.brooks', subject: 'New salary account', answers: (tools) => ({ effective_from: tools.day(20) }), daysAgo: 2, story: 'answered', reply: 'We will call you on your directory number to confirm the details.' },
  { service: 'expense-claim', requester: 'elena.petrova', subject: 'Client dinner in Munich', answers: expense(186.4, 'meals', 2), daysAgo: 26, story: 'closed', reply: 'Approved; paid in the next run.' },
  { service: 'expense-claim', requester: 'james.carter', subject: 'Flights to the Chicago summit', answers: expense(742, 'travel', 5), daysAgo: 20, story: 'closed', reply: 'Thanks, the pre-approval matches; queued for payment.' },
  { service: 'expense-claim', requester: 'paolo.bianchi', subject: 'Event supplies', answers: expense(96.2, 'other', 1), daysAgo: 13, story: 'resolved', reply: 'Receipt checked, all good.' },
  { service: 'expense-claim', requester: 'aisha.khan', subject: 'Certification exam fee', answers: expense(300, 'training', 3), daysAgo: 7, story: 'resolved', reply: 'Paid with this week\'s run.' },
  { service: 'expense-claim', requester: 'ben.harris', subject: 'Train to the Leeds workshop', answers: expense(64.9, 'travel', 1), daysAgo: 1.5, story: 'answered', reply: 'Could you add the return ticket receipt as well?' },
  { service: 'purchase-order', requester: 'julia.novak', subject: 'Stand for the spring trade fair', answers: (tools) => ({ supplier: 'Expo Builders Ltd', amount: 8400, cost_centre: 'CC-410', needed_by: tools.day(30) }), daysAgo: 10, story: 'resolved', reply: 'PO-7731 raised and sent to the supplier.' },
  { service: 'something-broken', requester: 'tariq.aziz', subject: 'Radiator cold on the third floor', answers: broken('london', 3, 'heating', 'no'), daysAgo: 25, story: 'closed', reply: 'The valve was stuck; fixed this morning.' },
  { service: 'something-broken', requester: 'nadia.popescu', subject: 'Meeting room light flickering', answers: broken('berlin', 1, 'lighting', 'no'), daysAgo: 19, story: 'closed', reply: 'Tube replaced.' },
  { service: 'something-broken', requester: 'mateo.rossi', subject: 'Water leak by the kitchen', answers: broken('lisbon', 0, 'water', 'yes'), daysAgo: 16, story: 'resolved', reply: 'Water is off in that area; the plumber arrives within the hour.' },
  { service: 'something-broken', requester: 'megan.price', subject: 'Office chair broken', answers: broken('new_york', 7, 'furniture', 'no'), daysAgo: 9, story: 'resolved', reply: 'A new chair is on its way to your desk.' },
  { service: 'something-broken', requester: 'hamza.ali', subject: 'Door badge reader dead', answers: broken('singapore', 2, 'door', 'yes'), daysAgo: 4, story: 'resolved', reply: 'Reader rebooted; the contractor replaces it on Monday.' },
  { service: 'business-travel', requester: 'elena.petrova', subject: 'Customer visit in Milan', answers: (tools) => ({ destination: 'Milan', depart: tools.day(12), return: tools.day(14), bookings: ['flight', 'hotel'] }), daysAgo: 3, story: 'answered', reply: 'Options sent by e-mail; reply with your pick.' },
  { service: 'course-enrolment', requester: 'grace.kim', subject: 'Cloud security certification', answers: (tools) => ({ course: 'Certified Cloud Security Professional', cost: 1450, starts_on: tools.day(35), manager_agrees: 'yes' }), daysAgo: 17, story: 'closed', reply: 'Booked; the joining details are in your inbox.' },

  // Two new starters.
  { service: 'new-hire-onboarding', requester: 'ryan.brooks', subject: 'New hire: Jordan Ellis, Account Executive', answers: (tools) => ({ new_hire: 'Jordan Ellis', job_title: 'Account Executive', start_date: tools.day(10), office: 'new_york', laptop: 'mac', manager: tools.person('ryan.brooks') }), daysAgo: 21, story: 'onboarding_done', reply: 'Contract sent; we will keep you posted here.' },
  { service: 'new-hire-onboarding', requester: 'julia.novak', subject: 'New hire: Priya Desai, Content Designer', answers: (tools) => ({ new_hire: 'Priya Desai', job_title: 'Content Designer', start_date: tools.day(14), office: 'london', laptop: 'mac', manager: tools.person('julia.novak') }), daysAgo: 5, story: 'onboarding_under_way', reply: 'Contract signed; IT, Payroll and Facilities are on it.' },
];
