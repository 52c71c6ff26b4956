// The PoE file types Claimdesk accepts, and the refusal a file that is not one of them gets.
export type FileKind = "pdf" | "png" | "jpeg" | "docx" | "xlsx";

export const CONTENT_TYPES: Record<FileKind, string> = {
  pdf: "application/pdf",
  png: "image/png",
  jpeg: "image/jpeg",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

export interface Inspection {
  kind: FileKind;
  contentType: string;
  /** Findings for reviewers on an accepted file (`pdf_active_content:JavaScript`, ...). */
  flags: string[];
}

/** Answered as 415 file_rejected with the message as its detail. */
export class FileRejectedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FileRejectedError";
  }
}
