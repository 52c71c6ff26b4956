// Earnings and payout statements of a month (API.md §5): the month's page and one
// statement's page. What each caller sees and may do follows the server's abilities.
import { Route, Routes } from "react-router";
import { MonthView } from "./month-view.tsx";
import { StatementView } from "./statement-view.tsx";
import "../../../i18n/admin-texts.ts";

export default function Payouts() {
  return (
    <Routes>
      <Route index element={<MonthView />} />
      <Route path=":id" element={<StatementView />} />
    </Routes>
  );
}
