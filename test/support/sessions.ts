import type { FastifyInstance } from 'fastify';

export interface BrowserSession {
  /** The Cookie header a browser would send back. */
  cookie: string;
  csrfToken: string;
  /** The raw Set-Cookie header, to check its flags. */
  setCookie: string;
}

/** Signs in through the API the way the web app does; fails the test if sign-in is refused. */
export async function signInAs(app: FastifyInstance, email: string, password: string): Promise<BrowserSession> {
  const response = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { email, password } });
  if (response.statusCode !== 200) throw new Error(`sign-in as ${email} failed: ${response.statusCode} ${response.body}`);
  const header = response.headers['set-cookie'];
  const setCookie = (Array.isArray(header) ? header : [header ?? '']).find((value) => value.startsWith('hallway_session='))!;
  return { cookie: setCookie.split(';')[0]!, csrfToken: response.json().csrfToken, setCookie };
}
