import "server-only";
import { cookies } from "next/headers";

/** The cookie that says which of the user's playgrounds a browser works in; absent: real data. */
export const PLAYGROUND_COOKIE = "apb-speeltuin";

/** The browser works in this playground from now on, or (null) with real data again. */
export async function setPlaygroundCookie(playgroundId: string | null): Promise<void> {
  const store = await cookies();
  if (playgroundId) store.set(PLAYGROUND_COOKIE, playgroundId, { path: "/", httpOnly: true, sameSite: "lax", secure: process.env.NODE_ENV === "production" && process.env.AUTH_URL?.startsWith("https:") });
  else store.delete(PLAYGROUND_COOKIE);
}
