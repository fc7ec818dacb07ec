import { Alert } from "@mantine/core";

/** The message of a refused or failed server action, announced to screen readers; nothing when there is none. */
export function ActionError({ error }: { error: { message: string } | undefined }) {
  if (!error) return null;
  return (
    <Alert color="red" role="alert">
      {error.message}
    </Alert>
  );
}
