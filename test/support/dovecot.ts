import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { chmod, chown, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, connect } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { ImapFlow } from 'imapflow';

// A real IMAP server for the mail-polling tests: Debian's Dovecot (package dovecot-imapd, installed
// by .ci/run), configured in a temporary folder, listening on 127.0.0.1 at a free port, one
// plain-text test user, maildir storage in the folder, everything run as the current user. Plain
// IMAP by default; `{ tls: true }` serves implicit TLS (as on port 993) with a certificate made for
// the run by openssl, whose PEM the caller gets to trust it.

export const DOVECOT_BINARY = '/usr/sbin/dovecot';

export interface Dovecot {
  host: string;
  port: number;
  user: string;
  password: string;
  /** With `{ tls: true }`: the server's self-signed certificate (PEM), the only CA that trusts it. */
  certificate: string | null;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

/**
 * Run as root (a CI container), Dovecot refuses to run its login process as root: then the unprivileged
 * users Debian's package creates (dovenull, dovecot) are used for its helpers, as the package does.
 */
function processUsers(me: ReturnType<typeof userInfo>): string {
  if (me.uid === 0) return 'default_internal_user = dovecot\ndefault_login_user = dovenull';
  return `default_internal_user = ${me.username}\ndefault_login_user = ${me.username}\nservice auth {\n  user = ${me.username}\n}\nservice auth-worker {\n  user = ${me.username}\n}`;
}

/** Who owns the mail: the current user, or as root (which Dovecot refuses for mail) Debian's dovecot user. */
async function mailOwner(me: ReturnType<typeof userInfo>): Promise<{ uid: number; gid: number }> {
  if (me.uid !== 0) return { uid: me.uid, gid: me.gid };
  const line = (await readFile('/etc/passwd', 'utf8')).split('\n').find((entry) => entry.startsWith('dovecot:'));
  const [, , uid, gid] = line?.split(':') ?? [];
  if (!uid || !gid) throw new Error('running as root needs the dovecot user that dovecot-imapd creates');
  return { uid: Number(uid), gid: Number(gid) };
}

/** A self-signed certificate for 127.0.0.1, made for one run (nothing is shipped or reused). */
async function makeCertificate(dir: string): Promise<{ cert: string; key: string }> {
  const cert = path.join(dir, 'server.crt');
  const key = path.join(dir, 'server.key');
  const child = spawn('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
    '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', key, '-out', cert,
  ], { stdio: ['ignore', 'ignore', 'pipe'] });
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`openssl could not make the test certificate:\n${errors}`);
  return { cert, key };
}

function listeners(port: number, tls: { cert: string; key: string } | null): string {
  if (!tls) return `ssl = no\nservice imap-login {\n  inet_listener imap {\n    address = 127.0.0.1\n    port = ${port}\n  }\n  inet_listener imaps {\n    port = 0\n  }\n}`;
  return `ssl = required\nssl_cert = <${tls.cert}\nssl_key = <${tls.key}\nservice imap-login {\n  inet_listener imap {\n    port = 0\n  }\n  inet_listener imaps {\n    address = 127.0.0.1\n    port = ${port}\n    ssl = yes\n  }\n}`;
}

function configuration(dir: string, port: number, owner: { uid: number; gid: number }, tls: { cert: string; key: string } | null): string {
  const me = userInfo();
  return `# Written by test/support/dovecot.ts for one test run.
instance_name = hallway-test-${path.basename(dir)}
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
protocols = imap
listen = 127.0.0.1
disable_plaintext_auth = no
auth_mechanisms = plain login
${processUsers(me)}
first_valid_uid = ${owner.uid}
last_valid_uid = 0
mail_location = maildir:${dir}/mail/%u
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/users
}
userdb {
  driver = static
  args = uid=${owner.uid} gid=${owner.gid} home=${dir}/home/%u
}
${listeners(port, tls)}
`;
}

