// A CSV import in two steps, as both imports of the server work: a dry run that checks every row and
// writes nothing, then (only when the check found no error) the import of the very same file. The
// file goes up with XMLHttpRequest so that the upload shows its progress.
import { Alert, Button, Card, FileInput, Group, Progress, Stack, Text } from "@mantine/core";
import { type ReactNode, useState } from "react";
import { useT } from "../i18n/index.tsx";
import { asApiError, FormError, RowErrorsTable } from "./forms.tsx";

interface ImportAnswer {
  errors: {
    line: number;
    column: string;
    reason: string;
    message?: string;
    params?: Record<string, string>;
  }[];
  errorCount?: number;
  imported: boolean;
}

interface Props<R extends ImportAnswer> {
  /** Sends the file to the import operation (the feature's api), as a dry run or for real. */
  upload(file: File, dryRun: boolean, onProgress: (fraction: number) => void): Promise<R>;
  fileLabel: string;
  fileHint: string;
  /** What a checked or imported file amounts to (rows, customers, months, ...). */
  summary(result: R): ReactNode;
  onImported?(result: R): void;
}

type Phase = "idle" | "checking" | "importing";

export function CsvImport<R extends ImportAnswer>({
  upload,
  fileLabel,
  fileHint,
  summary,
  onImported,
}: Props<R>) {
  const { t, number } = useT();
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>("idle");
  const [progress, setProgress] = useState(0);
  const [checked, setChecked] = useState<R | null>(null);
  const [imported, setImported] = useState<R | null>(null);
  const [error, setError] = useState<Error | null>(null);

  const send = async (dryRun: boolean) => {
    if (!file) return;
    setPhase(dryRun ? "checking" : "importing");
    setProgress(0);
    setError(null);
    try {
      const r = await upload(file, dryRun, setProgress);
      if (dryRun) {
        setChecked(r);
        setImported(null);
      } else {
        setImported(r);
        setChecked(r.imported ? null : r);
        if (r.imported) onImported?.(r);
      }
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setPhase("idle");
    }
  };

  const errorCount = (r: R) => r.errorCount ?? r.errors.length;
  const result = imported ?? checked;
  const canImport = checked !== null && errorCount(checked) === 0 && !imported;
  const uploading = phase !== "idle";

  return (
    <Stack>
      <Card withBorder>
        <Stack>
          <FileInput
            label={fileLabel}
            description={fileHint}
            accept=".csv,text/csv"
            clearable
            value={file}
            onChange={(f) => {
              setFile(f);
              setChecked(null);
              setImported(null);
              setError(null);
            }}
            disabled={uploading}
          />
          <Group>
            <Button
              onClick={() => void send(true)}
              disabled={!file || uploading}
              loading={phase === "checking"}
            >
              {t("adminUi.import.check")}
            </Button>
            {canImport && (
              <Button color="green" onClick={() => void send(false)} loading={phase === "importing"}>
                {t("adminUi.import.run")}
              </Button>
            )}
          </Group>
          {uploading && (
            <Stack gap={4}>
              <Progress
                value={progress * 100}
                animated={progress >= 1}
                aria-label={t("adminUi.import.progress")}
              />
              <Text size="sm" c="dimmed" aria-live="polite">
                {progress < 1
                  ? t("adminUi.import.uploading", { percent: Math.round(progress * 100) })
                  : t("adminUi.import.processing")}
              </Text>
            </Stack>
          )}
        </Stack>
      </Card>
      <FormError error={error} />
      {result && (
        <Stack>
          {result.imported ? (
            <Alert color="green" title={t("adminUi.import.doneTitle")} role="status">
              {summary(result)}
            </Alert>
          ) : errorCount(result) === 0 ? (
            <Alert color="blue" title={t("adminUi.import.checkedTitle")} role="status">
              {summary(result)}
              <Text size="sm" mt="xs">
                {t("adminUi.import.checkedText")}
              </Text>
            </Alert>
          ) : (
            <Alert color="red" title={t("adminUi.import.badTitle")} role="alert">
              {summary(result)}
              <Text size="sm" mt="xs">
                {t("adminUi.import.badText", { count: number(errorCount(result)) })}
              </Text>
            </Alert>
          )}
          {result.errors.length > 0 && (
            <RowErrorsTable
              errors={result.errors}
              caption={
                result.errors.length < errorCount(result)
                  ? t("adminUi.import.errorsShown", {
                      shown: number(result.errors.length),
                      total: number(errorCount(result)),
                    })
                  : t("adminUi.import.errorsCaption", { count: result.errors.length })
              }
            />
          )}
        </Stack>
      )}
    </Stack>
  );
}
