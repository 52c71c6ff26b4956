// A small pool of child processes that read documents, each bounded: a heap limit (a zip bomb or a
// huge page runs out of memory in the reader, not in the server) and a wall-clock limit after which
// the reader is killed (a looping parser cannot stall anything). A reader that died is replaced by a
// fresh one on the next job; the server only ever waits on a message or a timer.
// Processes, not worker threads: a worker thread's resourceLimits are best effort, and a heap
// exhausted during a GC inside the worker aborts the whole process ("Reached heap limit",
// node::OOMErrorHandler) — seen here with an XLSX bomb, 2 runs in 3. A child's abort is its own.
import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import type { ExtractedDocument } from "../../domain/preflight/index.ts";
import { EXTRACT_CONFIG_ENV, EXTRACT_WORKER_SOURCE } from "./extract-worker-source.ts";
import { unreadableReason } from "./unreadable-reasons.ts";

export interface ExtractLimits {
  workers: number;
  timeoutMs: number;
  /** V8 old-generation heap of one reader process. */
  maxHeapMb: number;
  maxPages: number;
  /** Text kept per document, in characters. */
  maxChars: number;
  maxCells: number;
}

export const DEFAULT_EXTRACT_LIMITS: ExtractLimits = {
  workers: 2,
  timeoutMs: 15_000,
  maxHeapMb: 256,
  maxPages: 300,
  maxChars: 2_000_000,
  maxCells: 200_000,
};

export type ExtractKind = ExtractedDocument["kind"];
export type Extraction = ExtractedDocument | { unreadable: string };

interface Job {
  id: number;
  kind: ExtractKind;
  bytes: Uint8Array;
  resolve: (e: Extraction) => void;
}

interface Slot {
  worker: ChildProcess | null;
  job: Job | null;
  timer: NodeJS.Timeout | null;
}

const isText = (x: unknown): x is { text: string } =>
  typeof x === "object" && x !== null && "text" in x && typeof x.text === "string";
const isField = (x: unknown): x is { name: string; value: string } =>
  typeof x === "object" &&
  x !== null &&
  "name" in x &&
  "value" in x &&
  typeof x.name === "string" &&
  typeof x.value === "string";

/** What the worker sent, checked field by field (it is our code, but a message is still data). */
function asExtraction(m: unknown, kind: ExtractKind): Extraction {
  if (typeof m !== "object" || m === null) return { unreadable: unreadableReason.readerSentNothing() };
  if ("unreadable" in m && typeof m.unreadable === "string") return { unreadable: m.unreadable };
  const doc = "doc" in m ? m.doc : null;
  if (typeof doc !== "object" || doc === null) return { unreadable: unreadableReason.readerSentNothing() };
  const pages = "pages" in doc && Array.isArray(doc.pages) ? doc.pages.filter(isText) : [];
  const fields = "formFields" in doc && Array.isArray(doc.formFields) ? doc.formFields.filter(isField) : [];
  return {
    kind,
    pages: pages.map((p) => ({ text: p.text })),
    formFields: fields.map((f) => ({ name: f.name, value: f.value })),
    hasDigitalSignature: "hasDigitalSignature" in doc && doc.hasDigitalSignature === true,
    hasSignatureField: "hasSignatureField" in doc && doc.hasSignatureField === true,
  };
}

export class ExtractPool {
  readonly #limits: ExtractLimits;
  readonly #slots: Slot[];
  readonly #queue: Job[] = [];
  readonly #paths: { pdfjs: string; mammoth: string; exceljs: string };
  #nextId = 1;
  #closed = false;
  /** How many workers were terminated or died (tests and metrics). */
  killed = 0;

