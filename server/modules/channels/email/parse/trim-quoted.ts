// The timeline shows what the sender wrote this time: quoted history and signatures are cut off
// (the full text is kept beside it). Clients mark history in their own ways, so this knows the
// common ones (decision 0019). It errs on keeping text: a marker must fill its whole line, and if
// trimming would leave nothing the whole text is kept. Forwarded messages are NOT trimmed, since
// the forwarded part is usually what the sender wants us to read.

// Above these lines a sender's own words end and a forwarded message begins; nothing below is history.
const FORWARD_MARKER = [
  /^-{5,}\s*Forwarded message\s*-{5,}$/i, // Gmail
  /^-{5,}\s*(Forwarded Message|Weitergeleitete Nachricht|Message transféré)\s*-{5,}$/i, // Thunderbird
  /^Begin forwarded message:$/i, // Apple Mail
  /^Anfang der weitergeleiteten Nachricht:$/i,
  /^Début du message réexpédié :$/i,
];

// "On <date>, <name> wrote:" (Gmail, Thunderbird, Apple Mail's "On <date>, at <time>, <name> wrote:")
// and the same attribution in other languages.
const ATTRIBUTION_LINE = [
  /^On\b.{4,300}\bwrote:$/i,
  /^Am\b.{4,300}\bschrieb\b.{0,200}:$/i, // German
  /^Le\b.{4,300}\ba écrit ?:$/i, // French
  /^El\b.{4,300}\bescribió:$/i, // Spanish
  /^Op\b.{4,300}\bschreef\b.{0,200}:$/i, // Dutch
  /^Il giorno\b.{4,300}\bha scritto:$/i, // Italian
];

// Separators Outlook and Thunderbird put above the quoted message.
const SEPARATOR_LINE = [
  /^-{2,}\s*(Original Message|Ursprüngliche Nachricht|Message d'origine|Mensaje original|Messaggio originale)\s*-{2,}$/i,
  /^_{10,}$/, // Outlook on the web and newer Outlook desktop
];

// Outlook's header block: "From:" then "Sent:"/"Date:" and "To:"/"Subject:" within a few lines.
const OUTLOOK_FROM = /^\*?(From|Von|De|Van|Da)\s?:\*?\s/i;
const OUTLOOK_SENT = /^\*?(Sent|Date|Gesendet|Datum|Envoyé|Enviado|Verzonden|Inviato)\s?:\*?\s/i;
const OUTLOOK_TO_OR_SUBJECT = /^\*?(To|Subject|An|Betreff|À|Objet|Para|Asunto|Aan|Onderwerp|A|Oggetto)\s?:\*?\s/i;

// Footers phones and mail apps append (they mean "signature follows", never content).
const FOOTER_LINE = [
  /^Sent from my \w[\w ]{0,40}$/i,
  /^Sent from (Mail|Outlook) for \w+$/i,
  /^Get Outlook for (iOS|Android)\s*(<[^>]*>)?$/i,
  /^Sent from (Yahoo Mail|Proton Mail|ProtonMail)\b.{0,60}$/i,
  /^Von meinem \w[\w ]{0,40} gesendet$/i,
  /^Envoyé de mon \w[\w ]{0,40}$/i,
  /^Enviado desde mi \w[\w ]{0,40}$/i,
];

// RFC 3676 section 4.3: the signature starts after a line that is exactly "-- ". Many clients
// strip the trailing space on the way, so "--" alone counts too.
const SIGNATURE_DELIMITER = /^--\s?$/;

function isAttribution(line: string): boolean {
  // Every client puts the date in the attribution; prose like "On Monday the admin wrote:" has none.
  return /\d/.test(line) && ATTRIBUTION_LINE.some((pattern) => pattern.test(line));
}

function isOutlookHeaderBlock(lines: string[], index: number): boolean {
  if (!OUTLOOK_FROM.test(lines[index] ?? '')) return false;
  const following = lines.slice(index + 1, index + 6);
  return following.some((line) => OUTLOOK_SENT.test(line)) && following.some((line) => OUTLOOK_TO_OR_SUBJECT.test(line));
}

/** Index of the first line of quoted history, or -1. */
function historyStart(lines: string[]): number {
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]?.trim() ?? '';
    if (FORWARD_MARKER.some((pattern) => pattern.test(line))) return -1;
    if (isAttribution(line) || SEPARATOR_LINE.some((pattern) => pattern.test(line))) return index;
    // Long attributions are wrapped by the sender's client: "On Mon, 2 Nov 2026 at 09:14, Ann Example <ann@"
    // on one line and "example.example> wrote:" on the next.
    const joined = `${line} ${lines[index + 1]?.trim() ?? ''}`;
    if (/^(On|Am|Le|El|Op)\b/.test(line) && isAttribution(joined)) return index;
    if (isOutlookHeaderBlock(lines.map((candidate) => candidate.trim()), index)) return index;
  }
  return -1;
}

function signatureStart(lines: string[]): number {
  return lines.findIndex((line) => SIGNATURE_DELIMITER.test(line.trimEnd()) || FOOTER_LINE.some((pattern) => pattern.test(line.trim())));
}

export interface TrimOptions {
  /**
   * The subject says the message is forwarded ("Fwd:", "FW:", "WG:", "TR:"). Outlook forwards the
   * message under the same "From: / Sent: / To:" block it uses for reply history, so the body alone
   * cannot tell them apart: a forward is then kept whole.
   */
  forwarded?: boolean;
}

/** Subject prefixes of forwarded mail in common clients and languages. */
export const FORWARDED_SUBJECT = /^\s*((re|aw|sv|antw)\s*:\s*)*(fwd?|wg|tr|rv|fs|vs)\s*:/i;

export function trimQuotedText(text: string, options: TrimOptions = {}): string {
  if (options.forwarded) return text.trim();
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let kept = lines;
  const history = historyStart(kept);
  if (history !== -1) kept = kept.slice(0, history);
  const signature = signatureStart(kept);
  if (signature !== -1) kept = kept.slice(0, signature);
  // Quoted lines left in place: an interleaved reply keeps its answers, not the quotes between them.
  kept = kept.filter((line) => !/^\s*>/.test(line));
  const visible = kept.join('\n').replace(/\n{3,}/g, '\n\n').trim();
  return visible === '' ? text.trim() : visible;
}
