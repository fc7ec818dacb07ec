import type { CSSProperties, HTMLAttributes, ReactNode } from "react";
import classes from "./page-layout.module.css";

type Spacing = "xs" | "sm" | "md" | "lg" | "xl" | number;

// Always set on the element itself: custom properties inherit, and a nested Row or Stack must not take its parent's.
const spacing = (gap: Spacing) => (typeof gap === "number" ? `${gap}px` : `var(--mantine-spacing-${gap})`);

/** A column with Mantine's spacing between its children (Stack). */
export function Stack({ gap = "md", children }: { gap?: Spacing; children: ReactNode }) {
  return (
    <div className={classes.stack} style={{ "--layout-gap": spacing(gap) } as CSSProperties}>
      {children}
    </div>
  );
}

/** A wrapping row, centred on its cross axis unless told (Group). */
export function Row({
  gap = "md",
  justify = "flex-start",
  align = "center",
  children,
}: {
  gap?: Spacing;
  justify?: CSSProperties["justifyContent"];
  align?: CSSProperties["alignItems"];
  children: ReactNode;
}) {
  const style = { "--layout-gap": spacing(gap), "--layout-justify": justify, "--layout-align": align } as CSSProperties;
  return (
    <div className={classes.row} style={style}>
      {children}
    </div>
  );
}

/** The page's one h1 (Title order 1). */
export function PageTitle({ children }: { children: ReactNode }) {
  return <h1 className={classes.title}>{children}</h1>;
}

/** A paragraph of body type, or small and dimmed (Text). */
export function Paragraph({
  size,
  dimmed,
  maxWidth,
  children,
  ...attributes
}: { size?: "sm"; dimmed?: boolean; maxWidth?: number; children: ReactNode } & Pick<HTMLAttributes<HTMLParagraphElement>, "aria-live" | "role" | "id">) {
  return (
    <p className={classes.text} data-size={size} data-dimmed={dimmed ? "" : undefined} style={maxWidth ? { maxWidth } : undefined} {...attributes}>
      {children}
    </p>
  );
}
