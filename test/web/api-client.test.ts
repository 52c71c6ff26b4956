// The web client's error model and retry rules: a problem+json answer becomes a typed ApiError
// (code, field errors, the claim's state and what may still be done); a refusal (4xx) is not asked
// again, a network failure or a 5xx is, twice.
import { describe, expect, it } from "vitest";
import { ApiError, problemError } from "../../web/src/lib/api-client.ts";
import { shouldRetry } from "../../web/src/lib/query-client.ts";

describe("web api client", () => {
  it("reads a problem into a typed ApiError", () => {
    const e = problemError(409, {
      type: "about:blank",
      title: "Conflict",
      status: 409,
      detail: "an approved claim cannot be approved",
      code: "invalid_transition",
      state: "approved",
      allowedActions: ["copy", "comment"],
      errors: [{ field: "comment", message: "too long" }],
    });
    expect(e).toBeInstanceOf(ApiError);
    expect(e.code).toBe("invalid_transition");
    expect(e.message).toBe("an approved claim cannot be approved");
    expect(e.state).toBe("approved");
    expect(e.allowedActions).toEqual(["copy", "comment"]);
    expect(e.fields).toEqual({ comment: "too long" });
    expect(e.refused).toBe(true);
  });

  it("survives a body that is not a problem", () => {
    const e = problemError(502, "<html>Bad gateway</html>", "Bad Gateway");
    expect(e.code).toBe("http_error");
    expect(e.message).toBe("Bad Gateway");
    expect(e.state).toBeNull();
  });

  it("retries network failures and 5xx twice, never a 4xx", () => {
    const refused = new ApiError(404, "not_found", "no such claim");
    const down = new ApiError(503, "http_error", "unavailable");
    const network = new ApiError(0, "network", "network error");
    expect(shouldRetry(0, refused)).toBe(false);
    expect(shouldRetry(0, down)).toBe(true);
    expect(shouldRetry(1, network)).toBe(true);
    expect(shouldRetry(2, down)).toBe(false);
  });
});
