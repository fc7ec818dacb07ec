"use client";

import { useEffect } from "react";

/**
 * Keeps every tab of this browser in the same world as the playground cookie they share: each page
 * tells the others which playground it was rendered in (or none), and a tab rendered in another one
 * reloads. Without it a tab left open on a playground would, after leaving it in another tab, send
 * its next change to the real data. (The server refuses changes from a playground that is gone; a
 * cookie that is simply no longer set looks like ordinary real-data use to it.)
 */
export function PlaygroundTabSync({ playgroundId }: { playgroundId: string | null }) {
  useEffect(() => {
    if (typeof BroadcastChannel === "undefined") return;
    const channel = new BroadcastChannel("apb-playground");
    channel.onmessage = (event: MessageEvent<string | null>) => {
      if (event.data !== playgroundId) window.location.reload();
    };
    channel.postMessage(playgroundId);
    return () => channel.close();
  }, [playgroundId]);
  return null;
}
