/** Whether `v` is one of `list`'s values: a type guard, so that a string a control picked becomes its enum. */
export const isOneOf = <T extends string>(list: readonly T[], v: string | null | undefined): v is T =>
  list.some((x) => x === v);
