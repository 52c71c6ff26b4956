// The shape every language must have: the English resources with each text widened to string.
export type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };
