import Link from "next/link";
import type { ReactNode } from "react";
import classes from "./plain-table.module.css";

/*
 * Plain rows, cells, links and badges for the bodies of long tables (no "use client": they render
 * as elements from server and client components alike). Headers and the table itself stay Mantine.
 */

export function PlainRow({ striped, hover, className, children, ...data }: { striped?: boolean; hover?: boolean; className?: string; children: ReactNode } & Record<`data-${string}`, string>) {
  return (
    <tr className={className ? `${classes.row} ${className}` : classes.row} data-striped={striped || undefined} data-hover={hover || undefined} {...data}>
      {children}
    </tr>
  );
}

export function PlainCell({ align, colSpan, className, children }: { align?: "left" | "right"; colSpan?: number; className?: string; children?: ReactNode }) {
  return (
    <td className={className ? `${classes.cell} ${className}` : classes.cell} data-align={align === "right" ? "right" : undefined} colSpan={colSpan}>
      {children}
    </td>
  );
}

export function PlainLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link href={href} className={`${classes.link} mantine-focus-auto`}>
      {children}
    </Link>
  );
}

export type BadgeColor = "green" | "cyan" | "blue" | "orange" | "grape" | "red" | "gray";

/**
 * A badge as a plain element. Unlike Mantine's, it never cuts its text off: `wrap` lets a long
 * label take a second line in a narrow column; without it the column makes room.
 */
export function PlainBadge({ color, variant, wrap, children }: { color?: BadgeColor; variant?: "light" | "outline"; wrap?: boolean; children: ReactNode }) {
  return (
    <span className={classes.badge} data-color={color} data-variant={variant === "outline" ? "outline" : undefined} data-wrap={wrap ? "" : undefined}>
      {children}
    </span>
  );
}
