import type { RequestPriority, RequestStatus } from '../requests/requests.tables.ts';

// The demo organisation's requests: what people at "Lumen Works" asked their service teams for,
// and how far each got. Every status appears, so every screen has something to show.

/** Who speaks: the person who asked, or whoever on the desk is handling it. */
export type Speaker = 'requester' | 'desk';

export interface DemoRequest {
  team: string;
  requester: string;
  subject: string;
  description: string;
  priority: RequestPriority;
  channel: 'portal' | 'email' | 'chat' | 'phone';
  status: RequestStatus;
  confidential?: boolean;
  /** The conversation after the request was raised; `note` marks an internal note agents alone see. */
  replies?: Array<[Speaker, string] | [Speaker, string, 'note']>;
}

// prettier-ignore
export const demoRequests: DemoRequest[] = [
  // IT
  { team: 'it', requester: 'chloe.nguyen', subject: 'Laptop will not charge', description: 'My laptop stopped charging overnight. The light on the charger is on but the battery stays at 4%. I have client calls from 2pm.', priority: 'high', channel: 'portal', status: 'resolved',
    replies: [['desk', 'Sorry to hear that. Can you try the USB-C port on the other side?'], ['requester', 'Same on both sides.'], ['desk', 'Sounds like the charger. A replacement is at the New York front desk, ask for Liam.'], ['requester', 'Picked it up, charging again. Thank you!']] },
  { team: 'it', requester: 'mateo.rossi', subject: 'VPN disconnects every few minutes', description: 'Working from home in Lisbon, the VPN drops every 5 to 10 minutes since Monday. My home internet is otherwise fine.', priority: 'normal', channel: 'email', status: 'in_progress',
    replies: [['desk', 'Which VPN client version is shown under Help > About?'], ['requester', '5.2.1'], ['desk', 'Known issue with 5.2.1 and some home routers; testing 5.3 with you tomorrow.', 'note']] },
  { team: 'it', requester: 'ama.owusu', subject: 'Need Adobe Creative Cloud licence for new designer', description: 'Our new designer starts on the 3rd and needs Creative Cloud (all apps).', priority: 'normal', channel: 'portal', status: 'closed',
    replies: [['desk', 'Licence assigned; the invitation goes out on their first morning.'], ['requester', 'Perfect, thanks.']] },
  { team: 'it', requester: 'james.carter', subject: 'Cannot open the sales forecast spreadsheet', description: 'The shared forecast workbook says it is locked for editing by someone who left last month.', priority: 'high', channel: 'chat', status: 'closed',
    replies: [['desk', 'Cleared the stale lock; it opens for editing again.'], ['requester', 'Confirmed, works.']] },
  { team: 'it', requester: 'ben.harris', subject: 'Website CMS login asks for a code I never receive', description: 'Two-factor codes for the website CMS do not arrive by SMS any more.', priority: 'normal', channel: 'portal', status: 'waiting_on_requester',
    replies: [['desk', 'Moving you to an authenticator app is more reliable. Could you install one and tell me which?']] },
  { team: 'it', requester: 'fiona.gallagher', subject: 'Monitor flickers', description: 'The second monitor at my desk (London, 3rd floor) flickers every few seconds.', priority: 'low', channel: 'portal', status: 'new' },
  { team: 'it', requester: 'elena.petrova', subject: 'Access to the CRM reports folder for two new starters', description: 'Ingrid and Nora need read access to CRM > Reports > EMEA.', priority: 'normal', channel: 'email', status: 'acknowledged' },
  { team: 'it', requester: 'pieter.devries', subject: 'Excel crashes when refreshing the budget model', description: 'Every refresh of the Power Query connections crashes Excel. Started after the latest update.', priority: 'normal', channel: 'portal', status: 'in_progress',
    replies: [['desk', 'Could you send the crash report ID from the error window?'], ['requester', 'It is 7f3a-22c1.'], ['desk', 'Rolling back the Office update on your machine tonight.']] },
  { team: 'it', requester: 'paolo.bianchi', subject: 'Phishing e-mail pretending to be our CEO', description: 'Got an e-mail "from Helena" asking me to buy gift cards urgently. Sender address looks odd.', priority: 'urgent', channel: 'email', status: 'resolved',
    replies: [['desk', 'Thank you for reporting it. Do not reply; we are blocking the sender and removing it from all mailboxes.'], ['desk', 'Removed from 41 mailboxes; sender domain blocked.', 'note'], ['requester', 'Great, glad I asked.']] },
  { team: 'it', requester: 'wei.zhang', subject: 'New phone setup', description: 'Received my new work phone. How do I get e-mail and the authenticator on it?', priority: 'low', channel: 'chat', status: 'closed',
    replies: [['desk', 'Sent you the setup guide; enrol it in the device portal first, then sign in to mail.'], ['requester', 'All set.']] },
  { team: 'it', requester: 'hugo.martin', subject: 'Projector in the Lisbon training room shows no signal', description: 'The HDMI adapter seems dead; there is a session at 10am tomorrow.', priority: 'high', channel: 'phone', status: 'new' },
  { team: 'it', requester: 'oscar.lindberg', subject: 'Request for a second monitor', description: 'Working with campaign dashboards all day; a second screen would help a lot.', priority: 'low', channel: 'portal', status: 'acknowledged' },

  // HR (confidential cases are visible only to the HR desk and the person who asked)
  { team: 'hr', requester: 'megan.price', subject: 'Parental leave: how to apply', description: 'I am expecting in the spring and would like to understand the parental leave policy and how to apply.', priority: 'normal', channel: 'portal', status: 'in_progress', confidential: true,
    replies: [['desk', 'Congratulations! I have sent the policy; shall we book 30 minutes to go through the options?'], ['requester', 'Yes please, Thursday works.']] },
  { team: 'hr', requester: 'tariq.aziz', subject: 'Concern about behaviour in a team meeting', description: 'I would like to talk to someone confidentially about comments made in recent team meetings.', priority: 'high', channel: 'email', status: 'waiting_on_requester', confidential: true,
    replies: [['desk', 'Thank you for raising this. Everything stays confidential. Could you share dates and who was present?'], ['desk', 'Assigned to employee relations; do not discuss with the manager yet.', 'note']] },
  { team: 'hr', requester: 'lucas.moreau', subject: 'Reasonable adjustment for back condition', description: 'My physiotherapist recommends a sit-stand desk and a different chair.', priority: 'normal', channel: 'portal', status: 'resolved', confidential: true,
    replies: [['desk', 'Approved. Facilities will deliver the desk and chair next week.'], ['requester', 'Thank you, very quick.']] },
  { team: 'hr', requester: 'nora.eriksen', subject: 'Employment verification letter for a flat rental', description: 'My letting agent needs a letter confirming my employment and start date.', priority: 'normal', channel: 'portal', status: 'closed',
    replies: [['desk', 'The signed letter is attached to this request.'], ['requester', 'Received, thanks!']] },
  { team: 'hr', requester: 'ingrid.larsen', subject: 'Change my address', description: 'I moved to a new flat in Berlin; how do I update my address?', priority: 'low', channel: 'chat', status: 'new' },
  { team: 'hr', requester: 'sara.lindqvist', subject: 'Question about the hybrid working policy', description: 'Can I work from Sweden for three weeks in the summer?', priority: 'normal', channel: 'portal', status: 'acknowledged' },
  { team: 'hr', requester: 'hamza.ali', subject: 'Probation review not scheduled', description: 'My six-month probation ended last week and no review has been booked.', priority: 'normal', channel: 'email', status: 'in_progress',
    replies: [['desk', 'Thanks for flagging; I have asked Oscar to book it this week.']] },

  // Payroll
  { team: 'payroll', requester: 'kofi.boateng', subject: 'Overtime missing from last payslip', description: 'I worked 6 hours overtime for the office move on the 14th, it is not on this month\'s payslip.', priority: 'high', channel: 'portal', status: 'resolved',
    replies: [['desk', 'It was approved after the cut-off; it will be paid in an off-cycle run on Friday.'], ['requester', 'Thanks for sorting it.']] },
  { team: 'payroll', requester: 'mateo.rossi', subject: 'Wrong tax code', description: 'My payslip shows an emergency tax code since I moved from the Portugal entity.', priority: 'high', channel: 'email', status: 'waiting_on_requester',
    replies: [['desk', 'Could you upload your P45 or the starter checklist so we can apply the right code?']] },
  { team: 'payroll', requester: 'ama.owusu', subject: 'Cycle-to-work deduction', description: 'Please confirm when the cycle-to-work deduction ends; I think the last one was last month.', priority: 'low', channel: 'portal', status: 'closed',
    replies: [['desk', 'Yes, the final deduction was last month.']] },
  { team: 'payroll', requester: 'chen.wei', subject: 'Payslip not visible in the portal', description: 'This month\'s payslip is not in the payroll portal, last month\'s is.', priority: 'normal', channel: 'chat', status: 'in_progress',
    replies: [['desk', 'Singapore payslips publish a day later this month; checking yours now.']] },
  { team: 'payroll', requester: 'marta.kowalska', subject: 'Change of bank account', description: 'I am switching banks from next month; what do you need from me?', priority: 'normal', channel: 'portal', status: 'new' },
  { team: 'payroll', requester: 'ryan.brooks', subject: 'Commission for Q2 not paid', description: 'Commission for two deals closed in June is missing for Chloe and Megan.', priority: 'high', channel: 'email', status: 'acknowledged' },

  // Finance
  { team: 'finance', requester: 'paolo.bianchi', subject: 'Purchase order for the autumn conference stand', description: 'Need a PO for EUR 18,400 to ExpoWorks for the stand at the Lisbon conference.', priority: 'high', channel: 'portal', status: 'in_progress',
    replies: [['desk', 'Over EUR 10k needs Rebecca\'s approval; I have sent it to her.'], ['desk', 'Approval pending with the CFO.', 'note']] },
  { team: 'finance', requester: 'liam.oconnor', subject: 'Expense claim rejected', description: 'My claim for a replacement charger bought for a colleague was rejected as "personal".', priority: 'normal', channel: 'portal', status: 'resolved',
    replies: [['desk', 'Re-approved as an IT equipment purchase. Paid with the next run.'], ['requester', 'Thank you.']] },
  { team: 'finance', requester: 'julia.novak', subject: 'Marketing budget for Q4', description: 'Can you share the remaining Q4 marketing budget by campaign?', priority: 'normal', channel: 'email', status: 'closed',
    replies: [['desk', 'Report attached: EUR 42,300 remaining across four campaigns.']] },
  { team: 'finance', requester: 'felix.wagner', subject: 'Supplier invoice unpaid for 60 days', description: 'Our cleaning contractor in Berlin says invoice 2291 is 60 days overdue.', priority: 'high', channel: 'phone', status: 'closed',
    replies: [['desk', 'It was missing a PO number; paid today.'], ['requester', 'Supplier confirmed receipt.']] },
  { team: 'finance', requester: 'tariq.aziz', subject: 'Corporate card limit increase for client trip', description: 'Travelling to three client sites next month; need the card limit raised to GBP 5,000.', priority: 'normal', channel: 'portal', status: 'waiting_on_requester',
    replies: [['desk', 'Please add your manager\'s approval and the trip dates.']] },
  { team: 'finance', requester: 'sara.lindqvist', subject: 'How do I claim mileage?', description: 'Drove to the Hamburg client workshop; how do I claim mileage?', priority: 'low', channel: 'chat', status: 'new' },

  // Facilities
  { team: 'facilities', requester: 'grace.kim', subject: 'Access badge stopped working', description: 'My badge no longer opens the New York office front door.', priority: 'high', channel: 'phone', status: 'closed',
    replies: [['desk', 'Badge re-encoded; try it now.'], ['requester', 'Works, thanks.']] },
  { team: 'facilities', requester: 'omar.farouk', subject: 'Heating not working on the 4th floor', description: 'The 4th floor in London has been cold all morning, radiators are off.', priority: 'urgent', channel: 'phone', status: 'resolved',
    replies: [['desk', 'The engineer is on site.'], ['desk', 'Boiler valve replaced; heating back on.']] },
  { team: 'facilities', requester: 'lucas.moreau', subject: 'Deliver sit-stand desk and chair', description: 'Following the HR-approved adjustment, please deliver a sit-stand desk and an ergonomic chair.', priority: 'normal', channel: 'portal', status: 'in_progress',
    replies: [['desk', 'Desk ordered, delivery Tuesday; the chair is in stock and will come with it.']] },
  { team: 'facilities', requester: 'nora.eriksen', subject: 'Book a meeting room for a client workshop', description: 'Need a room for 12 people with a screen, Thursday 9:00-13:00.', priority: 'normal', channel: 'chat', status: 'closed',
    replies: [['desk', 'Booked: Atlas room, with coffee at 9.']] },
  { team: 'facilities', requester: 'daniel.osei', subject: 'Leaking tap in the kitchen', description: 'The hot tap in the 2nd floor kitchen drips constantly.', priority: 'low', channel: 'portal', status: 'acknowledged' },
  { team: 'facilities', requester: 'ingrid.larsen', subject: 'Hotel for the Munich trade fair', description: 'Need a hotel near the Messe for 3 nights from the 12th.', priority: 'normal', channel: 'email', status: 'waiting_on_requester',
    replies: [['desk', 'Two options near the Messe; which do you prefer?']] },

  // Training
  { team: 'training', requester: 'jonas.weber', subject: 'Kubernetes certification course', description: 'I would like to take the CKA course and exam this quarter.', priority: 'normal', channel: 'portal', status: 'in_progress',
    replies: [['desk', 'Approved from the IT learning budget. Booking the course now.']] },
  { team: 'training', requester: 'elena.petrova', subject: 'Negotiation training for the EMEA team', description: 'A one-day negotiation workshop for six account executives.', priority: 'normal', channel: 'email', status: 'resolved',
    replies: [['desk', 'Workshop booked for the 21st in Berlin.'], ['requester', 'Team is looking forward to it.']] },
  { team: 'training', requester: 'samuel.adeyemi', subject: 'Access to the e-learning platform', description: 'My account on the e-learning platform shows no courses.', priority: 'low', channel: 'portal', status: 'in_progress',
    replies: [['desk', 'Your account was in the wrong group; fixed. Can you check?']] },
];
