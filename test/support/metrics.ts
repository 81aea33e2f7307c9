/**
 * Reads one sample from Prometheus text: the series `name` whose labels are exactly `labels`.
 * Returns 0 when the series does not exist yet (a counter that was never incremented has no line).
 */
export function metricValue(text: string, name: string, labels: Record<string, string> = {}): number {
  const wanted = Object.entries(labels)
    .map(([k, v]) => `${k}="${v}"`)
    .sort()
    .join(",");
  for (const line of text.split("\n")) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{([^}]*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const have = (match[2] ?? "").split(",").filter(Boolean).sort().join(",");
    if (have === wanted) return Number(match[3]);
  }
  return 0;
}
