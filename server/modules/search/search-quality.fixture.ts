// What people type, and the result they mean, which must be among the top three hits. Searched as
// an employee of no team over the demo corpus (search-corpus.ts). Used by search-quality.test.ts
// and by bench/search.ts, which times the same queries at 10,000 and 100,000 articles.

export interface QualityCase {
  q: string;
  /** The hit's link: /kb/<slug>, /services/<slug>, /teams/<slug> or /holidays. */
  expected: string;
  kind: 'title' | 'stemming' | 'words' | 'misspelling' | 'phrase' | 'exclusion' | 'or' | 'holiday' | 'service' | 'team';
}

const kb = (slug: string) => `/kb/${slug}`;

export const qualityCases: QualityCase[] = [
  { kind: 'title', q: 'Reset your password', expected: kb('reset-your-password') },
  { kind: 'title', q: 'Connect to the VPN from home', expected: kb('connect-to-the-vpn-from-home') },
  { kind: 'title', q: 'Set up multi-factor authentication', expected: kb('set-up-multi-factor-authentication') },
  { kind: 'title', q: 'Request a new laptop', expected: kb('request-a-new-laptop') },
  { kind: 'title', q: 'Book a meeting room', expected: kb('book-a-meeting-room') },
  { kind: 'title', q: 'Report a broken desk chair', expected: kb('report-a-broken-desk-chair') },
  { kind: 'title', q: 'How holiday allowance is calculated', expected: kb('how-holiday-allowance-is-calculated') },
  { kind: 'title', q: 'Submit expenses', expected: kb('submit-expenses') },
  { kind: 'title', q: 'Payslip explained', expected: kb('payslip-explained') },
  { kind: 'title', q: 'Parental leave', expected: kb('parental-leave') },
  { kind: 'title', q: 'Onboarding checklist for managers', expected: kb('onboarding-checklist-for-managers') },

  { kind: 'stemming', q: 'resetting passwords', expected: kb('reset-your-password') },
  { kind: 'stemming', q: 'claiming expenses', expected: kb('submit-expenses') },
  { kind: 'stemming', q: 'booking meeting rooms', expected: kb('book-a-meeting-room') },
  { kind: 'stemming', q: 'printing documents', expected: kb('print-from-your-laptop') },

  { kind: 'words', q: 'forgot my password', expected: kb('reset-your-password') },
  { kind: 'words', q: 'working from home vpn', expected: kb('connect-to-the-vpn-from-home') },
  { kind: 'words', q: 'maternity leave', expected: kb('parental-leave') },
  { kind: 'words', q: 'new starter first day', expected: kb('onboarding-checklist-for-managers') },
  { kind: 'words', q: 'guest wifi', expected: kb('connect-to-the-office-wifi') },
  { kind: 'words', q: 'phishing', expected: kb('report-a-suspicious-email') },
  { kind: 'words', q: 'account locked', expected: kb('your-account-is-locked') },
  { kind: 'words', q: 'email on my phone', expected: kb('set-up-work-email-on-your-phone') },
  { kind: 'words', q: 'tax code', expected: kb('your-tax-code') },
  { kind: 'words', q: 'when is payday', expected: kb('when-is-payday') },
  { kind: 'words', q: 'overtime', expected: kb('claim-overtime') },
  { kind: 'words', q: 'pension', expected: kb('pension-contributions') },
  { kind: 'words', q: 'learning budget', expected: kb('use-your-learning-budget') },
  { kind: 'words', q: 'sick leave', expected: kb('calling-in-sick') },
  { kind: 'words', q: 'too cold in the office', expected: kb('office-too-hot-or-too-cold') },
  { kind: 'words', q: 'lost my badge', expected: kb('lost-or-forgotten-access-badge') },
  { kind: 'words', q: 'book a flight and hotel', expected: kb('book-business-travel') },
  { kind: 'words', q: 'headset microphone not working', expected: kb('fix-sound-and-camera-problems-in-video-calls') },

  { kind: 'misspelling', q: 'pasword rest', expected: kb('reset-your-password') },
  { kind: 'misspelling', q: 'vpn conection', expected: kb('connect-to-the-vpn-from-home') },
  { kind: 'misspelling', q: 'payslp', expected: kb('payslip-explained') },
  { kind: 'misspelling', q: 'parentel leave', expected: kb('parental-leave') },
  { kind: 'misspelling', q: 'holliday allowance', expected: kb('how-holiday-allowance-is-calculated') },
  { kind: 'misspelling', q: 'multifactor authentification', expected: kb('set-up-multi-factor-authentication') },
  { kind: 'misspelling', q: 'expenes', expected: kb('submit-expenses') },

  { kind: 'phrase', q: '"meeting room"', expected: kb('book-a-meeting-room') },
  { kind: 'phrase', q: '"annual leave" book', expected: kb('book-annual-leave') },

  { kind: 'exclusion', q: 'laptop -repair', expected: kb('request-a-new-laptop') },
  { kind: 'exclusion', q: 'leave -parental -sick', expected: kb('how-holiday-allowance-is-calculated') },
  { kind: 'or', q: 'vpn or wifi', expected: kb('connect-to-the-vpn-from-home') },

  { kind: 'holiday', q: 'is the office closed on monday', expected: '/holidays' },
  { kind: 'holiday', q: 'christmas', expected: '/holidays' },
  { kind: 'holiday', q: 'next bank holiday', expected: '/holidays' },

  { kind: 'service', q: 'expense claim', expected: '/services/expense-claim' },
  { kind: 'service', q: 'laptop or computer problem', expected: '/services/laptop-repair' },
  { kind: 'service', q: 'something is broken', expected: '/services/something-broken' },
  { kind: 'service', q: 'employment letter', expected: '/services/employment-letter' },

  { kind: 'team', q: 'payroll', expected: '/teams/payroll' },
  { kind: 'team', q: 'facilities team', expected: '/teams/facilities' },
];
