/**
 * The message namespaces the browser gets. The interface messages are ~40 KB of JSON; sent whole,
 * they were half of every page's RSC payload. The frame's client components (navigation, language
 * switch, playground banner) get their words as props, so the shell passes FRAME_NAMESPACES (none
 * today); each page passes the namespaces of
 * its own client components (components/i18n/client-messages.tsx). lib/i18n/client-namespaces.test.ts
 * follows every page's imports and fails when a client component uses a namespace its page does
 * not pass.
 */
export const FRAME_NAMESPACES: readonly string[] = [];

export function pickNamespaces(messages: Record<string, unknown>, namespaces: readonly string[]): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const namespace of new Set([...FRAME_NAMESPACES, ...namespaces])) if (namespace in messages) picked[namespace] = messages[namespace];
  return picked;
}
