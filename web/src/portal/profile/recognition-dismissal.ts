// "Ask me later" lasts until the next sign-in: kept in sessionStorage (this tab, this sign-in), and
// forgotten when someone signs in, so the question comes back once then and not on every page.

const KEY = 'hallway.recognition.askLater';

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    // Storage can be switched off; then the question simply comes back on the next page load.
    return null;
  }
}

export function rememberAskLater(personId: string): void {
  storage()?.setItem(KEY, personId);
}

export function askedLater(personId: string): boolean {
  return storage()?.getItem(KEY) === personId;
}

export function forgetAskLater(): void {
  storage()?.removeItem(KEY);
}
