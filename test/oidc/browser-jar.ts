// A browser in a few lines: a cookie jar per origin (the IdP and Claimdesk share 127.0.0.1, on two
// ports), and redirects followed by hand so that a test can stop at Claimdesk's callback.
export class Browser {
  private readonly jars = new Map<string, Map<string, string>>();

  cookies(origin: string): Map<string, string> {
    const jar = this.jars.get(origin) ?? new Map<string, string>();
    this.jars.set(origin, jar);
    return jar;
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<Response> {
    const u = new URL(url);
    const jar = this.cookies(u.origin);
    const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
    const res = await fetch(u, {
      redirect: "manual",
      headers: { ...headers, ...(cookie ? { cookie } : {}) },
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair = "", ...attrs] = line.split(";");
      const at = pair.indexOf("=");
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const expired = attrs.some((a) => /^\s*(max-age=0|expires=thu, 01 jan 1970)/i.test(a)) || value === "";
      if (expired) jar.delete(name);
      else jar.set(name, value);
    }
    return res;
  }

  /** Follows redirects from `url` until one points into `stopAt` (an origin + path prefix). */
  async follow(url: string, stopAt: string): Promise<{ stoppedAt: string | null; last: Response }> {
    let next = url;
    for (let hop = 0; hop < 20; hop++) {
      const res = await this.get(next);
      const location = res.headers.get("location");
      if (res.status < 300 || res.status >= 400 || !location) return { stoppedAt: null, last: res };
      next = new URL(location, next).href;
      if (next.startsWith(stopAt)) return { stoppedAt: next, last: res };
    }
    throw new Error("too many redirects");
  }
}
