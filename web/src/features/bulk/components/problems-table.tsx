// A claims file's problems (or warnings) as a table: line, column, and the reason in the reader's
// language (the server's English message when a code has no text here).
import { Table, Text } from "@mantine/core";
import { useT } from "../../../i18n/index.tsx";

export interface FileProblem {
  line: number;
  column: string;
  reason: string;
  message: string;
}

export function ProblemsTable({ problems, caption }: { problems: FileProblem[]; caption: string }) {
  const { t } = useT();
  return (
    <Table.ScrollContainer minWidth={320} mah={480}>
      <Table striped verticalSpacing={4} data-testid="file-problems">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("bulk.line")}</Table.Th>
            <Table.Th scope="col">{t("bulk.column")}</Table.Th>
            <Table.Th scope="col">{t("bulk.problem")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {problems.map((p, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: one line may fail in several columns
            <Table.Tr key={i}>
              <Table.Td>{p.line}</Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {p.column}
                </Text>
              </Table.Td>
              <Table.Td>{t(`bulk.reasons.${p.reason}`, { defaultValue: p.message })}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
