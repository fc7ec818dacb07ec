import type { ButtonHTMLAttributes } from "react";
import classes from "./app-frame.module.css";

/** A button of the header (language, sign out) in the look of Mantine's compact-sm button, without Mantine. */
export function FrameButton({ variant = "default", ...props }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: "default" | "filled" | "subtle" }) {
  return <button type="button" {...props} className={classes.button} data-variant={variant === "default" ? undefined : variant} />;
}

export const localeButtonsClass = classes.localeButtons;
