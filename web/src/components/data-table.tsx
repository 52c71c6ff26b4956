// The building blocks the administration screens are made of: a form in a modal, a list table with
// its caption and empty state, and "load more" paging. One place for them keeps every screen's close
// buttons, captions and column headers labelled the same way (the axe scan checks them all).
import { Button, Group, Modal, type ModalProps, Stack, Table, type TableProps, Text } from "@mantine/core";
import type { FormEvent, ReactNode } from "react";
import { useT } from "../i18n/index.tsx";
import { FormError } from "./forms.tsx";

/** Cancel and the main action, at the foot of a modal; `leading` sits alone on the left. */
export function ModalActions({
  onCancel,
  label,
  busy,
  disabled,
  color,
  onClick,
  leading,
}: {
  onCancel(): void;
  label: string;
  busy: boolean;
  disabled?: boolean;
  color?: string;
  /** Without it the action submits the form around it. */
  onClick?(): void;
  leading?: ReactNode;
}) {
  const { t } = useT();
  const buttons = (
    <>
      <Button variant="default" onClick={onCancel}>
        {t("adminUi.common.cancel")}
      </Button>
      <Button
        type={onClick ? undefined : "submit"}
        color={color}
        loading={busy}
        disabled={disabled}
        onClick={onClick}
      >
        {label}
      </Button>
    </>
  );
  if (leading === undefined) return <Group justify="flex-end">{buttons}</Group>;
  return (
    <Group justify="space-between">
      {leading}
      <Group>{buttons}</Group>
    </Group>
  );
}

/** A modal holding a form: its request's error on top, the fields, then Cancel and submit. */
export function FormModal({
  title,
  opened = true,
  onClose,
  onSubmit,
  busy,
  error,
  submitLabel,
  submitDisabled,
  submitColor,
  size,
  intro,
  leading,
  withCloseLabel = true,
  children,
}: {
  title: string;
  opened?: boolean;
  onClose(): void;
  onSubmit(): void;
  busy: boolean;
  error: Error | null;
  submitLabel: string;
  submitDisabled?: boolean;
  submitColor?: string;
  size?: ModalProps["size"];
  /** Shown above the error. */
  intro?: ReactNode;
  /** An extra action on the left of the footer (e.g. disabling the record). */
  leading?: ReactNode;
  /** The dispute modal has always used Mantine's own close button; kept so that it reads the same. */
  withCloseLabel?: boolean;
  children: ReactNode;
}) {
  const { t } = useT();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <Modal
      closeButtonProps={withCloseLabel ? { "aria-label": t("web.close") } : undefined}
      opened={opened}
      onClose={onClose}
      title={title}
      size={size}
    >
      <form onSubmit={submit}>
        <Stack>
          {intro}
          <FormError error={error} />
          {children}
          <ModalActions
            onCancel={onClose}
            label={submitLabel}
            busy={busy}
            disabled={submitDisabled}
            color={submitColor}
            leading={leading}
          />
        </Stack>
      </form>
    </Modal>
  );
}

type DataTableProps<T> = Omit<TableProps, "children" | "caption"> & {
  caption: ReactNode;
  /** Column headers; `false` leaves a column out (one only some roles see). */
  columns: (string | false)[];
  items: T[];
  row(item: T): ReactNode;
  minWidth: number;
  mah?: number;
};

/** A scrolling table with a caption and column headers, one row per item. */
export function DataTable<T>({ caption, columns, items, row, minWidth, mah, ...table }: DataTableProps<T>) {
  return (
    <Table.ScrollContainer minWidth={minWidth} mah={mah}>
      <Table {...table}>
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {columns.map(
              (c) =>
                c !== false && (
                  <Table.Th key={c} scope="col">
                    {c}
                  </Table.Th>
                ),
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{items.map(row)}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** A DataTable once there are items; once loaded with none, the `empty` line instead. */
export function ListTable<T>({
  loaded,
  empty,
  ...props
}: DataTableProps<T> & { loaded: boolean; empty?: string }) {
  if (props.items.length > 0) return <DataTable {...props} />;
  return loaded && empty ? <Text c="dimmed">{empty}</Text> : null;
}

/** The error of the last page fetched and the button for the next one, while there is one. */
export function LoadMore({
  pages,
}: {
  pages: {
    hasNextPage: boolean;
    isFetchingNextPage: boolean;
    error: Error | null;
    fetchNextPage(): Promise<unknown>;
  };
}) {
  const { t } = useT();
  return (
    <>
      <FormError error={pages.error} />
      {pages.hasNextPage && (
        <Group>
          <Button
            variant="default"
            loading={pages.isFetchingNextPage}
            onClick={() => void pages.fetchNextPage()}
          >
            {t("adminUi.common.more")}
          </Button>
        </Group>
      )}
    </>
  );
}
