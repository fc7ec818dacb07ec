import type { CSSProperties } from "react";
import classes from "./figure-grid.module.css";

export interface Figure {
  label: string;
  /** Already formatted for the reader's language. */
  value: string;
  /** A coloured left border, e.g. the blue and green lines of the step-2 report. */
  accent?: "blue" | "green";
  /** Shown in red: something needs attention (errors). */
  alert?: boolean;
}

/** Columns from the smallest screen up, at Mantine's breakpoints (sm 48em, md 62em, xl 88em). */
export interface FigureColumns {
  base: number;
  sm?: number;
  md?: number;
  xl?: number;
}

/** Headline figures as a description list (label, value), one card each: readable by screen readers as pairs. */
export function FigureGrid({ figures, cols = { base: 2, md: 4 }, label }: { figures: Figure[]; cols?: FigureColumns; label?: string }) {
  const style = { "--cols-base": cols.base, "--cols-sm": cols.sm, "--cols-md": cols.md, "--cols-xl": cols.xl } as CSSProperties;
  return (
    <dl className={classes.grid} style={style} aria-label={label} data-sm={cols.sm ? "" : undefined} data-md={cols.md ? "" : undefined} data-xl={cols.xl ? "" : undefined}>
      {figures.map((figure) => (
        <div key={figure.label} className={classes.card} data-accent={figure.accent}>
          <dt className={classes.label}>{figure.label}</dt>
          <dd className={classes.value} data-alert={figure.alert ? "" : undefined}>
            {figure.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
