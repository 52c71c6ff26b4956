// "Test discovery": asks the server to read the issuer's discovery document as sign-in will, and
// says what the provider offers (sign-out there, back-channel logout, PKCE).
import { Alert, Button, List } from "@mantine/core";
import { FormError } from "../../../../components/forms.tsx";
import { useT } from "../../../../i18n/index.tsx";
import { useTestDiscovery } from "../api/identity-providers.ts";

export function DiscoveryCheck({ issuer }: { issuer: string }) {
  const { t } = useT();
  const req = useTestDiscovery();
  const yesNo = (b: boolean) => (b ? t("idpUi.yes") : t("idpUi.no"));
  return (
    <>
      <Button
        size="xs"
        variant="default"
        w="fit-content"
        loading={req.isPending}
        disabled={!issuer.trim()}
        onClick={() => req.mutate(issuer.trim())}
      >
        {t("idpUi.testDiscovery")}
      </Button>
      <FormError error={req.error} />
      {req.data && (
        <Alert color="blue" role="status" title={t("idpUi.discoveryOk", { issuer: req.data.issuer })}>
          <List size="sm">
            <List.Item>
              {t("idpUi.endSession")}: {yesNo(req.data.endSessionEndpoint !== null)}
            </List.Item>
            <List.Item>
              {t("idpUi.backchannel")}: {yesNo(req.data.backchannelLogout)}
            </List.Item>
            <List.Item>
              {t("idpUi.pkce")}: {yesNo(req.data.pkceS256)}
            </List.Item>
          </List>
        </Alert>
      )}
    </>
  );
}
