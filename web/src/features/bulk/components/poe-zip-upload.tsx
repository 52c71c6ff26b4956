// The optional ZIP of PoE for a file's drafts, named by line; each entry answered on its own.
import { Alert, Button, Card, FileInput, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { ErrorAlert } from "../../../components/error-alert.tsx";
import { useT } from "../../../i18n/index.tsx";
import { type PoeZipAnswer, useSendPoeZip } from "../api/claim-imports.ts";

export function PoeZipUpload({ importId }: { importId: string }) {
  const { t, number } = useT();
  const send = useSendPoeZip();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<PoeZipAnswer | null>(null);
  const [error, setError] = useState<unknown>(null);

  const go = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      setAnswer(await send(importId, file));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card withBorder component="section" aria-labelledby="poe-zip">
      <Stack>
        <Title order={2} size="h4" id="poe-zip">
          {t("bulk.zipTitle")}
        </Title>
        <Text size="sm">{t("bulk.zipText")}</Text>
        <FileInput
          label={t("bulk.zipFile")}
          accept=".zip,application/zip"
          clearable
          clearButtonProps={{ "aria-label": t("bulk.clear") }}
          value={file}
          onChange={setFile}
        />
        <div>
          <Button onClick={() => void go()} disabled={!file} loading={busy}>
            {t("bulk.zipSend")}
          </Button>
        </div>
        <ErrorAlert error={error} />
        {answer && (
          <>
            <Alert color={answer.rejected ? "yellow" : "blue"} role="status">
              {t("bulk.zipResult", { attached: number(answer.attached), rejected: number(answer.rejected) })}
            </Alert>
            <Table.ScrollContainer minWidth={320}>
              <Table striped verticalSpacing={4}>
                <Table.Caption>{t("bulk.zipCaption")}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t("bulk.entry")}</Table.Th>
                    <Table.Th scope="col">{t("bulk.number")}</Table.Th>
                    <Table.Th scope="col">{t("bulk.result")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {answer.entries.map((e) => (
                    <Table.Tr key={e.entry}>
                      <Table.Td>
                        <Text size="sm" ff="monospace">
                          {e.entry}
                        </Text>
                      </Table.Td>
                      <Table.Td>{e.number ?? "—"}</Table.Td>
                      <Table.Td>
                        {e.reason === null
                          ? t("bulk.attached")
                          : t(`bulk.reasons.${e.reason}`, { defaultValue: e.message ?? e.reason })}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </>
        )}
      </Stack>
    </Card>
  );
}
