import type { ButtonHTMLAttributes } from "react";
import classes from "./compact-button.module.css";

export type CompactButtonVariant = "default" | "filled" | "subtle" | "link";

/** Mantine's compact-sm button as a plain element: usable from server and client components alike. */
export function CompactButton({ variant = "default", ...props }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: CompactButtonVariant }) {
  return <button type="button" {...props} className={classes.button} data-variant={variant === "default" ? undefined : variant} />;
}
