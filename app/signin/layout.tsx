import type { ReactNode } from "react";
import { UiShell } from "../_components/ui-shell";

export default function SignInLayout({ children }: { children: ReactNode }) {
  return <UiShell>{children}</UiShell>;
}
