/** A signed-in user over HTTP, as the browser app is: the session cookie on every request, the CSRF header on POSTs. */
export interface HttpResult<T = unknown> {
  status: number;
  body: T;
  ms: number;
}

export class HttpSession {
  private constructor(
    readonly baseUrl: string,
    readonly username: string,
    private readonly cookie: string,
    private readonly csrfToken: string,
  ) {}

  static async signIn(baseUrl: string, username: string, password: string): Promise<HttpSession> {
    const response = await fetch(`${baseUrl}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    const body = (await response.json()) as { csrfToken?: string };
    const cookie = response.headers
      .getSetCookie()
      .map((header) => header.split(';')[0] ?? '')
      .find((pair) => pair.startsWith('dv_session='));
    if (response.status !== 200 || !cookie || !body.csrfToken)
      throw new Error(`sign-in of ${username}: ${response.status} ${JSON.stringify(body)}`);
    return new HttpSession(baseUrl, username, cookie, body.csrfToken);
  }

  get<T>(path: string): Promise<HttpResult<T>> {
    return this.request<T>('GET', path);
  }

  post<T>(path: string, body?: unknown): Promise<HttpResult<T>> {
    return this.request<T>('POST', path, body);
  }

  /** Timed from sending the request to having read and parsed the whole response. */
  private async request<T>(method: string, path: string, body?: unknown): Promise<HttpResult<T>> {
    const headers: Record<string, string> = { cookie: this.cookie, accept: 'application/json' };
    if (method !== 'GET') headers['x-csrf-token'] = this.csrfToken;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const started = performance.now();
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    const ms = performance.now() - started;
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON (an HTML error page): kept as text for the error message
    }
    return { status: response.status, body: parsed as T, ms };
  }
}