  constructor(limits: Partial<ExtractLimits> = {}) {
    this.#limits = { ...DEFAULT_EXTRACT_LIMITS, ...limits };
    this.#slots = Array.from({ length: Math.max(1, this.#limits.workers) }, () => ({
      worker: null,
      job: null,
      timer: null,
    }));
    const require = createRequire(import.meta.url);
    this.#paths = {
      pdfjs: require.resolve("pdfjs-dist/legacy/build/pdf.mjs"),
      mammoth: require.resolve("mammoth"),
      exceljs: require.resolve("exceljs"),
    };
  }

  extract(bytes: Uint8Array, kind: ExtractKind): Promise<Extraction> {
    if (this.#closed) return Promise.resolve({ unreadable: unreadableReason.readerShutDown() });
    return new Promise((resolve) => {
      this.#queue.push({ id: this.#nextId++, kind, bytes, resolve });
      this.#pump();
    });
  }

  async close(): Promise<void> {
    this.#closed = true;
    for (const job of this.#queue.splice(0)) job.resolve({ unreadable: unreadableReason.readerShutDown() });
    await Promise.all(
      this.#slots.map((s) => this.#retire(s, { unreadable: unreadableReason.readerShutDown() })),
    );
  }

  #pump(): void {
    for (const slot of this.#slots) {
      if (slot.job) continue;
      const job = this.#queue.shift();
      if (!job) return;
      this.#run(slot, job);
    }
  }

  #spawn(slot: Slot): ChildProcess {
    const l = this.#limits;
    const config = { ...this.#paths, maxPages: l.maxPages, maxChars: l.maxChars, maxCells: l.maxCells };
    const worker = spawn(
      process.execPath,
      [
        `--max-old-space-size=${l.maxHeapMb}`,
        "--max-semi-space-size=16",
        "--stack-size=4000",
        "-e",
        EXTRACT_WORKER_SOURCE,
      ],
      {
        // pdf.js warns on stdout about odd files; the server's log is not the place.
        stdio: ["ignore", "ignore", "ignore", "ipc"],
        serialization: "advanced",
        env: { PATH: process.env.PATH ?? "", [EXTRACT_CONFIG_ENV]: JSON.stringify(config) },
      },
    );
    worker.on("message", (m: unknown) => {
      const job = slot.job;
      if (!job || slot.worker !== worker) return;
      this.#finish(slot, asExtraction(m, job.kind));
    });
    worker.on("error", (err) => {
      if (slot.worker !== worker) return;
      this.killed++;
      slot.worker = null;
      this.#finish(slot, { unreadable: unreadableReason.readerFailed(err.message) });
    });
    worker.on("exit", (code, signal) => {
      if (slot.worker !== worker) return;
      slot.worker = null;
      // V8 aborts a process whose heap is exhausted (SIGABRT, or exit code 134 through a shell).
      const memory = signal === "SIGABRT" || code === 134;
      if (slot.job) this.killed++;
      this.#finish(slot, {
        unreadable: memory ? unreadableReason.tooMuchMemory() : unreadableReason.readerStopped(),
      });
    });
    this.#idle(worker);
    return worker;
  }

  /** An idle reader does not hold the server's process open; a busy one does (a job must finish). */
  #idle(worker: ChildProcess): void {
    worker.unref();
    worker.channel?.unref();
  }

  #run(slot: Slot, job: Job): void {
    slot.job = job;
    const worker = slot.worker ?? this.#spawn(slot);
    slot.worker = worker;
    worker.ref();
    worker.channel?.ref();
    slot.timer = setTimeout(() => {
      this.killed++;
      void this.#retire(slot, {
        unreadable: unreadableReason.tooSlow(this.#limits.timeoutMs / 1000),
      });
    }, this.#limits.timeoutMs);
    worker.send({ id: job.id, kind: job.kind, bytes: job.bytes });
  }

  #finish(slot: Slot, result: Extraction): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    const job = slot.job;
    slot.job = null;
    if (slot.worker) this.#idle(slot.worker);
    job?.resolve(result);
    if (!this.#closed) this.#pump();
  }

  /** Terminates the slot's worker (if any) and answers its job with `result`. */
  async #retire(slot: Slot, result: Extraction): Promise<void> {
    const worker = slot.worker;
    slot.worker = null;
    this.#finish(slot, result);
    if (!worker || worker.exitCode !== null || worker.signalCode !== null) return;
    const gone = new Promise((resolve) => worker.once("exit", resolve));
    worker.kill("SIGKILL");
    await gone;
  }
}
