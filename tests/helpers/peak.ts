/** The most requests a fake server had open at once (one still open counts to the end). */
export const peakOpen = (requests: { receivedAt: number; closedAt?: number }[]): number => {
  const edges = requests
    .flatMap((request): [number, number][] => [
      [request.receivedAt, 1],
      [request.closedAt ?? Infinity, -1],
    ])
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let open = 0;
  let peak = 0;
  for (const [, change] of edges) {
    open += change;
    peak = Math.max(peak, open);
  }
  return peak;
};
