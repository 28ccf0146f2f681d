import type { DemoArticle } from './demo-articles-data.ts';

// IT's articles: accounts, network, devices and security. Two are procedures for agents only, and
// one is for the IT team alone.

export const demoItArticles: DemoArticle[] = [
  {
    slug: 'reset-your-password',
    team: 'it',
    title: 'Reset your password',
    category: 'Accounts',
    tags: ['password', 'login', 'account', 'self-service'],
    visibility: 'everyone',
    owner: 'daniel.osei',
    ageDays: 12,
    helpful: 48,
    notHelpful: 3,
    body: `Forgotten your password, or been told it has expired? You can reset it yourself in a couple of minutes, from any browser, without calling the service desk.

1. Go to **account.lumen.example** and choose **Forgot password**.
2. Enter your work e-mail address.
3. Approve the prompt in your authenticator app (see [Set up multi-factor authentication](/kb/set-up-multi-factor-authentication)).
4. Choose a new password: at least 14 characters. A short sentence you will remember works well.
5. Sign in again on your laptop. While connected to the VPN, it picks up the new password the next time you lock and unlock it.

Passwords expire every 12 months, and you get a reminder e-mail 14 days before. You cannot reuse any of your last five passwords.

If the reset page says your account is locked, wait 15 minutes or read [Your account is locked](/kb/your-account-is-locked). If you no longer have your phone, the service desk can verify you by video call and reset it for you.`,
  },
  {
    slug: 'connect-to-the-vpn-from-home',
    team: 'it',
    title: 'Connect to the VPN from home',
    category: 'Network',
    tags: ['vpn', 'remote working', 'network', 'home'],
    visibility: 'everyone',
    owner: 'aisha.khan',
    ageDays: 30,
    helpful: 35,
    notHelpful: 6,
    body: `The VPN gives your laptop a secure connection to our internal systems (the finance system, file shares, the intranet) when you work from home, a hotel or a client's office.

1. Open **GlobalConnect** from the menu bar (Mac) or the system tray (Windows).
2. Choose the gateway nearest to you: London, Berlin, Lisbon, New York or Singapore.
3. Sign in with your work e-mail and password, then approve the prompt on your phone.
4. The icon turns green when you are connected.

| Problem | What to try |
| --- | --- |
| Stuck on "connecting" | Switch to another gateway, or restart your router |
| Connection drops every few minutes | Plug in a cable, or move closer to your Wi-Fi router |
| "Certificate error" | Restart the laptop while in the office, so it renews its certificate |

Hotel and train Wi-Fi often block VPN traffic until you have accepted their terms in a browser. If nothing works, report it through [Laptop or computer problem](/services/laptop-repair) and say which gateway you tried.`,
  },
  {
    slug: 'set-up-multi-factor-authentication',
    team: 'it',
    title: 'Set up multi-factor authentication',
    category: 'Security',
    tags: ['mfa', '2fa', 'authenticator', 'security', 'phone'],
    visibility: 'everyone',
    owner: 'grace.kim',
    ageDays: 60,
    helpful: 29,
    notHelpful: 2,
    body: `Multi-factor authentication (MFA) means signing in takes two things: your password and a prompt on your phone. It stops almost every attack that starts with a stolen password, so it is required for every account.

1. Install **Microsoft Authenticator** on your phone from the App Store or Google Play.
2. On your laptop, go to **account.lumen.example/security** and choose **Add sign-in method**.
3. Pick **Authenticator app** and scan the QR code with the app.
4. Approve the test notification.
5. Add a second method as a backup: a phone number for text messages.

Getting a new phone? Add the new phone **before** you wipe the old one. If you have already lost the old phone, contact the service desk: we verify who you are by video call and clear your methods so you can start again.

Never approve a prompt you did not ask for. If one appears out of the blue, deny it and [report a suspicious email or sign-in](/kb/report-a-suspicious-email).`,
  },
  {
    slug: 'request-a-new-laptop',
    team: 'it',
    title: 'Request a new laptop',
    category: 'Hardware',
    tags: ['laptop', 'hardware', 'equipment', 'replacement'],
    visibility: 'everyone',
    owner: 'marta.kowalska',
    ageDays: 45,
    helpful: 22,
    notHelpful: 4,
    body: `Laptops are replaced every four years, or sooner when one is not worth fixing. Your asset tag (LW-1234, on the sticker underneath) tells us its age.

**Who can ask:** anyone whose laptop is over four years old, or whose role needs a more powerful machine (designers, engineers, analysts working with large data).

1. Ask your manager to agree to it, in writing or by e-mail.
2. File a request for [New equipment](/services/new-equipment) and mention the manager's approval.
3. We order it: a standard MacBook or Windows laptop arrives within five working days.
4. Book a 30-minute handover slot. We move your files and settings across and take the old laptop back.

Starting someone new? HR asks for their laptop as part of onboarding, so managers do not need to request one separately.

| Model | Who it is for |
| --- | --- |
| MacBook Air 13" | most people |
| MacBook Pro 14" | design, engineering |
| ThinkPad T14 | Windows-only software, finance |`,
  },
  {
    slug: 'laptop-running-slow',
    team: 'it',
    title: 'Laptop running slow',
    category: 'Hardware',
    tags: ['performance', 'slow', 'troubleshooting', 'laptop'],
    visibility: 'everyone',
    owner: 'liam.oconnor',
    ageDays: 90,
    helpful: 14,
    notHelpful: 5,
    body: `A slow laptop is usually fixed by one of these, in this order:

1. **Restart it.** Not sleep: a real restart. Updates often wait for one, and memory is freed.
2. **Install waiting updates.** Software Center (Windows) or System Settings > General > Software Update (Mac).
3. **Close browser tabs.** Each tab of a busy web app can use half a gigabyte of memory.
4. **Free some disk space.** Below 10% free, everything slows down. Empty the Downloads folder and the bin.
5. **Check for a runaway app.** Task Manager (Windows) or Activity Monitor (Mac), sorted by CPU.

Still slow after all five? Report it through [Laptop or computer problem](/services/laptop-repair) with the asset tag, and say what you were doing when it slowed down. If the laptop is more than four years old, ask about a replacement instead.`,
  },
  {
    slug: 'connect-to-the-office-wifi',
    team: 'it',
    title: 'Connect to the office Wi-Fi',
    category: 'Network',
    tags: ['wifi', 'wireless', 'guest', 'network'],
    visibility: 'everyone',
    owner: 'aisha.khan',
    ageDays: 200,
    helpful: 18,
    notHelpful: 1,
    body: `Every office has two wireless networks:

| Network | For | How to join |
| --- | --- | --- |
| **Lumen** | company laptops and phones | joins by itself with your work account |
| **Lumen-Guest** | visitors and personal devices | a daily code, shown on the screens at reception |

Your company laptop joins **Lumen** automatically the first time you are in the office. If it does not, forget the network and choose it again, then sign in with your work e-mail and password.

Guest access lasts 24 hours and is separated from our internal systems: personal phones and visitors' laptops should always use **Lumen-Guest**.

Weak signal in a meeting room, or no Wi-Fi on a whole floor? Tell the service desk the office, floor and room, so we can check the access point.`,
  },
  {
    slug: 'print-from-your-laptop',
    team: 'it',
    title: 'Print from your laptop',
    category: 'Hardware',
    tags: ['printer', 'printing', 'scan', 'follow-me'],
    visibility: 'everyone',
    owner: 'chen.wei',
    ageDays: 150,
    helpful: 11,
    notHelpful: 3,
    body: `We use "follow-me" printing: you print to one queue, then collect at any printer in any office by tapping your badge.

1. Print as usual and choose the printer **Lumen-FollowMe**. It is installed on every company laptop.
2. Walk to any printer and tap your access badge on the reader.
3. Choose your documents on the screen and press **Print**.

Jobs you do not collect are deleted after 24 hours, so nothing confidential is left lying in a tray.

**Scanning:** tap your badge, choose **Scan to me**, and the PDF arrives in your e-mail.

**Printer jammed or out of toner?** Facilities keep paper and toner; report a jam through [Something is broken](/services/something-broken). If your laptop cannot see the queue at all, the service desk can reinstall it.`,
  },
  {
    slug: 'request-access-to-an-application',
    team: 'it',
    title: 'Request access to an application',
    category: 'Accounts',
    tags: ['access', 'software', 'permissions', 'crm', 'erp'],
    visibility: 'everyone',
    owner: 'jonas.weber',
    ageDays: 20,
    helpful: 19,
    notHelpful: 2,
    body: `Access to business applications (the CRM, the ERP, Figma, Adobe Creative Cloud, GitHub and others) is granted per person, approved by the application's owner.

1. File [Access to an application](/services/software-access).
2. Choose the application and the level you need: read only, read and edit, or administrator.
3. Say what it is for; the owner approves or asks a question.
4. You get an e-mail when access is ready, usually within one working day.

Administrator access needs a reason and is reviewed every quarter.

Licences cost money: if you stop using an application, tell us and we release your seat. Access you have not used for 90 days is removed automatically, and you can ask again at any time.`,
  },
  {
    slug: 'report-a-suspicious-email',
    team: 'it',
    title: 'Report a suspicious email',
    category: 'Security',
    tags: ['phishing', 'spam', 'scam', 'security', 'email'],
    visibility: 'everyone',
    owner: 'grace.kim',
    ageDays: 8,
    helpful: 31,
    notHelpful: 1,
    body: `Phishing e-mails try to get you to click a link, open an attachment, or pay a fake invoice. Signs to look for:

- a sender address that does not match the name;
- urgency ("your account will be closed today");
- a request for a password, a payment or gift cards;
- a link whose address (hover over it) is not what the text says.

**To report one**, click **Report phishing** in the Outlook toolbar. It goes to the security team and out of your inbox. Do not forward it to colleagues.

**Already clicked, or typed your password?** That is fine, it happens; what matters is speed. [Reset your password](/kb/reset-your-password) straight away, then call the service desk and tell us what happened. We would much rather hear about it in five minutes than in five days.

Finance never changes a supplier's bank details because of an e-mail alone.`,
  },
  {
    slug: 'your-account-is-locked',
    team: 'it',
    title: 'Your account is locked',
    category: 'Accounts',
    tags: ['locked', 'login', 'account', 'sign in'],
    visibility: 'everyone',
    owner: 'sofia.marquez',
    ageDays: 75,
    helpful: 16,
    notHelpful: 4,
    body: `After ten wrong passwords in a row, your account locks for 15 minutes. This protects it against guessing.

**What to do:**

1. Wait 15 minutes; the lock lifts by itself.
2. Check that Caps Lock is off and the keyboard layout is the one you expect.
3. Still failing? [Reset your password](/kb/reset-your-password).

**It locks again and again?** An old device is probably still trying your previous password: a phone's mail app, a tablet, or a mapped drive on a second laptop. Update the password on each of them, or remove the account from devices you no longer use.

If you cannot get in at all, call the service desk from any phone; we can unlock the account after checking who you are.`,
  },
  {
    slug: 'set-up-work-email-on-your-phone',
    team: 'it',
    title: 'Set up work email on your phone',
    category: 'Email',
    tags: ['mobile', 'outlook', 'email', 'phone', 'calendar'],
    visibility: 'everyone',
    owner: 'chen.wei',
    ageDays: 120,
    helpful: 21,
    notHelpful: 3,
    body: `You can read work e-mail and your calendar on your own phone, using the Outlook app only.

1. Install **Microsoft Outlook** from the App Store or Google Play.
2. Add your work e-mail address and sign in; approve the MFA prompt.
3. Allow the app's protection policy when asked: it keeps work data inside the app, and lets us wipe only the work data if the phone is lost.

The built-in Mail app on iPhone or Android is not supported for work accounts.

**Lost your phone?** Tell the service desk at once; we remove work data from it. Your personal photos and messages are not touched.

Teams and the intranet apps work the same way: install, sign in, approve.`,
  },
  {
    slug: 'share-files-with-people-outside-the-company',
    team: 'it',
    title: 'Share files with people outside the company',
    category: 'Collaboration',
    tags: ['sharing', 'files', 'external', 'onedrive'],
    visibility: 'everyone',
    owner: 'jonas.weber',
    ageDays: 240,
    helpful: 9,
    notHelpful: 2,
    body: `To send a large or confidential file to a client, supplier or candidate, share a link from OneDrive or a team site instead of attaching it to an e-mail.

1. Right-click the file and choose **Share**.
2. Choose **Specific people** and enter their e-mail address.
3. Set an expiry date (30 days is the default) and untick **Allow editing** unless they need it.
4. They get a link and confirm their address with a one-time code.

**Never** use "Anyone with the link" for personal data, salaries, contracts or customer lists.

To check who can still see a file, open **Manage access**; remove people when a project ends.`,
  },
  {
    slug: 'fix-sound-and-camera-problems-in-video-calls',
    team: 'it',
    title: 'Fix sound and camera problems in video calls',
    category: 'Collaboration',
    tags: ['headset', 'microphone', 'camera', 'meetings', 'teams'],
    visibility: 'everyone',
    owner: 'liam.oconnor',
    ageDays: 35,
    helpful: 25,
    notHelpful: 7,
    body: `Nobody can hear you, or your camera shows a black square? Work through this list during the call:

1. In the meeting, open **Device settings** and check the microphone, speaker and camera chosen are the ones you mean (a docked laptop often picks the monitor's speakers).
2. Unplug the headset and plug it into another USB port.
3. Close other apps that may hold the camera (another meeting app, the browser).
4. On a Mac: System Settings > Privacy & Security > Camera and Microphone: allow Teams.
5. Leave and rejoin the meeting.

Meeting room screens: press the **Join** button on the room's touch panel rather than joining from your laptop, which causes echo.

A headset that crackles or a broken webcam is replaced through [New equipment](/services/new-equipment).`,
  },
  {
    slug: 'reimaging-a-laptop-agent-procedure',
    team: 'it',
    title: 'Reimaging a laptop (agent procedure)',
    category: 'Procedures',
    tags: ['reimage', 'wipe', 'intune', 'procedure'],
    visibility: 'agents',
    owner: 'tomasz.nowak',
    ageDays: 18,
    helpful: 7,
    notHelpful: 0,
    body: `Use this when a laptop is handed back, reassigned, or so broken that a clean install is quicker than a diagnosis.

1. Confirm in the asset register who holds the laptop and that the person has been told.
2. Check that OneDrive shows **Up to date**; anything outside OneDrive is lost.
3. In the Intune console, find the device by its asset tag and choose **Wipe**. Keep enrolment data **off**.
4. Leave it on power and Wi-Fi. The wipe takes 30 to 60 minutes.
5. On first start, sign in with the new holder's account; Autopilot installs the standard apps.
6. Update the asset register: holder, date, and "reimaged".
7. Record the work on the request, with the wipe's confirmation number.

Never reimage a laptop of someone under investigation: HR or Legal will have asked IT security to preserve it.`,
  },
  {
    slug: 'granting-temporary-administrator-rights',
    team: 'it',
    title: 'Granting temporary administrator rights (agent procedure)',
    category: 'Procedures',
    tags: ['admin rights', 'privileged access', 'procedure', 'security'],
    visibility: 'agents',
    owner: 'grace.kim',
    ageDays: 55,
    helpful: 5,
    notHelpful: 1,
    body: `Nobody has permanent administrator rights on their laptop. When someone needs to install software we do not package, grant them for a limited time.

1. Check the request names the software and the reason.
2. Look the software up in the approved list. If it is not there, ask security to review it first.
3. In the endpoint privilege tool, grant **local admin** for **4 hours** on that device only.
4. Tell the person, and remind them that everything they do is logged.
5. Close the request with the software's name and version.

Developers on the engineering list may ask for up to 5 working days; anything longer needs the Head of IT's approval.`,
  },
  {
    slug: 'it-on-call-rota-and-escalation',
    team: 'it',
    title: 'IT on-call rota and escalation',
    category: 'Procedures',
    tags: ['on-call', 'rota', 'escalation', 'out of hours'],
    visibility: 'team',
    owner: 'priya.raman',
    ageDays: 5,
    helpful: 4,
    notHelpful: 0,
    body: `Outside desk hours (08:00 to 18:00 London time, Monday to Friday) one engineer is on call, a week at a time, handing over on Monday at 10:00.

| Severity | Example | Who to wake |
| --- | --- | --- |
| Critical | e-mail or VPN down for everyone | on-call engineer, then Tomasz Nowak |
| High | one office without network | on-call engineer, next morning is fine after 22:00 |
| Normal | one person's laptop | next working day |

The rota and the on-call phone number are pinned in the team channel. Swaps are fine: agree them with each other and update the rota before the week starts.

After a critical incident, write a short review within two working days: what happened, when we knew, what we changed.`,
  },
];
