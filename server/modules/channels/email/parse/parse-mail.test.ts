import { describe, expect, it } from 'vitest';
import { MailParseError, parseMail } from './parse-mail.ts';
import { MAX_MIME_DEPTH } from './raw-message-checks.ts';

function message(lines: string[]): Buffer {
  return Buffer.from(lines.join('\r\n'), 'utf8');
}

async function refusal(raw: Buffer, options?: { maxBytes?: number }): Promise<MailParseError> {
  const error: unknown = await parseMail(raw, options).then(() => null, (caught: unknown) => caught);
  if (!(error instanceof MailParseError)) throw new Error(`expected a MailParseError, got ${String(error)}`);
  return error;
}

describe('parseMail', () => {
  it('reads a plain message: addresses lower-cased, ids without brackets, decoded subject', async () => {
    const mail = await parseMail(message([
      'From: "Ann Example" <Ann.Example@Corp.Example>',
      'To: it+r-abc123@hallway.example, Bob <bob@corp.example>',
      'Cc: undisclosed-recipients:;',
      'Subject: =?UTF-8?B?UHJpbnRlciBrYXB1dHQg4oCTIGLDvHJv?=',
      'Date: Mon, 02 Nov 2026 09:14:00 +0100',
      'Message-ID: <CAF1234@mail.corp.example>',
      'In-Reply-To: <hallway-1@hallway.example>',
      'References: <hallway-0@hallway.example>\r\n <hallway-1@hallway.example>',
      '',
      'The printer on floor 3 is jammed again.',
    ]));
    expect(mail.from).toEqual({ address: 'ann.example@corp.example', name: 'Ann Example' });
    expect(mail.to.map((address) => address.address)).toEqual(['it+r-abc123@hallway.example', 'bob@corp.example']);
    expect(mail.cc).toEqual([]);
    expect(mail.subject).toBe('Printer kaputt – büro');
    expect(mail.messageId).toBe('CAF1234@mail.corp.example');
    expect(mail.inReplyTo).toBe('hallway-1@hallway.example');
    expect(mail.references).toEqual(['hallway-0@hallway.example', 'hallway-1@hallway.example']);
    expect(mail.date?.toISOString()).toBe('2026-11-02T08:14:00.000Z');
    expect(mail.text).toBe('The printer on floor 3 is jammed again.');
    expect(mail.safeHtml).toBeNull();
    expect(mail.automated).toEqual({ kind: 'none', reason: null });
  });

  it('keeps decoded subjects and names on one line, so they cannot inject headers into our replies', async () => {
    const mail = await parseMail(message([
      'From: =?UTF-8?Q?Ann=0D=0AExample?= <ann@corp.example>',
      'Subject: =?UTF-8?Q?Printer=0D=0ABcc:_all@corp.example?=',
      '',
      'body',
    ]));
    expect(mail.subject).toBe('Printer Bcc: all@corp.example');
    expect(mail.from?.name).toBe('Ann Example');
  });

  it('gives null and empty values for a message without Message-ID, subject or date', async () => {
    const mail = await parseMail(message(['From: ann@corp.example', '', 'hello']));
    expect(mail.messageId).toBeNull();
    expect(mail.subject).toBe('');
    expect(mail.date).toBeNull();
    expect(mail.references).toEqual([]);
  });

  it('derives text from an HTML-only message and sanitises the HTML', async () => {
    const mail = await parseMail(message([
      'From: ann@corp.example',
      'Subject: html',
      'Content-Type: text/html; charset=utf-8',
      '',
      '<p>Hello <b>team</b></p><script>alert(1)</script><img src="x" onerror="alert(2)">',
      '<a href="javascript:alert(3)">click</a> <a href="https://corp.example/a">ok</a>',
      '<img src="data:image/png;base64,AAAA"><img src="cid:logo@corp"><style>p{}</style>',
    ]));
    expect(mail.text).toContain('Hello');
    expect(mail.text).toContain('team');
    expect(mail.text).not.toContain('alert');
    const html = mail.safeHtml ?? '';
    expect(html).toContain('<b>team</b>');
    expect(html).not.toMatch(/script|onerror|javascript:|data:|<style/i);
    expect(html).toContain('href="https://corp.example/a"');
    expect(html).toContain('rel="noopener noreferrer"');
    expect(html).toContain('src="cid:logo@corp"');
  });

  it('refuses an empty message', async () => {
    expect((await refusal(Buffer.from('\r\n  \r\n'))).failure).toBe('empty');
  });

  it('refuses binary data', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), Buffer.from('IHDR')]);
    const failure = (await refusal(png)).failure;
    expect(['binary', 'no-headers']).toContain(failure);
    expect((await refusal(Buffer.from('Subject: x\u0000\u0001\r\n\r\nbody'))).failure).toBe('binary');
  });

  it('refuses text that has no header section, or no mail headers', async () => {
    expect((await refusal(Buffer.from('Hello,\r\nplease reset my password.\r\n'))).failure).toBe('no-headers');
    expect((await refusal(Buffer.from('Note: this is just a memo\r\n\r\nnothing else'))).failure).toBe('no-headers');
  });

  it('reads a message with a stray line in its headers instead of refusing it', async () => {
    const mail = await parseMail(message(['From: ann@corp.example', 'Subject: Broken folding', 'this line lost its indentation', 'Message-ID: <stray@corp.example>', '', 'body']));
    expect(mail.subject).toBe('Broken folding');
    expect(mail.text).toBe('body');
  });

  it('refuses MIME nested deeper than the limit, and accepts a normal nesting', async () => {
    const depth = MAX_MIME_DEPTH + 5;
    const lines = ['From: ann@corp.example', 'Subject: nested', 'MIME-Version: 1.0'];
    for (let level = 0; level < depth; level++) {
      lines.push(`Content-Type: multipart/mixed; boundary="b${level}"`, '', `--b${level}`);
    }
    lines.push('Content-Type: text/plain', '', 'deep');
    for (let level = depth - 1; level >= 0; level--) lines.push(`--b${level}--`);
    const error = await refusal(message(lines));
    expect(error.failure).toBe('too-deeply-nested');
    expect(error.message).toContain(String(depth));

    const shallow = lines.slice(0, 3 + 3 * 3).concat(['Content-Type: text/plain', '', 'three deep', '--b2--', '--b1--', '--b0--']);
    expect((await parseMail(message(shallow))).text).toBe('three deep');
  });

  it('counts messages embedded in messages towards the nesting limit', async () => {
    const lines = ['From: ann@corp.example', 'Subject: forwarded forever'];
    const levels = MAX_MIME_DEPTH + 1;
    for (let level = 0; level < levels; level++) {
      lines.push(`Content-Type: multipart/mixed; boundary="f${level}"`, '', `--f${level}`, 'Content-Type: message/rfc822', '', `From: hop${level}@corp.example`, `Subject: hop ${level}`);
    }
    lines.push('Content-Type: text/plain', '', 'the original');
    for (let level = levels - 1; level >= 0; level--) lines.push(`--f${level}--`);
    expect((await refusal(message(lines))).failure).toBe('too-deeply-nested');
  });

  it('refuses a message over the size limit before parsing it', async () => {
    const raw = message(['From: ann@corp.example', 'Subject: big', '', 'x'.repeat(2048)]);
    const error = await refusal(raw, { maxBytes: 1024 });
    expect(error.failure).toBe('too-large');
    expect((await parseMail(raw, { maxBytes: 4096 })).subject).toBe('big');
  });

  it('keeps only the last segment of an attachment name that carries folders', async () => {
    const mail = await parseMail(message([
      'From: ann@corp.example', 'Subject: names', 'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary="n"', '',
      '--n', 'Content-Type: text/plain', '', 'see files',
      '--n', 'Content-Type: application/octet-stream', 'Content-Disposition: attachment; filename="../../etc/passwd"', '', 'x',
      '--n', 'Content-Type: application/pdf', 'Content-Disposition: attachment; filename="C:\\\\Users\\\\ann\\\\report.pdf"', '', 'y',
      '--n', 'Content-Type: application/pdf', 'Content-Disposition: attachment; filename=".."', '', 'z',
      '--n--',
    ]));
    expect(mail.attachments.map((attachment) => attachment.fileName)).toEqual(['passwd', 'report.pdf', 'attachment.pdf']);
  });

  it('keeps attachments with their names, types, sizes and inline content ids', async () => {
    const pdf = Buffer.from('%PDF-1.4 fake pdf bytes');
    const mail = await parseMail(message([
      'From: ann@corp.example',
      'Subject: files',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="outer"',
      '',
      '--outer',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'See attached.',
      '--outer',
      'Content-Type: application/pdf; name="invoice.pdf"',
      'Content-Disposition: attachment; filename="invoice.pdf"',
      'Content-Transfer-Encoding: base64',
      '',
      pdf.toString('base64'),
      '--outer',
      'Content-Type: image/png',
      'Content-Disposition: inline',
      'Content-ID: <shot@corp.example>',
      'Content-Transfer-Encoding: base64',
      '',
      Buffer.from('png-bytes').toString('base64'),
      '--outer--',
    ]));
    expect(mail.attachments.map(({ fileName, contentType, sizeBytes, inline, contentId }) => ({ fileName, contentType, sizeBytes, inline, contentId }))).toEqual([
      { fileName: 'invoice.pdf', contentType: 'application/pdf', sizeBytes: pdf.length, inline: false, contentId: null },
      { fileName: 'shot.png', contentType: 'image/png', sizeBytes: 9, inline: true, contentId: 'shot@corp.example' },
    ]);
    expect(mail.attachments[0]?.content.equals(pdf)).toBe(true);
  });
});
