// Everything the app runs inside: Mantine's theme, notifications, the router, the query cache and
// the session.
import { Badge, type CSSVariablesResolver, createTheme, MantineProvider } from "@mantine/core";
import { QueryClientProvider } from "@tanstack/react-query";
import { lazy, type ReactNode, Suspense } from "react";
import { BrowserRouter } from "react-router";
import { queryClient } from "../lib/query-client.ts";
import { SessionProvider } from "../lib/session.tsx";

// Shade 8 and auto contrast: Mantine's default blue and red on white fall short of WCAG AA (4.5:1).
const theme = createTheme({
  primaryColor: "blue",
  primaryShade: 8,
  autoContrast: true,
  defaultRadius: "md",
  fontFamily: "system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif",
  components: {
    // Mantine's badge is one line cut with an ellipsis ("PARTNER ACTION …"): every badge grows to
    // its words instead, wrapping inside itself when its column is narrow.
    Badge: Badge.extend({
      styles: {
        root: { height: "auto", minHeight: "var(--badge-height)", maxWidth: "100%", flexShrink: 0 },
        label: {
          whiteSpace: "normal",
          overflow: "visible",
          textOverflow: "clip",
          lineHeight: 1.3,
          paddingBlock: 2,
        },
      },
    }),
  },
});

// Dimmed text in gray 7, which keeps 4.5:1 on white.
const resolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { "--mantine-color-dimmed": "var(--mantine-color-gray-7)" },
  dark: {},
});

// The toasts' container is needed only once something has been done: loaded after the first screen
// (with its animation library it is about 9 KB gzip of the first load otherwise).
const Notifications = lazy(() =>
  import("@mantine/notifications").then((m) => ({ default: m.Notifications })),
);

export function AppProviders({ children }: { children: ReactNode }) {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={resolver}>
      <Suspense fallback={null}>
        <Notifications position="top-right" />
      </Suspense>
      <BrowserRouter>
        <QueryClientProvider client={queryClient}>
          <SessionProvider>{children}</SessionProvider>
        </QueryClientProvider>
      </BrowserRouter>
    </MantineProvider>
  );
}
