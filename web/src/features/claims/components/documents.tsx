// A claim's documents: upload with progress and a clear reason per refused file, and PDF and
// images viewable in the page (fetched as a blob: the API serves them as attachments).
import { Alert, Anchor, Badge, Button, Group, Modal, Progress, Stack, Table, Text } from "@mantine/core";
import { Dropzone } from "@mantine/dropzone";
import "@mantine/dropzone/styles.css";
import { useEffect, useState } from "react";
import { useT } from "../../../i18n/index.tsx";
import "../../../i18n/problem-texts.ts";
import type { ClaimDocument } from "../../../lib/api-types.ts";
import { humanError } from "../../../lib/human-error.ts";
import { toMegabytes } from "../../../lib/problem-messages.ts";
import { useUser } from "../../../lib/session.tsx";
import { useUploadDocument } from "../api/claim-mutations.ts";
import { useDocumentContent } from "../api/claim-queries.ts";

const ACCEPT = [
  "application/pdf",
  "image/png",
  "image/jpeg",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
];

interface UploadState {
  name: string;
  progress: number;
  error: string | null;
  done: boolean;
}

export function DocumentUpload({
  claimId,
  onUploaded,
}: {
  claimId: string;
  onUploaded?(doc: ClaimDocument): void;
}) {
  const { t, number } = useT();
  // The server's own limits (the session carries them), in the reader's language.
  const { limits } = useUser();
  const [files, setFiles] = useState<UploadState[]>([]);
  const uploadDocument = useUploadDocument(claimId);
  const set = (name: string, patch: Partial<UploadState>) =>
    setFiles((all) => all.map((f) => (f.name === name ? { ...f, ...patch } : f)));
  const send = async (list: File[]) => {
    setFiles((all) => [
      ...all,
      ...list.map((f) => ({ name: f.name, progress: 0, error: null, done: false })),
    ]);
    for (const file of list) {
      try {
        const doc = await uploadDocument.mutateAsync({
          file,
          onProgress: (p) => set(file.name, { progress: p }),
        });
        set(file.name, { progress: 1, done: true });
        onUploaded?.(doc);
      } catch (err) {
        set(file.name, { error: humanError(err, t) });
      }
    }
  };
  return (
    <Stack>
      <Dropzone
        onDrop={(f) => void send(f)}
        accept={ACCEPT}
        multiple
        aria-label={t("web.newClaim.dropFiles")}
      >
        <Stack align="center" gap={4} py="md">
          <Text>{t("web.newClaim.dropFiles")}</Text>
          <Text size="xs" c="dimmed">
            {t("web.newClaim.fileLimits", {
              count: limits.maxFilesPerClaim,
              mb: number(toMegabytes(limits.uploadMaxBytes)),
            })}
          </Text>
        </Stack>
      </Dropzone>
      {files.map((f) => (
        <Stack key={f.name} gap={2}>
          {f.error ? (
            <Alert color="red" role="alert" py={6}>
              {t("web.newClaim.failed", { name: f.name, reason: f.error })}
            </Alert>
          ) : (
            <>
              <Text size="sm">
                {f.done
                  ? t("web.newClaim.uploaded", { name: f.name })
                  : t("web.newClaim.uploading", { name: f.name })}
              </Text>
              <Progress value={f.progress * 100} aria-label={f.name} />
            </>
          )}
        </Stack>
      ))}
    </Stack>
  );
}

function Viewer({ claimId, doc, onClose }: { claimId: string; doc: ClaimDocument; onClose(): void }) {
  const [url, setUrl] = useState<string | null>(null);
  const { t } = useT();
  const content = useDocumentContent(claimId, doc.id);
  const blob = content.data;
  useEffect(() => {
    if (!blob) return;
    const made = URL.createObjectURL(new Blob([blob], { type: doc.contentType }));
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [blob, doc.contentType]);
  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ "aria-label": t("web.close") }}
      title={doc.filename}
      size="90%"
    >
      {/* A file the server cannot give says why, instead of loading for ever. */}
      {content.error ? (
        <Alert color="red" role="alert">
          {humanError(content.error, t)}
        </Alert>
      ) : (
        !url && <Text>{t("web.loading")}</Text>
      )}
      {url && doc.contentType === "application/pdf" && (
        <iframe title={doc.filename} src={url} style={{ width: "100%", height: "75vh", border: 0 }} />
      )}
      {url && doc.contentType.startsWith("image/") && (
        <img src={url} alt={doc.filename} style={{ maxWidth: "100%" }} />
      )}
    </Modal>
  );
}

type T = ReturnType<typeof useT>["t"];
const ACTIVE = "pdf_active_content:";
const ACTIVE_WHAT = ["JavaScript", "JS", "AA", "OpenAction", "Launch", "EmbeddedFile", "RichMedia"] as const;
const isActiveWhat = (s: string): s is (typeof ACTIVE_WHAT)[number] => ACTIVE_WHAT.some((w) => w === s);

/** A reviewer flag in the reader's words; one the app does not know yet still shows, as its code. */
function flagText(flag: string, t: T): string {
  if (flag === "pdf_encrypted") return t("web.claim.flag.pdf_encrypted");
  const what = flag.startsWith(ACTIVE) ? flag.slice(ACTIVE.length) : null;
  if (what !== null && isActiveWhat(what))
    return t("web.claim.flag.active", { what: t(`web.claim.flag.activeWhat.${what}`) });
  return t("web.claim.flag.other", { flag });
}

/** One badge per meaning (JS and JavaScript both say "scripts"), titled with the codes behind it. */
function flagBadges(flags: string[], t: T): [string, string][] {
  const byText = new Map<string, string[]>();
  for (const f of flags) byText.set(flagText(f, t), [...(byText.get(flagText(f, t)) ?? []), f]);
  return [...byText].map(([text, codes]) => [text, codes.join(", ")]);
}

export function DocumentList({ claimId, documents }: { claimId: string; documents: ClaimDocument[] }) {
  const { t, dateTime } = useT();
  const [viewing, setViewing] = useState<ClaimDocument | null>(null);
  if (documents.length === 0) return <Text c="dimmed">{t("web.claim.noDocuments")}</Text>;
  return (
    <>
      <Table>
        <Table.Tbody>
          {documents.map((d) => (
            <Table.Tr key={d.id}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {d.filename}
                </Text>
                <Text size="xs" c="dimmed">
                  {Math.ceil(d.size / 1024)} KB · {dateTime(d.createdAt)}
                </Text>
                {flagBadges(d.flags, t).map(([text, codes]) => (
                  // Light with dark text: white on Mantine's filled orange is 3.6:1, short of 4.5:1.
                  <Badge key={text} color="orange" variant="light" c="dark.7" size="xs" title={codes}>
                    {text}
                  </Badge>
                ))}
              </Table.Td>
              <Table.Td>
                <Group gap="xs" justify="flex-end">
                  {(d.contentType === "application/pdf" || d.contentType.startsWith("image/")) && (
                    <Button size="xs" variant="light" onClick={() => setViewing(d)}>
                      {t("web.claim.view")}
                    </Button>
                  )}
                  <Anchor size="sm" href={`/api/v1/claims/${claimId}/documents/${d.id}/content`}>
                    {t("web.claim.download")}
                  </Anchor>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {viewing && <Viewer claimId={claimId} doc={viewing} onClose={() => setViewing(null)} />}
    </>
  );
}