/** Waits until the server greets on its port (over TLS when it serves TLS), or the process dies. */
async function greeting(port: number, child: ChildProcess, logFile: string, certificate: string | null): Promise<void> {
  for (let tries = 0; tries < 100; tries += 1) {
    if (child.exitCode !== null) break;
    const greeted = await new Promise<boolean>((resolve) => {
      const socket = certificate ? tlsConnect({ port, host: '127.0.0.1', ca: certificate }) : connect(port, '127.0.0.1');
      socket.once('data', (data) => {
        socket.destroy();
        resolve(data.toString().startsWith('* OK'));
      });
      socket.once('error', () => resolve(false));
      // Accepted but silent: the login process is not up yet (or failed); look again.
      socket.setTimeout(500, () => {
        socket.destroy();
        resolve(false);
      });
    });
    if (greeted) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const log = await readFile(logFile, 'utf8').catch(() => '(no log)');
  throw new Error(`dovecot did not start on port ${port}:\n${log}`);
}

export async function startDovecot(options: { tls?: boolean } = {}): Promise<Dovecot> {
  const dir = await mkdtemp(path.join(tmpdir(), 'hallway-dovecot-'));
  const user = 'desk';
  const password = 'imap-test-password';
  // Dovecot makes its run folder itself, with the permissions its unprivileged helpers need.
  await chmod(dir, 0o755);
  const owner = await mailOwner(userInfo());
  await mkdir(path.join(dir, 'state'));
  for (const sub of ['mail', 'home']) {
    await mkdir(path.join(dir, sub));
    await chown(path.join(dir, sub), owner.uid, owner.gid);
  }
  await writeFile(path.join(dir, 'users'), `${user}:{PLAIN}${password}\n`);
  const port = await freePort();
  const tls = options.tls ? await makeCertificate(dir) : null;
  const certificate = tls ? await readFile(tls.cert, 'utf8') : null;
  const conf = path.join(dir, 'dovecot.conf');
  await writeFile(conf, configuration(dir, port, owner, tls));
  const child = spawn(DOVECOT_BINARY, ['-F', '-c', conf], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  try {
    await greeting(port, child, path.join(dir, 'dovecot.log'), certificate);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${(error as Error).message}\n${output}`);
  }
  return {
    host: '127.0.0.1',
    port,
    user,
    password,
    certificate,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await once(child, 'exit');
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A team's mailbox settings for this server; the password is read from the environment variable `passwordEnv`. */
export function imapSettingsOf(dovecot: Dovecot, passwordEnv: string) {
  return { imapEnabled: true, imapHost: dovecot.host, imapPort: dovecot.port, imapTls: dovecot.certificate !== null, imapUser: dovecot.user, imapPasswordEnv: passwordEnv };
}

/** A connected client of the test user's mailbox, for a test to append messages and read their flags. */
export async function connectImapClient(dovecot: Dovecot): Promise<ImapFlow> {
  const tls = dovecot.certificate ? { secure: true, tls: { ca: dovecot.certificate } } : { secure: false };
  const client = new ImapFlow({ host: dovecot.host, port: dovecot.port, ...tls, auth: { user: dovecot.user, pass: dovecot.password }, logger: false });
  await client.connect();
  return client;
}

/** A small message to facilities@hallway.test from Emma, with this Message-ID and subject. */
export const mailboxMessage = (id: string, subject: string) =>
  Buffer.from(`From: Emma <emma@corp.test>\r\nTo: facilities@hallway.test\r\nSubject: ${subject}\r\nMessage-ID: <${id}>\r\nDate: Thu, 26 Nov 2026 09:00:00 +0000\r\n\r\n${subject}, please.\r\n`);

/** Whether the server holds the message with this UID as \Seen, read through the test's own client. */
export async function seenOnServer(client: ImapFlow, uid: number): Promise<boolean> {
  const lock = await client.getMailboxLock('INBOX');
  try {
    const [found] = await client.fetchAll(String(uid), { uid: true, flags: true }, { uid: true });
    return found?.flags?.has('\\Seen') ?? false;
  } finally {
    lock.release();
  }
}
