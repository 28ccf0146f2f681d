import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS_OUR_DOMAINS, MAIL_CORPUS_FOLDER, MAIL_FIXTURES, type ParsedMailFixture } from '../../../../../test/fixtures/mail/manifest.ts';
import { MailParseError, parseMail } from './parse-mail.ts';
import { threadingHints } from './threading.ts';

// Every message of the corpus through parseMail, checked against its manifest entry.

const read = (file: string): Buffer => readFileSync(join(MAIL_CORPUS_FOLDER, file));

function checkParsed(fixture: ParsedMailFixture, mail: Awaited<ReturnType<typeof parseMail>>): void {
  expect(mail.from?.address).toBe(fixture.from);
  if (fixture.fromName !== undefined) expect(mail.from?.name).toBe(fixture.fromName);
  expect(mail.subject).toBe(fixture.subject);
  expect(mail.messageId).toBe(fixture.messageId);
  expect(mail.automated.kind).toBe(fixture.automated);
  if (fixture.automated === 'none') expect(mail.automated.reason).toBeNull();
  if (fixture.automatedReasonContains) expect(mail.automated.reason).toContain(fixture.automatedReasonContains);
  expect(mail.safeHtml !== null).toBe(fixture.hasHtml);
  expect(mail.text.trim()).not.toBe('');
  for (const part of fixture.textContains ?? []) expect(mail.text).toContain(part);
  for (const part of fixture.visibleTextContains ?? []) expect(mail.visibleText).toContain(part);
  for (const part of fixture.visibleTextExcludes ?? []) expect(mail.visibleText).not.toContain(part);
  for (const part of fixture.safeHtmlContains ?? []) expect(mail.safeHtml).toContain(part);
  for (const part of fixture.safeHtmlExcludes ?? []) expect(mail.safeHtml?.toLowerCase()).not.toContain(part.toLowerCase());
  expect(mail.attachments.map((attachment) => attachment.fileName)).toEqual(fixture.attachments);
  for (const attachment of mail.attachments) expect(attachment.sizeBytes).toBe(attachment.content.length);
  if (fixture.attachmentTypes) expect(mail.attachments.map((attachment) => attachment.contentType)).toEqual(fixture.attachmentTypes);
  if (fixture.inlineAttachments) {
    expect(mail.attachments.filter((attachment) => attachment.inline).map((attachment) => attachment.fileName)).toEqual(fixture.inlineAttachments);
  }
  if (fixture.threading) expect(threadingHints(mail, CORPUS_OUR_DOMAINS)).toMatchObject(fixture.threading);
}

describe('the mail corpus', () => {
  it('has a manifest entry for every .eml file and a file for every entry, over 40 in all', () => {
    const files = readdirSync(MAIL_CORPUS_FOLDER).filter((file) => file.endsWith('.eml')).sort();
    expect(MAIL_FIXTURES.map((fixture) => fixture.file).sort()).toEqual(files);
    expect(files.length).toBeGreaterThanOrEqual(44);
  });

  it.each(MAIL_FIXTURES.map((fixture) => [fixture.file, fixture] as const))('%s parses as its manifest says', async (_file, fixture) => {
    const raw = read(fixture.file);
    if ('refused' in fixture) {
      const error: unknown = await parseMail(raw).then(() => null, (caught: unknown) => caught);
      expect(error).toBeInstanceOf(MailParseError);
      expect((error as MailParseError).failure).toBe(fixture.refused);
      return;
    }
    checkParsed(fixture, await parseMail(raw));
  });

  it('refuses an oversized message with a reason, and parses a large one under the limit', async () => {
    const attachment = Buffer.alloc(3 * 1024 * 1024, 7).toString('base64').replace(/.{76}/g, '$&\r\n');
    const raw = Buffer.from([
      'From: big@corp.example', 'To: it@hallway.example', 'Subject: Big log file', 'Message-ID: <big@corp.example>',
      'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary="b"', '', '--b', 'Content-Type: text/plain', '', 'Log attached.',
      '--b', 'Content-Type: application/octet-stream', 'Content-Disposition: attachment; filename="server.log"', 'Content-Transfer-Encoding: base64', '',
      attachment, '--b--', '',
    ].join('\r\n'));
    const error: unknown = await parseMail(raw, { maxBytes: 1024 * 1024 }).then(() => null, (caught: unknown) => caught);
    expect(error).toBeInstanceOf(MailParseError);
    expect((error as MailParseError).failure).toBe('too-large');
    expect((error as MailParseError).message).toContain(String(raw.length));
    const mail = await parseMail(raw);
    expect(mail.attachments[0]?.fileName).toBe('server.log');
    expect(mail.attachments[0]?.sizeBytes).toBe(3 * 1024 * 1024);
  });
});
