import { BackendProcess, sleep, waitFor } from './backendProcess';

export interface Answer {
  status: number;
  text: string;
  /** The parsed body, or undefined when it is not JSON. */
  body: any;
}

/** The Platform Adoption API of one backend process, as a user calls it. */
export class Api {
  constructor(readonly backend: BackendProcess) {}

  /** A user token from a password-less sign-in provider (guest or coe-lead). */
  async signIn(provider: 'guest' | 'coe-lead'): Promise<string> {
    return waitFor(
      `a ${provider} token from ${this.backend.name}`,
      async () => {
        const res = await fetch(`${this.backend.baseUrl}/api/auth/${provider}/refresh`, {
          headers: { 'x-requested-with': 'XMLHttpRequest' },
        });
        // The sign-in resolves the user in the catalog: it fails until the
        // catalog has ingested them.
        if (!res.ok) return undefined;
        return ((await res.json()) as any).backstageIdentity.token as string;
      },
      { timeoutMs: 120_000, intervalMs: 1000, onTimeout: () => this.backend.log().slice(-3000) },
    );
  }

  async request(method: string, path: string, token?: string, body?: unknown): Promise<Answer> {
    const res = await fetch(`${this.backend.baseUrl}${path.startsWith('/api/') ? path : `/api/platform-adoption${path}`}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    return { status: res.status, text, body: parsed };
  }

  async get(path: string, token?: string) {
    return this.request('GET', path, token);
  }

  /** GET that must answer 200; its body. */
  async read(path: string, token: string): Promise<any> {
    const answer = await this.get(path, token);
    if (answer.status !== 200) throw new Error(`GET ${path} on ${this.backend.name}: ${answer.status} ${answer.text}`);
    return answer.body;
  }

  /** Waits until the catalog shows `count` components to the holder of `token`. */
  async waitForCatalog(token: string, count: number) {
    await waitFor(
      `${count} components in the catalog of ${this.backend.name}`,
      async () => {
        const body = await this.read('/api/catalog/entities/by-query?filter=kind=component&limit=1', token);
        return body.totalItems >= count ? true : undefined;
      },
      { timeoutMs: 120_000, intervalMs: 1000 },
    );
  }

  async scans(token: string): Promise<any[]> {
    return (await this.read('/scans?limit=20', token)).items;
  }

  /** Starts a scan ("scan now"). */
  async triggerScan(token: string): Promise<void> {
    // A scan shows as completed a moment before its task lets go of the
    // scheduler's lock (history is recorded after): "scan now" answers 409
    // in between, and a user would simply try again.
    const deadline = Date.now() + 30_000;
    for (;;) {
      const answer = await this.request('POST', '/scans', token, {});
      if (answer.status === 202) return;
      if (answer.status !== 409 || Date.now() > deadline) {
        throw new Error(`POST /scans on ${this.backend.name}: ${answer.status} ${answer.text}`);
      }
      await sleep(250);
    }
  }

  /** Triggers a scan and waits for a scan newer than `after` to finish; it must complete. */
  async scanAndWait(token: string, after = 0, timeoutMs = 120_000): Promise<any> {
    await this.triggerScan(token);
    const scan = await waitFor(
      `a scan after ${after} to finish on ${this.backend.name}`,
      async () => (await this.scans(token)).find(s => s.id > after && s.status !== 'running'),
      { timeoutMs, intervalMs: 500 },
    );
    if (scan.status !== 'completed') throw new Error(`scan ${scan.id} ${scan.status}: ${scan.error}`);
    return scan;
  }

  /** Every page of /deployments (as the holder of `token` sees them). */
  async allDeployments(token: string, query = ''): Promise<any[]> {
    const items: any[] = [];
    let cursor: string | null = null;
    do {
      const params = new URLSearchParams(query);
      params.set('limit', '500');
      params.set('sort', 'name');
      if (cursor) params.set('cursor', cursor);
      const page: any = await this.read(`/deployments?${params}`, token);
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  }
}
