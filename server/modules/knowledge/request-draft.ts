// A resolved request turned into the first draft of an article (pure). An article is read far
// more widely than the request was, so personal data stays behind: the names of the requester and
// of everyone on the timeline, e-mail addresses and phone numbers. The agent edits the draft anyway;
// this only makes sure nothing personal is published by an author who did not notice it.

export interface DraftSource {
  subject: string;
  description: string;
  requesterName: string;
  /** Everyone else named on the request: assignee, people who replied or acted. */
  otherNames: readonly string[];
  /** Why it was resolved, in the agents' words (the public reasons given when resolving). */
  resolutions: readonly string[];
  /** The agents' public replies, oldest first. */
  agentReplies: readonly string[];
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
// A run of digits with the usual phone separators, 7 to 15 digits in all (E.164 allows 15).
const PHONE_CANDIDATE = /(?<![\p{L}\p{N}])\+?\(?\d[\d ().-]{5,22}\d(?![\p{L}\p{N}])/gu;
const DATE_OR_TIME = /^\d{4}-\d{2}-\d{2}$|^\d{1,2}[:.]\d{2}$/;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const whole = (pattern: string, flags: string) => new RegExp(`(?<![\\p{L}\\p{N}])${pattern}(?![\\p{L}\\p{N}])`, flags);

function redactPhones(text: string): string {
  return text.replace(PHONE_CANDIDATE, (candidate) => {
    const digits = candidate.replace(/\D/g, '').length;
    // Dates, IP-like dotted numbers and short numbers are not phone numbers.
    if (digits < 7 || digits > 15 || DATE_OR_TIME.test(candidate.trim()) || /^\d{1,3}(\.\d{1,3}){3}$/.test(candidate)) return candidate;
    return '[phone number]';
  });
}

/**
 * Names out: each full name (any case), then each part of it of two letters or more as a capitalised
 * word ("Hi Emma," loses "Emma"; the word "will" survives a person called Will).
 */
function redactNames(text: string, names: readonly string[]): string {
  const fullNames = [...new Set(names.map((name) => name.trim()).filter((name) => name.length > 1))].sort((a, b) => b.length - a.length);
  let result = text;
  for (const name of fullNames) result = result.replace(whole(escapeRegExp(name).replace(/\s+/g, '\\s+'), 'giu'), '[name]');
  const parts = [...new Set(fullNames.flatMap((name) => name.split(/[\s-]+/)).filter((part) => part.length > 1 && /^\p{Lu}/u.test(part)))];
  for (const part of parts.sort((a, b) => b.length - a.length)) result = result.replace(whole(escapeRegExp(part), 'gu'), '[name]');
  return result;
}

export function redactPersonalData(text: string, names: readonly string[]): string {
  return redactNames(redactPhones(text.replace(EMAIL, '[e-mail]')), names);
}

/** The draft's title and Markdown body: "## Question" (the description), "## Answer" (resolution and replies). */
export function draftFromRequest(source: DraftSource): { title: string; body: string } {
  const names = [source.requesterName, ...source.otherNames];
  const clean = (text: string) => redactPersonalData(text.trim(), names);
  const title = clean(source.subject).slice(0, 200).trim() || 'Untitled';
  const question = clean(source.description) || clean(source.subject);
  const answers = [...source.resolutions, ...source.agentReplies].map(clean).filter((text) => text !== '');
  const answer = answers.length > 0 ? answers.join('\n\n') : '_Write the answer here._';
  return { title, body: `## Question\n\n${question}\n\n## Answer\n\n${answer}\n` };
}
