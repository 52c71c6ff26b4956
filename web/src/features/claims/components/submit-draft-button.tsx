// Submitting a saved draft from the new-claim form, then on to its page.
import { Alert, Button } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useNavigate } from "react-router";
import { useErrorText } from "../../../components/error-alert.tsx";
import { useT } from "../../../i18n/index.tsx";
import type { Claim } from "../../../lib/api-types.ts";
import { useClaimAction } from "../api/claim-mutations.ts";

/** Submitting the saved draft, then on to its page. */
export function SubmitButton({ claim, disabled }: { claim: Claim; disabled: boolean }) {
  const { t } = useT();
  const navigate = useNavigate();
  const submit = useClaimAction(claim);
  const errorText = useErrorText(submit.error);
  return (
    <>
      {errorText && (
        <Alert color="red" role="alert">
          {errorText}
        </Alert>
      )}
      <Button
        onClick={() =>
          submit.mutate(
            { action: "submit" },
            {
              onSuccess: (done) => {
                notifications.show({
                  closeButtonProps: { "aria-label": t("web.close") },
                  color: "green",
                  message: t("web.newClaim.submitted", { number: done.number }),
                });
                navigate(`/claims/${done.id}`);
              },
            },
          )
        }
        loading={submit.isPending}
        disabled={disabled}
      >
        {t("web.newClaim.submitClaim")}
      </Button>
    </>
  );
}
