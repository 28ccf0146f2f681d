// The words of the page a chat app's "link your account" message opens (/link/teams#<token>).

const appNames: Record<string, string> = { teams: 'Teams', slack: 'Slack' };
const appName = (kind: string) => appNames[kind] ?? 'chat';

export const link = {
  title: (kind: string) => `Link your ${appName(kind)} account`,
  intro: (kind: string) =>
    `You wrote to Hallway in ${appName(kind)}, which does not tell Hallway who you are. Link the account once, and your messages there count as yours.`,
  question: (kind: string, externalName: string | null, me: string) =>
    externalName ? `Link ${appName(kind)} account “${externalName}” to you, ${me}?` : `Link this ${appName(kind)} account to you, ${me}?`,
  warning:
    'Only link an account that is yours: messages written from it will be filed as you, and replies to them go to that chat. You get a code to write from that account; nothing is linked until it arrives.',
  expires: (when: string) => `The link works until ${when}.`,
  confirm: 'Get my code',
  signInFirst: 'Sign in to Hallway first; you come back here afterwards.',
  signIn: 'Sign in',
  codeTitle: 'Your code',
  codeInstruction: (kind: string, externalName: string | null) =>
    `In ${appName(kind)}, from the account${externalName ? ` “${externalName}”` : ''}, mention Hallway and write:`,
  codeAfter: (kind: string) =>
    `Hallway answers “Linked to” your name, and from then on files what you write there as you. Nothing is linked until the code comes from that ${appName(kind)} account.`,
  codeExpires: (when: string) => `The code works until ${when}. Opening this page again gives a new one.`,
  copy: 'Copy',
  copied: 'Copied',
  codeNeverShare: 'Only type this code yourself; whoever writes it from their account links that account to you.',
  taken: 'This account is already linked to another person. If it is yours, ask them (or an admin) to unlink it.',
  badLink: (kind: string) => `This link is not complete. Write to Hallway in ${appName(kind)} again for a new one.`,
  expired: (kind: string) => `This link has expired (they last 30 minutes). Write to Hallway in ${appName(kind)} again for a new one.`,
  toPortal: 'Go to Hallway',
};
