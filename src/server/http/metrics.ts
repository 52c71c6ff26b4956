// Prometheus metrics (prom-client): request durations, claims per status, deadlines fired, outbox
// backlog. Database gauges are read at scrape time. Event-loop delay comes with the default
// metrics (nodejs_eventloop_lag_p99_seconds, _max_seconds ...: a monitorEventLoopDelay histogram,
// reset at every scrape); claimdesk_http_request_max_seconds is the slowest request since the
// previous scrape, which a mean or a bucket bound hides. bench/soak.ts reads both.
import type { FastifyInstance } from "fastify";
import client from "prom-client";
import type { AppContext } from "../context.ts";
import { claimCountsByStatus, outboxBacklog } from "../system/operations.ts";

export interface Metrics {
  registry: client.Registry;
  deadlinesFired: client.Counter;
}

export function createMetrics(ctx: AppContext): Metrics {
  const registry = new client.Registry();
  // A 50 ms sampling timer still measures every stall in full (a stall delays the timer) and is fine
  // enough for the 250 ms goal; the 10 ms default alone costs ~0.4 % of a core at idle.
  client.collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 50 });
  const deadlinesFired = new client.Counter({
    name: "claimdesk_deadlines_fired_total",
    help: "Timers fired by this process's sweeps",
    registers: [registry],
  });
  new client.Gauge({
    name: "claimdesk_claims",
    help: "Claims per status",
    labelNames: ["status"],
    registers: [registry],
    async collect() {
      const rows = await claimCountsByStatus(ctx.db);
      this.reset();
      for (const r of rows) this.set({ status: r.status }, r.n);
    },
  });
  new client.Gauge({
    name: "claimdesk_outbox_backlog",
    help: "Outbox messages not yet sent",
    registers: [registry],
    async collect() {
      this.set(await outboxBacklog(ctx.db));
    },
  });
  return { registry, deadlinesFired };
}

export function registerRequestMetrics(app: FastifyInstance, m: Metrics): void {
  const duration = new client.Histogram({
    name: "claimdesk_http_request_duration_seconds",
    help: "HTTP request durations by route",
    labelNames: ["method", "route", "status"],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [m.registry],
  });
  let slowest = 0;
  new client.Gauge({
    name: "claimdesk_http_request_max_seconds",
    help: "The slowest request since the previous scrape (server-side time)",
    registers: [m.registry],
    collect() {
      this.set(slowest);
      slowest = 0;
    },
  });
  app.addHook("onResponse", (req, reply, done) => {
    const seconds = reply.elapsedTime / 1000;
    if (seconds > slowest) slowest = seconds;
    duration.observe(
      { method: req.method, route: req.routeOptions.url ?? "unmatched", status: String(reply.statusCode) },
      seconds,
    );
    done();
  });
}
