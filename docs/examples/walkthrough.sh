#!/usr/bin/env bash
# A claim from filing to consent, with curl and jq, against a server started with
#   CLAIMDESK_ADMIN_EMAIL=admin@example.com CLAIMDESK_ADMIN_PASSWORD=change-me-please \
#   CLAIMDESK_SIMULATED_CLOCK=1 npm start
# on an empty database. Run: bash docs/examples/walkthrough.sh
set -e
API=${API:-http://127.0.0.1:3000/api/v1}
# 1. Sign in as the first program admin, fetch the CSRF token, create a personal access token.
curl -s -c jar -H 'content-type: application/json' -d '{"email":"admin@example.com","password":"change-me-please"}' $API/session > /dev/null
CSRF=$(curl -s -b jar $API/session | jq -r .csrfToken)
ADMIN=$(curl -s -b jar -H "x-csrf-token: $CSRF" -H 'content-type: application/json' -d '{"name":"setup"}' $API/tokens | jq -r .token)
H=(-H "authorization: Bearer $ADMIN" -H 'content-type: application/json')
# 2. A partner organisation, its incentives admin, a reviewer, and a customer in the registry.
ORG=$(curl -s "${H[@]}" -d '{"name":"Contoso","partnerIds":["1234567"]}' $API/admin/organizations | jq -r .id)
curl -s "${H[@]}" -d "{\"email\":\"pat@contoso.example\",\"name\":\"Pat\",\"password\":\"partner-password\",\"role\":\"incentives_admin\",\"organizationId\":\"$ORG\"}" $API/admin/users > /dev/null
curl -s "${H[@]}" -d '{"email":"rita@operator.example","name":"Rita","password":"reviewer-password","role":"reviewer"}' $API/admin/users > /dev/null
curl -s "${H[@]}" -d '{"tenantId":"8f6c2a70-1c2d-4b7e-9a55-3e1f0d2c4b11","domain":"fabrikam.example","name":"Fabrikam","subscriptions":[]}' $API/admin/customers > /dev/null
# 3. Tokens for the partner and the reviewer (sign in, then POST /tokens, as above).
token() { curl -s -c j2 -H 'content-type: application/json' -d "{\"email\":\"$1\",\"password\":\"$2\"}" $API/session > /dev/null;
  C=$(curl -s -b j2 $API/session | jq -r .csrfToken);
  curl -s -b j2 -H "x-csrf-token: $C" -H 'content-type: application/json' -d '{"name":"cli"}' $API/tokens | jq -r .token; }
PAT=$(token pat@contoso.example partner-password)
RITA=$(token rita@operator.example reviewer-password)
P=(-H "authorization: Bearer $PAT" -H 'content-type: application/json')
R=(-H "authorization: Bearer $RITA" -H 'content-type: application/json')
# 4. The partner files a claim, attaches proof of execution and submits.
CLAIM=$(curl -s "${P[@]}" -d '{"partnerId":"1234567","customer":{"tenantId":"8f6c2a70-1c2d-4b7e-9a55-3e1f0d2c4b11","domain":"fabrikam.example","name":"Fabrikam"},"activity":"deployment","products":["teams","intune"],"customerContact":{"name":"Casey","email":"casey@fabrikam.example"},"partnerContact":{"name":"Pat","email":"pat@contoso.example"}}' $API/claims | jq -r .id)
printf '%%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%%%EOF\n' > poe.pdf
curl -s -H "authorization: Bearer $PAT" -F file=@poe.pdf $API/claims/$CLAIM/documents | jq -c '{filename, contentType, sha256}'
curl -s "${P[@]}" -d '{}' $API/claims/$CLAIM/actions/submit | jq -c '{number, status, deadlines}'
# 5. The reviewer starts the review and approves; the customer's 7-day consent period begins.
curl -s "${R[@]}" -d '{}' $API/claims/$CLAIM/actions/start-review | jq -c '{status, sla}'
curl -s "${R[@]}" -d '{"comment":"Signed SOW is clear"}' $API/claims/$CLAIM/actions/approve | jq -c '{status, consent}'
# 6. Simulated clock only: move 8 days ahead and sweep; the consent period has passed.
curl -s "${H[@]}" -X PUT -d "{\"now\":\"$(date -u -d '+8 days' +%Y-%m-%dT%H:%M:%S.000Z)\"}" $API/system/clock > /dev/null
curl -s "${H[@]}" -d '{}' $API/system/sweep | jq -c .
curl -s "${P[@]}" $API/claims/$CLAIM | jq -c '{status, consent}'
curl -s "${P[@]}" $API/claims/$CLAIM/history | jq -r '.items[] | "\(.seq) \(.event) by \(.actor.name)"'
