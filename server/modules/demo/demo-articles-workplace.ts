import type { DemoArticle } from './demo-articles-data.ts';

// Finance's and Facilities' articles: expenses, purchasing, the offices, desks, badges and travel.

export const demoFinanceAndWorkplaceArticles: DemoArticle[] = [
  {
    slug: 'submit-expenses',
    team: 'finance',
    title: 'Submit expenses',
    category: 'Expenses',
    tags: ['expenses', 'expense claim', 'receipts', 'reimbursement'],
    visibility: 'everyone',
    owner: 'emily.walsh',
    ageDays: 15,
    helpful: 39,
    notHelpful: 5,
    body: `Spent your own money on something for work? Claim it back within 90 days.

1. Take a photo of the receipt (a card statement is not a receipt).
2. File [Expense claim](/services/expense-claim): the amount, currency, category and date.
3. Over 500 in any currency? Name who approved it beforehand.
4. Attach the receipt photo and submit.

Claims approved by Wednesday are paid into your salary account the following Friday; they do not wait for payday.

| Category | Examples |
| --- | --- |
| Travel | trains, taxis, mileage at 0.45 per mile |
| Meals | while travelling; see the limits |
| Equipment | agreed with IT beforehand |
| Training | books, exam fees |

What can be claimed, and the limits, are in [What you can claim: expense limits](/kb/expense-limits).`,
  },
  {
    slug: 'expense-limits',
    team: 'finance',
    title: 'What you can claim: expense limits',
    category: 'Expenses',
    tags: ['expenses', 'policy', 'limits', 'meals', 'hotels', 'travel'],
    visibility: 'everyone',
    owner: 'arjun.mehta',
    ageDays: 190,
    helpful: 14,
    notHelpful: 3,
    body: `Spend company money as if it were your own. The everyday limits, per person:

| Item | Limit |
| --- | --- |
| Dinner while travelling | 45 (GBP, EUR or USD), 70 SGD |
| Lunch while travelling | 20 |
| Hotel per night | 180 in London and New York, 140 elsewhere |
| Client entertainment | 80 per head, with the guests' names |

**Not claimable:** alcohol without a meal, fines and parking tickets, first-class travel, personal phone bills, and anything the company already provides.

Going over a limit needs your manager's approval before you spend. If you are unsure, ask Finance first: it is much easier than a claim being refused.`,
  },
  {
    slug: 'raise-a-purchase-order',
    team: 'finance',
    title: 'Raise a purchase order',
    category: 'Purchasing',
    tags: ['purchase order', 'po', 'supplier', 'buying', 'procurement'],
    visibility: 'everyone',
    owner: 'li.na',
    ageDays: 58,
    helpful: 13,
    notHelpful: 2,
    body: `Buying goods or services from a supplier for more than GBP 1,000 needs a purchase order (PO) **before** the work starts. Suppliers are paid only against a PO number.

1. Get a quote from the supplier.
2. File [Purchase order](/services/purchase-order) with the supplier, amount and your cost centre (CC-120 style).
3. Your budget holder approves; over GBP 25,000 the CFO approves too.
4. Finance sends you the PO number; pass it to the supplier for their invoice.

New supplier? Finance checks them first (company details, bank account, insurance), which takes about five working days, so ask early.`,
  },
  {
    slug: 'when-will-a-supplier-be-paid',
    team: 'finance',
    title: 'When will a supplier be paid?',
    category: 'Purchasing',
    tags: ['invoice', 'supplier', 'payment terms', 'accounts payable'],
    visibility: 'everyone',
    owner: 'clara.dubois',
    ageDays: 220,
    helpful: 8,
    notHelpful: 1,
    body: `We pay supplier invoices **30 days** after we receive them, in the Tuesday or Thursday payment run that follows.

An invoice is paid only when:

- it quotes a valid purchase order number;
- the amount matches the PO (within 5%);
- the person who raised the PO has confirmed the goods or service arrived.

Suppliers should send invoices to **invoices@lumen.example**; invoices sent to individuals are delayed.

A supplier chasing a payment? File [Supplier invoice question](/services/invoice-query) with the invoice number (INV-20417 style) and we tell you where it is.`,
  },
  {
    slug: 'apply-for-a-company-credit-card',
    team: 'finance',
    title: 'Apply for a company credit card',
    category: 'Expenses',
    tags: ['credit card', 'corporate card', 'expenses', 'travel'],
    visibility: 'everyone',
    owner: 'omar.farouk',
    ageDays: 260,
    helpful: 5,
    notHelpful: 1,
    body: `People who travel often or buy for their team regularly can have a company card, so they do not pay out of their own pocket.

**Who:** anyone who spends more than GBP 500 a month on work, with their manager's agreement.

1. Your manager e-mails Finance to support the application.
2. Finance sets the monthly limit (usually GBP 3,000) and orders the card; it arrives at the office in about ten days.
3. Each month, attach a receipt to every transaction in the expenses app by the 5th.

Personal spending on the card is not allowed, even if paid back. Lost card? Call the bank's number on the back straight away, then tell Finance.`,
  },
  {
    slug: 'book-a-meeting-room',
    team: 'facilities',
    title: 'Book a meeting room',
    category: 'Offices',
    tags: ['meeting room', 'room booking', 'calendar', 'conference room'],
    visibility: 'everyone',
    owner: 'nadia.popescu',
    ageDays: 42,
    helpful: 33,
    notHelpful: 3,
    body: `Meeting rooms are booked from your calendar, like inviting a person.

1. Create a meeting in Outlook and choose **Room finder**.
2. Pick the office and the number of people; free rooms are listed with their screens and seats.
3. Add the room; it accepts automatically if it is free.

**Rules:**

- Bookings are released if nobody checks in on the room's panel within 10 minutes of the start.
- Book for at most 4 hours at a time; all-day workshops go through reception.
- Recurring bookings lapse after three months: book again if you still need them.

The large rooms (London "Thames", Berlin "Spree", Lisbon "Tejo") seat 16 and need catering ordered two days ahead. Something wrong with a room's screen or phone? Tell the service desk.`,
  },
  {
    slug: 'report-a-broken-desk-chair',
    team: 'facilities',
    title: 'Report a broken desk chair',
    category: 'Repairs',
    tags: ['chair', 'furniture', 'broken', 'desk', 'ergonomics'],
    visibility: 'everyone',
    owner: 'felix.wagner',
    ageDays: 75,
    helpful: 12,
    notHelpful: 1,
    body: `A wobbly, sinking or broken chair is a back problem waiting to happen. Stop using it and tell us.

1. File [Something is broken](/services/something-broken).
2. Choose your office and floor, and **Furniture** as what is broken.
3. Say which desk (the number on the desk's label) and what is wrong.
4. Put a note on the chair so nobody else sits on it.

A replacement chair is brought the same day in London, Berlin and Lisbon, and within two working days in New York and Singapore.

Need a special chair, a standing desk or a footrest for a health reason? Ask for a workstation assessment: a Facilities coordinator visits your desk and orders what is needed.`,
  },
  {
    slug: 'lost-or-forgotten-access-badge',
    team: 'facilities',
    title: 'Lost or forgotten access badge',
    category: 'Security',
    tags: ['badge', 'access card', 'lost', 'reception', 'building access'],
    visibility: 'everyone',
    owner: 'lily.chen',
    ageDays: 100,
    helpful: 20,
    notHelpful: 2,
    body: `**Forgot your badge today?** Reception gives you a day pass after checking your photo ID; hand it back when you leave.

**Lost it?** Tell reception or Facilities straight away: we switch the old badge off so nobody else can use it, and print a new one while you wait (with a photo taken there and then).

A second replacement in twelve months costs GBP 10, taken from your expenses.

Badges also release your prints and open the bike store, so a new badge works for those at once.

Your badge stops working on your last day; hand it to reception on your way out.`,
  },
  {
    slug: 'book-business-travel',
    team: 'facilities',
    title: 'Book business travel',
    category: 'Travel',
    tags: ['travel', 'flights', 'hotel', 'train', 'booking'],
    visibility: 'everyone',
    owner: 'kofi.boateng',
    ageDays: 52,
    helpful: 15,
    notHelpful: 4,
    body: `Facilities books work trips, so the company pays directly and knows where you are if something goes wrong.

1. Get your manager's agreement for the trip.
2. File [Business travel](/services/business-travel): destination, dates, and what to book (flight, train, hotel, car hire).
3. We send options within one working day; reply with your choice and we book it.

**Class of travel:** economy for flights under six hours, premium economy for longer ones; standard class on trains. Trains are preferred to flights under four hours.

Book at least 14 days ahead where you can: late bookings cost far more. While away, meals and taxis are claimed as [expenses](/kb/submit-expenses).`,
  },
  {
    slug: 'office-too-hot-or-too-cold',
    team: 'facilities',
    title: 'Office too hot or too cold',
    category: 'Repairs',
    tags: ['heating', 'air conditioning', 'temperature', 'cold', 'hot'],
    visibility: 'everyone',
    owner: 'felix.wagner',
    ageDays: 30,
    helpful: 9,
    notHelpful: 4,
    body: `Offices are kept between **20 and 23 degrees C** during opening hours. Thermostats are locked so that one floor does not fight another.

If the temperature is outside that range for more than an hour, report it through [Something is broken](/services/something-broken), choosing **Heating or air conditioning**, with the office, floor and area. If it is outside the range on a whole floor, we send a technician the same day.

Meeting rooms warm up quickly with many people in them: open the door between meetings.

Desk fans and heaters from home are not allowed (fire safety); Facilities lends approved ones.`,
  },
  {
    slug: 'office-opening-hours',
    team: 'facilities',
    title: 'Office opening hours',
    category: 'Offices',
    tags: ['opening hours', 'building', 'weekend', 'access'],
    visibility: 'everyone',
    owner: 'george.mitchell',
    ageDays: 150,
    helpful: 18,
    notHelpful: 2,
    body: `Every office is open **07:00 to 20:00, Monday to Friday**, local time. Reception is staffed from 08:30 to 17:30.

Outside those hours, your badge still opens the door, but the heating and lighting are on timers and there is no reception: tell your manager if you will be in alone.

Offices are closed on public holidays in their country and between Christmas and New Year; the full list is on the [Holidays](/holidays) page.

**Weekend access:** ask Facilities two working days ahead, so security knows to expect you.`,
  },
  {
    slug: 'bring-a-visitor-to-the-office',
    team: 'facilities',
    title: 'Bring a visitor to the office',
    category: 'Offices',
    tags: ['visitor', 'guest', 'reception', 'day pass'],
    visibility: 'everyone',
    owner: 'lily.chen',
    ageDays: 170,
    helpful: 7,
    notHelpful: 0,
    body: `Expecting a guest (a candidate, client or supplier)?

1. Register them on the intranet's **Visitors** page by the day before: name, company, time and who they are meeting.
2. They receive an e-mail with directions and the guest Wi-Fi details.
3. On arrival, reception signs them in, prints a visitor badge and calls you.

Visitors must be accompanied at all times beyond reception. Children are welcome on family days; otherwise ask Facilities first.

Groups over ten, or visitors arriving outside reception hours, need two working days' notice.`,
  },
  {
    slug: 'book-a-desk-for-the-day',
    team: 'facilities',
    title: 'Book a desk for the day',
    category: 'Offices',
    tags: ['desk booking', 'hot desk', 'hybrid', 'floor plan'],
    visibility: 'everyone',
    owner: 'rosa.jimenez',
    ageDays: 7,
    helpful: 21,
    notHelpful: 3,
    body: `Most desks are shared. Book one in the **Desks** app before you come in.

1. Open the app and choose the office and day.
2. Pick a desk on the floor plan; your team's area is highlighted.
3. Check in on arrival by scanning the QR code on the desk. Unclaimed desks are released at 10:30.

Desks with two monitors are marked; a few have standing frames. Leave the desk clear at the end of the day: lockers are on every floor, and your badge opens one.

New starters have a fixed desk for their first two weeks; HR arranges it through [Desk and badge](/services/desk-and-badge).`,
  },
  {
    slug: 'parking-and-bike-storage',
    team: 'facilities',
    title: 'Parking and bike storage',
    category: 'Offices',
    tags: ['parking', 'bike', 'cycling', 'car', 'showers'],
    visibility: 'everyone',
    owner: 'kofi.boateng',
    ageDays: 280,
    helpful: 6,
    notHelpful: 1,
    body: `**Bikes:** every office has a secure bike store opened with your badge, plus showers and drying lockers. The cycle-to-work scheme spreads the cost of a bike over 12 months' salary; sign up on the benefits page.

**Cars:** parking is limited and kept for people with a blue badge, those carrying equipment, and visitors. Ask Facilities for a space for a particular day, at least a day ahead.

**Electric car charging:** London and Berlin have four chargers each, booked like a space.`,
  },
];
