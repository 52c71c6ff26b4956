// Below about 600 px a table's rows do not fit side by side: lists show cards instead.
import { useMediaQuery } from "@mantine/hooks";

export const NARROW_QUERY = "(max-width: 37.5em)";

/** True on a phone-sized screen (first render: false, then the real answer). */
export function useNarrow(): boolean {
  return useMediaQuery(NARROW_QUERY) ?? false;
}
