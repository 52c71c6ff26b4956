// File claims in bulk (partners who may create claims): the template, a file checked by a dry run
// (problems by line and column, translated), then "Create N drafts" with the file's progress, the
// created numbers linking to each claim, and the optional ZIP of PoE. A file with any problem
// creates nothing; the server judges each row like a single new claim.
import {
  Alert,
  Anchor,
  Button,
  Card,
  Code,
  FileInput,
  Group,
  Progress,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import type { TFunction } from "i18next";
import { useState } from "react";
import { Link } from "react-router";
import { ErrorAlert } from "../../../components/error-alert.tsx";
import { useT } from "../../../i18n/index.tsx";
import "../../../i18n/bulk-texts.ts";
import "../../../i18n/problem-texts.ts";
import {
  type ClaimFileAnswer,
  TEMPLATE_URL,
  useClaimImport,
  useSendClaimFile,
} from "../api/claim-imports.ts";
import { PastImports } from "./past-imports.tsx";
import { PoeZipUpload } from "./poe-zip-upload.tsx";
import { ProblemsTable } from "./problems-table.tsx";

const COLUMNS =
  "partnerId,customerTenantId,customerDomain,customerName,subscriptionId,activity,products,customerContactName,customerContactTitle,customerContactEmail,customerContactPhone,customerContactLocale,partnerContactName,partnerContactEmail,partnerContactPhone";

type Phase = "idle" | "checking" | "sending";

type Failure = { code: string; line: number | null; reason: string | null } | null;

/** Why an import stopped, in the reader's language; null for a stored failure without a code. */
function failureText(t: TFunction, failure: Failure): string | null {
  if (failure === null) return null;
  if (failure.code === "filer_refused") return t("bulk.filerRefused");
  if (failure.line === null) return null;
  // The field's reason where the claim was invalid (the dry run's words), else the refusal's.
  const refusal = t(`problems.code.${failure.code}`, { defaultValue: t("problems.code.other") });
  const reason = failure.reason
    ? t(`bulk.reasons.${failure.reason}`, { defaultValue: refusal })
    : refusal.replace(/[.]\s*$/, "");
  return t("bulk.failedLine", { line: failure.line, reason });
}

export default function BulkFiling() {
  const { t, number } = useT();
  const send = useSendClaimFile();
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>("idle");
  const [upload, setUpload] = useState(0);
  const [checked, setChecked] = useState<ClaimFileAnswer | null>(null);
  const [importId, setImportId] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const progress = useClaimImport(importId);
  const run = progress.data;

  const go = async (dryRun: boolean) => {
    if (!file) return;
    setPhase(dryRun ? "checking" : "sending");
    setUpload(0);
    setError(null);
    try {
      const r = await send(file, dryRun, setUpload);
      setChecked(r);
      if (r.accepted && r.import) setImportId(r.import.id);
    } catch (err) {
      setError(err);
    } finally {
      setPhase("idle");
    }
  };

  const errorCount = checked?.errorCount ?? 0;
  const ready = !!checked?.dryRun && errorCount === 0 && importId === null;
  const rows = checked?.rows ?? 0;
  const busy = phase !== "idle";

  return (
    <Stack gap="lg">
      <Title order={1}>{t("bulk.title")}</Title>
      <Text>{t("bulk.intro")}</Text>
      <Group>
        <Button component="a" href={TEMPLATE_URL} download="claims-template.csv" variant="default">
          {t("bulk.template")}
        </Button>
      </Group>
      <Text size="sm">
        {t("bulk.columns")} <Code style={{ wordBreak: "break-all" }}>{COLUMNS}</Code>
      </Text>
      <Card withBorder>
        <Stack>
          <FileInput
            label={t("bulk.file")}
            description={t("bulk.fileHint")}
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            clearable
            clearButtonProps={{ "aria-label": t("bulk.clear") }}
            value={file}
            disabled={busy || (importId !== null && run?.status === "running")}
            onChange={(f) => {
              setFile(f);
              setChecked(null);
              setImportId(null);
              setError(null);
            }}
          />
          <Group>
            <Button
              onClick={() => void go(true)}
              disabled={!file || busy || importId !== null}
              loading={phase === "checking"}
            >
              {t("bulk.check")}
            </Button>
            {ready && (
              <Button color="green" onClick={() => void go(false)} loading={phase === "sending"}>
                {t("bulk.create", { count: rows })}
              </Button>
            )}
          </Group>
          {busy && (
            <Stack gap={4}>
              <Progress value={upload * 100} animated={upload >= 1} aria-label={t("bulk.progressLabel")} />
              <Text size="sm" c="dimmed" aria-live="polite">
                {upload < 1 ? t("bulk.uploading", { percent: Math.round(upload * 100) }) : t("bulk.checking")}
              </Text>
            </Stack>
          )}
        </Stack>
      </Card>
      <ErrorAlert error={error} />
      {checked && errorCount > 0 && (
        <Stack>
          <Alert color="red" title={t("bulk.badTitle")} role="alert">
            {t("bulk.badText", { count: number(errorCount) })}
          </Alert>
          <ProblemsTable
            problems={checked.errors}
            caption={
              checked.errors.length < errorCount
                ? t("bulk.errorsShown", { shown: number(checked.errors.length), total: number(errorCount) })
                : t("bulk.errorsCaption")
            }
          />
        </Stack>
      )}
      {ready && (
        <Alert color="blue" title={t("bulk.okTitle")} role="status">
          {t("bulk.okText", { rows: number(rows) })}
        </Alert>
      )}
      {checked && checked.warnings.length > 0 && importId === null && (
        <ProblemsTable problems={checked.warnings} caption={t("bulk.warningsCaption")} />
      )}
      {run && (
        <Stack>
          {run.status === "running" && (
            <Stack gap={4}>
              <Progress
                value={run.rows ? (run.done / run.rows) * 100 : 0}
                aria-label={t("bulk.progressLabel")}
              />
              <Text size="sm" aria-live="polite">
                {t("bulk.creating", { done: number(run.done), total: number(run.rows) })}
              </Text>
            </Stack>
          )}
          {run.status === "done" && (
            <Alert color="blue" title={t("bulk.doneTitle")} role="status">
              {t("bulk.doneText", { count: run.claims.length })}
            </Alert>
          )}
          {run.status === "failed" && (
            <Alert color="red" title={t("bulk.failedTitle")} role="alert">
              {failureText(t, run.failure) ?? run.error}
            </Alert>
          )}
          {run.claims.length > 0 && run.status !== "running" && (
            <Table.ScrollContainer minWidth={240}>
              <Table striped verticalSpacing={4} data-testid="created-claims">
                <Table.Caption>{t("bulk.claimsCaption")}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t("bulk.line")}</Table.Th>
                    <Table.Th scope="col">{t("bulk.number")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {run.claims.map((c) => (
                    <Table.Tr key={c.id}>
                      <Table.Td>{c.line}</Table.Td>
                      <Table.Td>
                        <Anchor component={Link} to={`/claims/${c.id}`}>
                          {c.number}
                        </Anchor>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          {run.status === "done" && <PoeZipUpload importId={run.id} />}
        </Stack>
      )}
      <PastImports />
    </Stack>
  );
}
