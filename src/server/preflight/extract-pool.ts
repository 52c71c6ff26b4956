// A small pool of worker threads that read documents, each bounded: a heap limit (a zip bomb or a
// huge page runs out of memory in the worker, not in the server) and a wall-clock limit after which
// the worker is terminated (a looping parser cannot stall anything). A worker that died is replaced
// by a fresh one on the next job; the server thread only ever waits on a message or a timer.
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import type { ExtractedDocument } from "../../domain/preflight/index.ts";
import { EXTRACT_WORKER_SOURCE } from "./extract-worker-source.ts";

export interface ExtractLimits {
  workers: number;
  timeoutMs: number;
  /** V8 old-generation heap of one worker. */
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
  worker: Worker | null;
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
  if (typeof m !== "object" || m === null) return { unreadable: "the reader sent nothing" };
  if ("unreadable" in m && typeof m.unreadable === "string") return { unreadable: m.unreadable };
  const doc = "doc" in m ? m.doc : null;
  if (typeof doc !== "object" || doc === null) return { unreadable: "the reader sent nothing" };
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
    if (this.#closed) return Promise.resolve({ unreadable: "the reader is shut down" });
    return new Promise((resolve) => {
      this.#queue.push({ id: this.#nextId++, kind, bytes, resolve });
      this.#pump();
    });
  }

  async close(): Promise<void> {
    this.#closed = true;
    for (const job of this.#queue.splice(0)) job.resolve({ unreadable: "the reader is shut down" });
    await Promise.all(this.#slots.map((s) => this.#retire(s, { unreadable: "the reader is shut down" })));
  }

  #pump(): void {
    for (const slot of this.#slots) {
      if (slot.job) continue;
      const job = this.#queue.shift();
      if (!job) return;
      this.#run(slot, job);
    }
  }

  #spawn(slot: Slot): Worker {
    const l = this.#limits;
    const worker = new Worker(EXTRACT_WORKER_SOURCE, {
      eval: true,
      workerData: { ...this.#paths, maxPages: l.maxPages, maxChars: l.maxChars, maxCells: l.maxCells },
      resourceLimits: { maxOldGenerationSizeMb: l.maxHeapMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
      stdout: true,
      stderr: true,
    });
    // pdf.js warns on stdout about odd files; the server's log is not the place.
    worker.stdout.resume();
    worker.stderr.resume();
    worker.on("message", (m: unknown) => {
      const job = slot.job;
      if (!job || slot.worker !== worker) return;
      this.#finish(slot, asExtraction(m, job.kind));
    });
    worker.on("error", (err) => {
      if (slot.worker !== worker) return;
      const memory = "code" in err && err.code === "ERR_WORKER_OUT_OF_MEMORY";
      this.killed++;
      slot.worker = null;
      this.#finish(slot, {
        unreadable: memory ? "the file needs too much memory to read" : `the reader failed: ${err.message}`,
      });
    });
    worker.on("exit", () => {
      if (slot.worker !== worker) return;
      slot.worker = null;
      this.#finish(slot, { unreadable: "the reader stopped" });
    });
    worker.unref();
    return worker;
  }

  #run(slot: Slot, job: Job): void {
    slot.job = job;
    const worker = slot.worker ?? this.#spawn(slot);
    slot.worker = worker;
    // Busy workers hold the process (a job must finish); idle ones do not.
    worker.ref();
    slot.timer = setTimeout(() => {
      this.killed++;
      void this.#retire(slot, {
        unreadable: `the file took longer than ${this.#limits.timeoutMs / 1000} s to read`,
      });
    }, this.#limits.timeoutMs);
    const copy = job.bytes.slice();
    worker.postMessage({ id: job.id, kind: job.kind, bytes: copy.buffer }, [copy.buffer]);
  }

  #finish(slot: Slot, result: Extraction): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    const job = slot.job;
    slot.job = null;
    slot.worker?.unref();
    job?.resolve(result);
    if (!this.#closed) this.#pump();
  }

  /** Terminates the slot's worker (if any) and answers its job with `result`. */
  async #retire(slot: Slot, result: Extraction): Promise<void> {
    const worker = slot.worker;
    slot.worker = null;
    this.#finish(slot, result);
    await worker?.terminate();
  }
}
