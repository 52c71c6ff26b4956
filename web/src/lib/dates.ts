// Date arithmetic the lists share.

/** Business days are the server's business; for a list, whole days left is what a reader wants. */
export function daysLeft(iso: string): number {
  return Math.ceil((Date.parse(iso) - Date.now()) / 86_400_000);
}
