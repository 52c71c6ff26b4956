// A 401 mid-work opens this over the page instead of throwing the user out: sign in again, and the
// page (with whatever was typed) is still there.
import { Modal, Stack, Text } from "@mantine/core";
import { useT } from "../../../i18n/index.tsx";
import { useSession } from "../../../lib/session.tsx";
import { SignInForm } from "./sign-in.tsx";

export default function ExpiredSessionModal() {
  const { t } = useT();
  const { expired } = useSession();
  return (
    <Modal
      opened={expired}
      onClose={() => {}}
      withCloseButton={false}
      title={t("web.signIn.expiredTitle")}
      centered
    >
      <Stack>
        <Text>{t("web.signIn.expiredText")}</Text>
        <SignInForm />
      </Stack>
    </Modal>
  );
}
