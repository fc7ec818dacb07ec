import "@mantine/core/styles.css";
import { ColorSchemeScript } from "@mantine/core";
import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";
import { Providers } from "@/components/providers";
import { FRAME_NAMESPACES, pickNamespaces } from "@/lib/i18n/client-namespaces";

/**
 * What every screen of the application runs in: Mantine's styles and provider, the query client and
 * the frame's interface messages (pages pass their own: components/i18n/client-messages.tsx). Kept out of the root layout so that a page may do without them (the bench
 * anchor, app/(bench)/bench/anchor): the root layout wraps every route, a nested one only its own.
 * (Nor in the root not-found: Next.js serialises that into every page's RSC payload.)
 * The colour-scheme script sits at the start of the body (a nested layout cannot write the head);
 * it still runs before anything is painted.
 */
export async function UiShell({ children }: { children: ReactNode }) {
  return (
    <>
      <ColorSchemeScript />
      <NextIntlClientProvider messages={pickNamespaces(await getMessages(), FRAME_NAMESPACES)}>
        <Providers>{children}</Providers>
      </NextIntlClientProvider>
    </>
  );
}
