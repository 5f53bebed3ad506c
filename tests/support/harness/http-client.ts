/** The password every test user gets. */
export const PASSWORD = 'Mat-khau-1234';

export interface ApiResponse {
  status: number;
  headers: Headers;
  body: Record<string, unknown> & {
    code?: string;
    detail?: string;
    errors?: { field: string; message: string }[];
  };
}

/** A browser-like client: keeps the session cookie and sends the CSRF token on state-changing requests. */
export class HttpClient {
  cookie: string | undefined;
  csrfToken: string | undefined;

  constructor(private readonly base: string) {}

  async request(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse> {
    const all: Record<string, string> = { ...headers };
    if (this.cookie) all.cookie = this.cookie;
    if (this.csrfToken && method !== 'GET' && !('x-csrf-token' in all)) all['x-csrf-token'] = this.csrfToken;
    if (body !== undefined && typeof body !== 'string') all['content-type'] = 'application/json';
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers: all,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) {
      const pair = setCookie.split(';')[0] ?? '';
      this.cookie = pair.endsWith('=') ? undefined : pair;
    }
    const text = await response.text();
    let parsed: ApiResponse['body'] = {};
    if (text) parsed = JSON.parse(text) as ApiResponse['body'];
    return { status: response.status, headers: response.headers, body: parsed };
  }

  get(path: string): Promise<ApiResponse> {
    return this.request('GET', path);
  }

  post(path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResponse> {
    return this.request('POST', path, body, headers);
  }

  patch(path: string, body?: unknown): Promise<ApiResponse> {
    return this.request('PATCH', path, body);
  }

  async signIn(username: string, password = PASSWORD): Promise<ApiResponse> {
    const response = await this.post('/api/auth/sign-in', { username, password });
    if (response.status === 200) this.csrfToken = String(response.body.csrfToken);
    return response;
  }
}
