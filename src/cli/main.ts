// The command line: serve, migrate, demo, sweep, verify-history, mail, revenue import, users add.
// Exit codes: 0 done, 1 the work found a problem or failed, 2 bad arguments or configuration.
import { createReadStream, statSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import cliProgress from "cli-progress";
import { Command, CommanderError, InvalidArgumentError } from "commander";
import { RefusalError } from "../domain/refusal.ts";
import { ROLES, type Role } from "../domain/vocabulary.ts";
import { createUser } from "../server/admin/directory.ts";
import { bootstrap } from "../server/bootstrap.ts";
import { ConfigError, loadConfig } from "../server/config.ts";
import type { AppContext } from "../server/context.ts";
import { loadDemo } from "../server/demo/demo-world.ts";
import { collectOrphanedBlobs } from "../server/documents/blob-collector.ts";
import { verifyHistory } from "../server/history/verify-history.ts";
import { calculatePayouts } from "../server/incentives/payouts.ts";
import { importRevenue } from "../server/incentives/revenue-import.ts";
import { sweep } from "../server/jobs/sweeper.ts";
import { listMail, mailSummary, retryMail } from "../server/notify/mail-backlog.ts";
import { serve } from "../server/serve.ts";

const out = (line = "") => process.stdout.write(`${line}\n`);

async function withContext<T>(work: (ctx: AppContext) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const ctx = await bootstrap({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    storage: config.documentStorage,
  });
  try {
    return await work(ctx);
  } finally {
    await ctx.db.close();
  }
}

function role(value: string): Role {
  if (!(ROLES as readonly string[]).includes(value))
    throw new InvalidArgumentError(`expected one of ${ROLES.join(", ")}`);
  return value as Role;
}

const program = new Command("claimdesk")
  .description("Claimdesk: partner-of-record customer-association claims")
  .showHelpAfterError()
  .exitOverride();

program
  .command("serve")
  .description("start the server (API and web app); configured by environment variables, see README")
  .option("--workers <n>", "server processes sharing the port (PostgreSQL only)", (v) => Number(v), 1)
  .action(async (o: { workers: number }) => serve(loadConfig(), { workers: o.workers }));

program
  .command("migrate")
  .description("create or update the database schema at DATABASE_URL")
  .action(async () =>
    withContext(async (ctx) => {
      out(`database ${ctx.db.label} is up to date`);
    }),
  );

program
  .command("demo")
  .description("load a demo world: three partner organisations, users of every role, claims in every state")
  .action(async () =>
    withContext(async (ctx) => {
      const r = await loadDemo(ctx, (line) => out(`  ${line}`));
      out("\nClaims:");
      for (const c of r.claims) out(`  ${c.number}  ${c.status.padEnd(24)} ${c.label}`);
      out("\nCustomers with no claim yet (file one for any of them):");
      for (const c of r.freeCustomers) out(`  ${c.tenantId}  ${c.domain.padEnd(36)} ${c.name}`);
      out(`\nSign in with any of these (password for all: ${r.password}):`);
      for (const s of r.signIns)
        out(`  ${s.email.padEnd(34)} ${s.role.padEnd(17)} ${s.locale}  ${s.organization ?? "operator"}`);
      const file = join(loadConfig().dataDir, `demo-revenue-${r.revenue.month}.csv`);
      writeFileSync(file, r.revenue.csv);
      out(
        `\nRevenue of ${r.revenue.month} imported (${r.revenue.rows} rows, ${r.revenue.statements} payout statements).`,
      );
      out(`The file is ${file}: import it again with \`claimdesk revenue import ${file}\`.`);
    }),
  );

program
  .command("sweep")
  .description("fire every deadline that is due now, once")
  .action(async () =>
    withContext(async (ctx) => {
      const r = await sweep(ctx);
      out(`fired ${r.fired} timers on ${r.claims} claims`);
    }),
  );

program
  .command("verify-history")
  .description("recompute every claim's history hash chain; exit 1 on any break")
  .action(async () =>
    withContext(async (ctx) => {
      const r = await verifyHistory(ctx.db, (n) => {
        if (process.stderr.isTTY) process.stderr.write(`\r  ${n} claims checked`);
      });
      if (process.stderr.isTTY) process.stderr.write("\n");
      for (const b of r.breaks)
        out(`BREAK ${b.claimNumber} (${b.claimId}) entry ${b.seq ?? "-"}: ${b.problem}`);
      out(`${r.claims} claims, ${r.entries} history entries, ${r.breaks.length} breaks`);
      if (r.breaks.length) process.exitCode = 1;
    }),
  );

program
  .command("blobs")
  .description("PoE bytes in storage")
  .command("gc")
  .description("delete stored files no document names, older than the grace period (issue 12)")
  .option("--dry-run", "only list what would be deleted, and how many bytes")
  .option("--grace-minutes <n>", "spare blobs younger than this", "60")
  .action(async (opts: { dryRun?: boolean; graceMinutes: string }) =>
    withContext(async (ctx) => {
      const graceMs = Number(opts.graceMinutes) * 60_000;
      if (!Number.isFinite(graceMs) || graceMs < 0)
        throw new InvalidArgumentError("--grace-minutes: a number");
      const r = await collectOrphanedBlobs(ctx, {
        dataDir: loadConfig().dataDir,
        graceMs,
        dryRun: !!opts.dryRun,
      });
      for (const b of r.orphans) out(`${r.dryRun ? "would delete" : "orphan"} ${b.key} ${b.bytes} bytes`);
      out(
        r.dryRun
          ? `${r.orphans.length} orphaned blobs, ${r.bytes} bytes (dry run: nothing deleted)`
          : `${r.deleted} of ${r.orphans.length} orphaned blobs deleted, ${r.bytes} bytes`,
      );
    }),
  );

const mail = program.command("mail").description("the mail queue: backlog, failures, retry");
mail
  .command("status", { isDefault: true })
  .description("counts of waiting, sent and failed mail, and the latest failures")
  .action(async () =>
    withContext(async (ctx) => {
      const s = await mailSummary(ctx.db.kysely);
      const oldest =
        s.oldestPendingAt === null ? "" : ` (oldest from ${new Date(s.oldestPendingAt).toISOString()})`;
      out(`waiting: ${s.pending}${oldest}`);
      out(`sent:    ${s.sent}`);
      out(`failed:  ${s.failed}`);
      out(`events not yet turned into messages: ${s.undispatched}`);
      for (const status of ["failed", "pending"] as const) {
        const { rows } = await listMail(ctx.db.kysely, { status, limit: 20 });
        const tried = rows.filter((m) => m.last_error !== null);
        if (tried.length) out(`\n${status === "failed" ? "Failed" : "Waiting after an error"}:`);
        for (const m of tried)
          out(`  ${m.id}  ${m.recipient_email}  ${m.template}  attempts ${m.attempts}: ${m.last_error}`);
      }
    }),
  );
mail
  .command("retry")
  .description("send failed mail again now (all of it, or one message)")
  .option("--id <messageId>", "one message")
  .action(async (o: { id?: string }) =>
    withContext(async (ctx) => {
      const n = await retryMail(ctx.db.kysely, o.id ? { id: o.id } : { allFailed: true }, Date.now());
      // Not a transact() write: tell a running server (PostgreSQL NOTIFY) that mail is waiting.
      ctx.db.commits.committed();
      out(
        `${n} message${n === 1 ? "" : "s"} back in the queue; a running server sends ${n === 1 ? "it" : "them"} within seconds`,
      );
      if (o.id && n === 0) process.exitCode = 1;
    }),
  );

const revenue = program.command("revenue").description("incentive revenue");
revenue
  .command("import <file>")
  .description(
    "import revenue CSV (tenantId,subscriptionId,product,month,amount,currency); a bad file imports nothing",
  )
  .option("--dry-run", "check every row, import nothing")
  .action(async (file: string, o: { dryRun?: boolean }) =>
    withContext(async (ctx) => {
      const size = statSync(file).size;
      const source = createReadStream(file);
      const bar = new cliProgress.SingleBar(
        {
          format: "  {bar} {percentage}% of the file, {rows} rows",
          noTTYOutput: true,
          notTTYSchedule: 5000,
          stream: process.stderr,
        },
        cliProgress.Presets.shades_classic,
      );
      bar.start(size, 0, { rows: 0 });
      const r = await importRevenue(ctx, source, {
        dryRun: o.dryRun === true,
        filename: basename(file),
        userId: "cli",
        onProgress: (rows) => bar.update(source.bytesRead, { rows }),
      });
      bar.update(size, { rows: r.rows });
      bar.stop();
      for (const e of r.errors) out(`line ${e.line}, ${e.column}: ${e.reason}`);
      if (r.errorCount > r.errors.length) out(`... and ${r.errorCount - r.errors.length} more errors`);
      const verdict = r.imported
        ? "imported"
        : r.dryRun && r.errorCount === 0
          ? "good (dry run, nothing imported)"
          : "not imported";
      out(
        `${r.rows} rows, months ${r.months.join(" ") || "-"}, ${r.errorCount} errors: ${verdict} in ${(r.durationMs / 1000).toFixed(1)} s`,
      );
      if (r.imported) {
        for (const m of r.months) {
          const p = await calculatePayouts(ctx.db, m, Date.now());
          out(
            `  ${m}: ${p.statements} payout statements calculated (${p.lines} lines), ${p.kept} approved or paid kept`,
          );
        }
      }
      if (r.errorCount) process.exitCode = 1;
    }),
  );

const users = program.command("users").description("manage users");
users
  .command("add")
  .description("add a user")
  .requiredOption("--email <email>", "sign-in email")
  .requiredOption("--role <role>", `one of ${ROLES.join(", ")}`, role)
  .requiredOption("--password <password>", "at least 12 characters")
  .option("--name <name>", "display name")
  .option("--org <organizationId>", "organisation id (partner roles)")
  .option("--locale <locale>", "en or es", "en")
  .action(
    async (o: { email: string; role: Role; password: string; name?: string; org?: string; locale: string }) =>
      withContext(async (ctx) => {
        const u = await createUser(ctx, {
          email: o.email,
          name: o.name ?? o.email,
          password: o.password,
          role: o.role,
          organizationId: o.org ?? null,
          locale: o.locale,
        });
        out(`added ${u.email} (${u.role}), id ${u.id}`);
      }),
  );

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    process.exitCode = err.exitCode === 0 ? 0 : 2;
  } else if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`);
    process.exitCode = 2;
  } else if (err instanceof RefusalError) {
    process.stderr.write(`refused (${err.refusal.code}): ${err.refusal.detail}\n`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`error: ${(err as Error).message}\n`);
    process.exitCode = 1;
  }
}
