import Link from "next/link";
import type { ReactNode } from "react";
import classes from "./anchor-link.module.css";

/** A Next link in the look of Mantine's Anchor; a plain element, so it costs a page nothing to render. */
export function AnchorLink({ href, bold, children }: { href: string; bold?: boolean; children: ReactNode }) {
  return (
    <Link href={href} className={classes.link} data-bold={bold ? "" : undefined}>
      {children}
    </Link>
  );
}
