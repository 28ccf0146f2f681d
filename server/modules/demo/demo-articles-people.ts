import type { DemoArticle } from './demo-articles-data.ts';

// HR's, Payroll's and Training's articles: leave, joining and leaving, pay, tax and learning.
// One Payroll procedure is for agents only.

export const demoPeopleAndPayArticles: DemoArticle[] = [
  {
    slug: 'how-holiday-allowance-is-calculated',
    team: 'hr',
    title: 'How holiday allowance is calculated',
    category: 'Leave',
    tags: ['annual leave', 'holiday', 'allowance', 'entitlement', 'vacation'],
    visibility: 'everyone',
    owner: 'noah.fischer',
    ageDays: 25,
    helpful: 41,
    notHelpful: 5,
    body: `Everyone at Lumen Works gets **25 days** of annual leave a year, plus the public holidays of the country they work in. The leave year runs from 1 January to 31 December.

| Years of service | Annual leave |
| --- | --- |
| under 3 | 25 days |
| 3 to 5 | 26 days |
| over 5 | 28 days |

**Part-time:** the allowance is pro rata. Working 3 days a week gives 25 x 3 / 5 = 15 days.

**Joining or leaving during the year:** you get the share of the year you are with us, rounded up to the nearest half day. Someone starting on 1 April gets 25 x 9 / 12 = 18.75, so 19 days.

**Carrying over:** up to 5 unused days move to the next year and must be used by 31 March.

Your balance is shown on your profile. To take leave, [Book annual leave](/kb/book-annual-leave).`,
  },
  {
    slug: 'book-annual-leave',
    team: 'hr',
    title: 'Book annual leave',
    category: 'Leave',
    tags: ['annual leave', 'holiday', 'time off', 'vacation', 'approval'],
    visibility: 'everyone',
    owner: 'samuel.adeyemi',
    ageDays: 40,
    helpful: 37,
    notHelpful: 4,
    body: `Book time off through [Book time off](/services/book-time-off); your manager approves it.

1. Choose the kind of leave: annual, unpaid, compassionate or parental.
2. Enter the first and last day off and the number of working days (half days are fine).
3. Name who covers for you while you are away.
4. Your manager gets the request and approves or declines it, usually within two working days.

**Notice:** give at least twice as much notice as the leave is long: two weeks off needs four weeks' notice. Over Christmas, teams agree a rota by 1 November.

Once approved, put an out-of-office reply on and block the days in your calendar. Public holidays are already off: you do not need to book them.

Not sure how many days you have left? See [How holiday allowance is calculated](/kb/how-holiday-allowance-is-calculated).`,
  },
  {
    slug: 'parental-leave',
    team: 'hr',
    title: 'Parental leave',
    category: 'Leave',
    tags: ['maternity', 'paternity', 'adoption', 'shared parental leave', 'family'],
    visibility: 'everyone',
    owner: 'olivia.bennett',
    ageDays: 100,
    helpful: 26,
    notHelpful: 1,
    body: `Congratulations! Lumen Works gives every parent, whatever their gender and however the child joins the family (birth, adoption or surrogacy), the same enhanced leave.

| | Birth parent | Partner or second parent |
| --- | --- | --- |
| Full pay | 20 weeks | 12 weeks |
| Statutory pay after that | up to 19 weeks | where the law allows |
| Unpaid leave | up to 52 weeks in total | up to 52 weeks in total |

You qualify once you have worked here for six months.

**What to do:**

1. Tell your manager and HR at least 15 weeks before the expected week of birth or placement.
2. File [Book time off](/services/book-time-off), choosing **Parental leave**.
3. HR sends a letter confirming your dates and pay within 28 days.

You can use up to 10 "keeping in touch" days while away, paid as normal. Coming back part-time? Read [Apply for flexible working](/kb/apply-for-flexible-working).`,
  },
  {
    slug: 'calling-in-sick',
    team: 'hr',
    title: 'Calling in sick',
    category: 'Leave',
    tags: ['sickness', 'sick leave', 'illness', 'absence', 'doctor'],
    visibility: 'everyone',
    owner: 'mei.tanaka',
    ageDays: 65,
    helpful: 19,
    notHelpful: 2,
    body: `If you are too ill to work:

1. Tell your manager before your usual start time, by phone or message; not just by e-mail.
2. Keep them posted each day if you stay off longer.
3. When you are back, record the days in your profile under **Absence**.

**Sick pay:** full pay for up to 20 working days in any 12 months, then statutory sick pay.

**Longer than 7 calendar days?** You need a doctor's note ("fit note"); send a photo of it to HR.

**Looking after a sick child or relative** is not sick leave: talk to your manager about compassionate or emergency leave instead.

Coming back after a long absence, we agree a return-to-work plan with you, which can start with shorter days. If something at work is making you unwell, [Speak to HR in confidence](/services/speak-to-hr).`,
  },
  {
    slug: 'onboarding-checklist-for-managers',
    team: 'hr',
    title: 'Onboarding checklist for managers',
    category: 'Onboarding',
    tags: ['onboarding', 'new starter', 'new hire', 'managers', 'checklist'],
    visibility: 'everyone',
    owner: 'olivia.bennett',
    ageDays: 14,
    helpful: 23,
    notHelpful: 2,
    body: `A good first week decides a lot. Here is what you, as the hiring manager, do and when. HR starts [New hire onboarding](/services/new-hire-onboarding) as soon as the contract is signed; that request opens the laptop, desk, payroll and training tasks for you.

**Two weeks before**
- Check the start date, office and laptop choice on the onboarding request.
- Pick a buddy from the team and tell them.
- Put a first-day lunch in the calendar.

**First day**
- Meet them at reception at 09:30; their badge and laptop are waiting there.
- Walk them round the office and introduce the team.
- Go through the first month's goals together.

**First week**
- Book the mandatory training (security, data protection).
- Give them one small, real piece of work to finish.

**First month**
- Weekly one-to-ones; a first review at 30 days.
- Ask what confused them; tell HR, so the next starter has it easier.`,
  },
  {
    slug: 'get-an-employment-or-reference-letter',
    team: 'hr',
    title: 'Get an employment or reference letter',
    category: 'Documents',
    tags: ['letter', 'reference', 'mortgage', 'visa', 'proof of employment'],
    visibility: 'everyone',
    owner: 'samuel.adeyemi',
    ageDays: 80,
    helpful: 15,
    notHelpful: 1,
    body: `Need proof that you work here, for a mortgage, a rental, a visa or a new employer? HR writes it for you.

1. File [Employment letter](/services/employment-letter).
2. Choose the kind: employment reference, mortgage or rental, or visa application.
3. Add who it should be addressed to, if anyone, and the date you need it by.

Letters normally state your job title, start date and whether you are permanent. Salary is included only for mortgage and rental letters, and only when you ask.

Most letters are ready in three working days as a signed PDF. Lenders who want to phone someone can call HR; we confirm only what the letter says.

References for people who have left are given by HR only, never by former managers.`,
  },
  {
    slug: 'apply-for-flexible-working',
    team: 'hr',
    title: 'Apply for flexible working',
    category: 'Working patterns',
    tags: ['flexible working', 'part-time', 'hybrid', 'hours', 'compressed hours'],
    visibility: 'everyone',
    owner: 'zoe.laurent',
    ageDays: 130,
    helpful: 12,
    notHelpful: 3,
    body: `Everyone may ask for a different working pattern from their first day: fewer hours, different hours, compressed hours (full time in four days), or more home working.

1. Write to your manager saying what you would like, from when, and how your work would be covered.
2. Your manager meets you within two weeks to talk it over.
3. You get a written answer within two months of asking. HR updates your contract if agreed.

A request can be turned down only for a business reason (for example, nobody could cover the phones), and the reason is explained. You may appeal once.

A trial period of three months is often the easiest way to try a pattern out. Hybrid working (at least two office days a week) does not need an application.`,
  },
  {
    slug: 'raise-a-concern-in-confidence',
    team: 'hr',
    title: 'Raise a concern in confidence',
    category: 'Employee relations',
    tags: ['grievance', 'bullying', 'harassment', 'wellbeing', 'whistleblowing'],
    visibility: 'everyone',
    owner: 'zoe.laurent',
    ageDays: 50,
    helpful: 10,
    notHelpful: 0,
    body: `If something at work is wrong (how you are treated, a conflict, behaviour you have seen, or your own wellbeing), you can talk to HR in confidence.

**How:** file [Speak to HR in confidence](/services/speak-to-hr). Only HR can see these requests; your manager and colleagues cannot. Choose how you would like to be contacted: in person, a call, or in writing.

**What happens next:** an HR advisor replies within one working day. Talking to us does not start a formal process; you decide whether to make a formal grievance, and we explain what that involves.

**Anonymously:** the ethics line (a phone number and web form run by an outside company, on the intranet) takes reports without your name.

In an emergency, or if someone is in danger, call the emergency services first.`,
  },
  {
    slug: 'update-your-personal-details',
    team: 'hr',
    title: 'Update your address or emergency contact',
    category: 'Personal details',
    tags: ['address', 'emergency contact', 'name change', 'personal details'],
    visibility: 'everyone',
    owner: 'mei.tanaka',
    ageDays: 300,
    helpful: 8,
    notHelpful: 2,
    body: `Moved house, changed your name, or have a new emergency contact? Keep your record current: payroll, your pension and tax letters depend on it.

1. Open your profile and choose **Edit personal details**.
2. Change your home address, phone number or emergency contact and save.

A **name change** needs proof (a marriage certificate, deed poll or new passport): send a photo to HR and we update your e-mail address and badge too.

Bank details are not changed here; see [Change your bank details](/kb/change-your-bank-details).`,
  },
  {
    slug: 'leaving-lumen-works',
    team: 'hr',
    title: 'Leaving Lumen Works: your last weeks',
    category: 'Leaving',
    tags: ['resignation', 'notice period', 'leaver', 'exit'],
    visibility: 'everyone',
    owner: 'noah.fischer',
    ageDays: 160,
    helpful: 6,
    notHelpful: 1,
    body: `Sorry to see you go. Here is what happens after you resign.

1. **Resign in writing** to your manager; HR confirms your last day and notice period (usually one month, three for managers).
2. **Leave:** untaken annual leave is paid with your final salary, or you may take it during your notice.
3. **Hand over:** agree a handover plan with your manager in your first week of notice.
4. **Return equipment** on your last day: laptop, badge, phone, keys. IT books a collection if you work from home.
5. **Exit interview:** HR offers a conversation; it is optional and your honest view helps.

Your final payslip arrives on the normal payday after you leave. Your P45 (UK) or equivalent follows within two weeks.`,
  },
  {
    slug: 'how-performance-reviews-work',
    team: 'hr',
    title: 'How performance reviews work',
    category: 'Performance',
    tags: ['performance review', 'appraisal', 'goals', 'feedback', 'promotion'],
    visibility: 'everyone',
    owner: 'olivia.bennett',
    ageDays: 110,
    helpful: 13,
    notHelpful: 4,
    body: `Reviews happen twice a year, in March and September.

1. **Self-review:** two weeks before, you write what went well, what did not, and what you want next.
2. **Peer feedback:** you choose two or three colleagues; they answer three short questions.
3. **Conversation:** you and your manager meet for an hour to agree the next six months' goals.
4. **Outcome:** one of "growing", "strong" or "exceptional", recorded in your profile.

Pay rises and promotions are decided in the March round. Disagree with your review? Ask for a second conversation with your manager's manager present, within 14 days.`,
  },
  {
    slug: 'payslip-explained',
    team: 'payroll',
    title: 'Payslip explained',
    category: 'Pay',
    tags: ['payslip', 'salary', 'deductions', 'net pay', 'gross pay'],
    visibility: 'everyone',
    owner: 'kwame.mensah',
    ageDays: 22,
    helpful: 44,
    notHelpful: 6,
    body: `Your payslip is published in the payroll portal two working days before payday. Here is what each part means.

| Line | What it is |
| --- | --- |
| Gross pay | your salary for the month before anything is taken off |
| Overtime | approved overtime from the previous month |
| Income tax | worked out from your tax code |
| National Insurance | social security contributions (UK) |
| Pension | your contribution; the company's is shown below it |
| Net pay | what reaches your bank account |

**Year to date** totals add up everything since the start of the tax year (6 April in the UK).

Something looks wrong? Check the overtime was approved before the monthly cut-off (the 10th). If it still does not add up, file [Question about my pay](/services/payslip-question) with the pay period; only Payroll can see it.`,
  },
  {
    slug: 'when-is-payday',
    team: 'payroll',
    title: 'When is payday?',
    category: 'Pay',
    tags: ['payday', 'salary', 'pay date', 'bank holiday'],
    visibility: 'everyone',
    owner: 'lucia.romano',
    ageDays: 180,
    helpful: 30,
    notHelpful: 2,
    body: `Salaries are paid on the **last working day of each month**. When that day is a weekend or a bank holiday, you are paid the working day before.

December's pay comes early, on the working day before Christmas Eve, so that it arrives before the holiday closures.

Money usually shows in your account by 09:00 on payday; some banks take until the end of the day.

Changes that affect a month's pay (overtime, new bank details, a change of hours) must reach Payroll by the **10th** of that month. Anything after the cut-off is paid the month after.

New starters joining after the 10th are paid for their first weeks with the following month's salary.`,
  },
  {
    slug: 'change-your-bank-details',
    team: 'payroll',
    title: 'Change your bank details',
    category: 'Pay',
    tags: ['bank account', 'bank details', 'salary', 'fraud'],
    visibility: 'everyone',
    owner: 'hannah.schulz',
    ageDays: 70,
    helpful: 17,
    notHelpful: 1,
    body: `To have your salary paid into a new account, file [Change of bank details](/services/bank-details-change) and say from which pay day it applies. Requests received by the 10th take effect that month.

For your protection, Payroll **calls you back** on the phone number in your HR record before changing anything. We never change bank details because of an e-mail, even one that looks like it comes from you: fraudsters try this.

Keep the old account open until the first salary has arrived in the new one.`,
  },
  {
    slug: 'your-tax-code',
    team: 'payroll',
    title: 'Your tax code',
    category: 'Tax',
    tags: ['tax code', 'hmrc', 'income tax', 'emergency tax'],
    visibility: 'everyone',
    owner: 'yuki.sato',
    ageDays: 95,
    helpful: 20,
    notHelpful: 5,
    body: `In the UK, your tax code tells us how much of your pay is tax-free. It is set by HMRC, not by Payroll: we have to use the code HMRC sends us.

| Code | Meaning |
| --- | --- |
| 1257L | the standard personal allowance |
| BR | all pay taxed at the basic rate (a second job) |
| 0T, or a code ending in W1 or M1 | an emergency code: usually temporary, for new starters |
| K | untaxed income (such as a company car) outweighs your allowance |

**Think your code is wrong?** Contact HMRC through your personal tax account; they send us the corrected code and any overpaid tax is refunded through your salary.

Outside the UK, tax is worked out by local rules: ask Payroll through [Question about my pay](/services/payslip-question).`,
  },
  {
    slug: 'claim-overtime',
    team: 'payroll',
    title: 'Claim overtime',
    category: 'Pay',
    tags: ['overtime', 'extra hours', 'timesheet', 'on-call'],
    visibility: 'everyone',
    owner: 'kwame.mensah',
    ageDays: 140,
    helpful: 9,
    notHelpful: 3,
    body: `Overtime is paid to people on hourly contracts and to those on call, when agreed with the manager before the work is done.

1. Record the hours in your timesheet, with the date and reason.
2. Your manager approves the timesheet.
3. Approved hours up to the 10th are paid in that month's salary; later ones in the next.

Rates: time and a half on weekdays, double time on weekends and public holidays. Salaried staff take time off in lieu instead: agree the days with your manager.

Overtime missing from your payslip? File [Question about my pay](/services/payslip-question) and choose **Overtime missing**.`,
  },
  {
    slug: 'pension-contributions',
    team: 'payroll',
    title: 'Pension contributions',
    category: 'Benefits',
    tags: ['pension', 'retirement', 'salary sacrifice', 'contributions'],
    visibility: 'everyone',
    owner: 'erik.johansson',
    ageDays: 210,
    helpful: 11,
    notHelpful: 2,
    body: `Everyone is enrolled in the company pension in their first month.

| | Share of salary |
| --- | --- |
| You pay | 5% |
| Lumen Works pays | 6% |

You may pay more, and the company matches up to 8%. Contributions are made through **salary sacrifice**, which saves National Insurance for you and for us.

To change your contribution, use the pension provider's website; the change reaches your payslip the month after. You may opt out, but you would lose the company's contribution, and by law we re-enrol you every three years.`,
  },
  {
    slug: 'working-out-a-leavers-final-pay',
    team: 'payroll',
    title: "Working out a leaver's final pay (agent procedure)",
    category: 'Procedures',
    tags: ['leaver', 'final pay', 'procedure', 'p45'],
    visibility: 'agents',
    owner: 'erik.johansson',
    ageDays: 33,
    helpful: 3,
    notHelpful: 0,
    body: `When HR confirms a leaver's last day:

1. Pay salary up to and including the last day (calendar days in the month / days employed).
2. Add untaken annual leave: (days left x annual salary / 260). HR's confirmation states the days.
3. Take back leave taken beyond the pro-rata allowance, the same way, only if the contract allows it.
4. Add outstanding approved overtime and expenses.
5. Stop the pension contribution after the final pay.
6. Issue the P45 (UK) within 14 days of the final payday.

Have a second payroll specialist check the figures before the run, and note both names on the request.`,
  },
  {
    slug: 'use-your-learning-budget',
    team: 'training',
    title: 'Use your learning budget',
    category: 'Learning',
    tags: ['learning budget', 'courses', 'books', 'conferences', 'development'],
    visibility: 'everyone',
    owner: 'amelia.clarke',
    ageDays: 28,
    helpful: 16,
    notHelpful: 2,
    body: `Everyone has **GBP 1,000 a year** (or the same in local currency) to spend on learning: courses, books, conferences, certifications and online subscriptions.

1. Agree with your manager that it fits your goals.
2. File [Course or certification](/services/course-enrolment), or for books and subscriptions, buy them and submit an expense claim with the category **Training**.
3. Training books courses and conferences for you, so nobody pays up front.

Unused budget does not carry over. Courses over GBP 2,500 may be shared between two years, and if you leave within 12 months of a course over GBP 1,500, part of it is repaid.`,
  },
  {
    slug: 'enrol-on-a-course-or-certification',
    team: 'training',
    title: 'Enrol on a course or certification',
    category: 'Learning',
    tags: ['course', 'certification', 'exam', 'enrolment', 'training'],
    visibility: 'everyone',
    owner: 'diego.herrera',
    ageDays: 85,
    helpful: 10,
    notHelpful: 1,
    body: `To take a course or sit a certification exam:

1. Find the course (our catalogue on the intranet lists ones colleagues recommend).
2. File [Course or certification](/services/course-enrolment) with the link, dates and cost.
3. Your manager approves; Training books it and sends you the joining details.

Exams: we pay for the first attempt, and a second if you narrowly fail. Study time during working hours is fine, up to two days per certification; agree it with your manager.

After the course, share one thing you learned with your team: a five-minute summary at a team meeting is enough.`,
  },
  {
    slug: 'mandatory-training',
    team: 'training',
    title: 'Mandatory training: security and data protection',
    category: 'Compliance',
    tags: ['mandatory', 'compliance', 'gdpr', 'data protection', 'security awareness'],
    visibility: 'everyone',
    owner: 'hugo.martin',
    ageDays: 10,
    helpful: 12,
    notHelpful: 6,
    body: `Three short online courses are required of everyone, each year:

| Course | Length | Due |
| --- | --- | --- |
| Security awareness | 30 minutes | within your first week, then every January |
| Data protection (GDPR) | 40 minutes | within your first month, then every January |
| Respect at work | 25 minutes | within your first month, then every two years |

Open them from the **Learning** page of the intranet. Your progress is saved, so you can stop and carry on later. Each ends with a short quiz; you need 80% to pass and may retake it as often as you like.

Managers see their team's completion; reminders go out two weeks before a course is due.`,
  },
];
