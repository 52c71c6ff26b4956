// Server-side prepared statements for the statements a server sends again and again. Kysely's
// PostgreSQL driver sends every query unnamed, so PostgreSQL parses and plans it anew each time: a
// transition's one write statement (a CTE over five tables) spent more time being planned than
// run. Here a text seen a second time gets a name, and pg then parses it once per connection and
// afterwards only binds and executes it (the SQLite driver's statement cache, for PostgreSQL).
// Bounded: at most MAX_NAMED texts get names (each costs a little memory per connection on the
// server); texts beyond that, and those without parameters (BEGIN, COMMIT), go unnamed as before.
import type { PostgresCursor, PostgresPool, PostgresPoolClient, PostgresQueryResult } from "kysely";
import type pg from "pg";

const MAX_NAMED = 1_000;
const MAX_SEEN = 20_000;

const names = new Map<string, string>();
let seen = new Set<string>();

/** The name of a text worth preparing, or undefined (first sight, no parameters, or full). */
export function statementName(text: string, parameters: number): string | undefined {
  if (parameters === 0) return undefined;
  const known = names.get(text);
  if (known !== undefined) return known;
  if (!seen.has(text)) {
    if (seen.size >= MAX_SEEN) seen = new Set();
    seen.add(text);
    return undefined;
  }
  if (names.size >= MAX_NAMED) return undefined;
  const name = `cd${names.size + 1}`;
  names.set(text, name);
  return name;
}

class PreparedClient implements PostgresPoolClient {
  constructor(private readonly client: pg.PoolClient) {}

  query<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>>;
  query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
  query<R>(
    sql: string | PostgresCursor<R>,
    parameters?: ReadonlyArray<unknown>,
  ): Promise<PostgresQueryResult<R>> | PostgresCursor<R> {
    // Kysely streams through a cursor only when the dialect is given one; ours is not.
    if (typeof sql !== "string") throw new Error("no cursor is configured for streaming");
    const values = [...(parameters ?? [])];
    const name = statementName(sql, values.length);
    const result =
      name === undefined ? this.client.query(sql, values) : this.client.query({ name, text: sql, values });
    // pg's result is the shape Kysely reads (command, rowCount, rows); its types are looser.
    return result as unknown as Promise<PostgresQueryResult<R>>;
  }

  release(destroy?: boolean): void {
    this.client.release(destroy);
  }
}

/** The pool as Kysely's PostgresDialect takes it, its clients naming the statements they repeat. */
export function preparedPool(pool: pg.Pool): PostgresPool {
  return {
    connect: async () => new PreparedClient(await pool.connect()),
    end: () => pool.end(),
  };
}
