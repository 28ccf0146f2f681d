/**
 * The text of an SMS Hallway sends: `IT-42: <words>` and a link to the request. A long reply is cut
 * (on a word when one is near) and the link says where the rest is. The gateway splits the text into
 * segments itself (160 GSM-7 or 70 UCS-2 characters each) and the phone joins them, so the limit is
 * about cost and readability: 480 characters is three GSM segments or seven UCS-2 ones.
 */
export const SMS_TEXT_LIMIT = 480;

export function smsText(key: string, words: string, link: string, limit = SMS_TEXT_LIMIT): string {
  const flat = words.replace(/\s+/g, ' ').trim();
  const head = `${key}: `;
  const tail = `\n${link}`;
  const room = limit - Array.from(head).length - Array.from(tail).length;
  const characters = Array.from(flat); // code points: an emoji is never cut in half
  if (characters.length <= room) return `${head}${flat}${tail}`;
  let cut = characters.slice(0, room - 1).join('');
  const lastSpace = cut.lastIndexOf(' ');
  if (lastSpace > cut.length * 0.8) cut = cut.slice(0, lastSpace);
  return `${head}${cut}…${tail}`;
}
