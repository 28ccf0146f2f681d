/**
 * Where people reach this Hallway, for links written into mail and chat messages (an approval's
 * one-click link, "see your request"). Set once by `startServer` from HALLWAY_PUBLIC_URL; code that
 * writes links (reactions, which get no configuration) reads it here. Tests may set it.
 */
let current = 'http://localhost:3000';

export function setPublicUrl(url: string): void {
  current = url.replace(/\/+$/, '');
}

export function publicUrl(): string {
  return current;
}

/** An absolute link to a path of the web app or API: `linkTo('/requests/IT-42')`. */
export function linkTo(path: string): string {
  return `${current}${path.startsWith('/') ? path : `/${path}`}`;
}
