import { Paper, SimpleGrid, Text, type SimpleGridProps } from "@mantine/core";

export interface Figure {
  label: string;
  /** Already formatted for the reader's language. */
  value: string;
  /** A coloured left border, e.g. the blue and green lines of the step-2 report. */
  accent?: "blue" | "green";
  /** Shown in red: something needs attention (errors). */
  alert?: boolean;
}

/** Headline figures as a description list (label, value), one card each: readable by screen readers as pairs. */
export function FigureGrid({ figures, cols = { base: 2, md: 4 }, label }: { figures: Figure[]; cols?: SimpleGridProps["cols"]; label?: string }) {
  return (
    <SimpleGrid cols={cols} component="dl" aria-label={label}>
      {figures.map((figure) => (
        <Paper key={figure.label} withBorder p="sm" style={figure.accent ? { borderLeft: `6px solid var(--mantine-color-${figure.accent}-6)` } : undefined}>
          <Text component="dt" size="sm" c="dimmed">
            {figure.label}
          </Text>
          <Text component="dd" m={0} fz="lg" fw={700} c={figure.alert ? "red" : undefined}>
            {figure.value}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
