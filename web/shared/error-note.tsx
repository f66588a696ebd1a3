/** An error message announced to screen readers; nothing when there is none. */
export function ErrorNote({ message }: { message: string | null | undefined }) {
  if (message === null || message === undefined || message === "") return null;
  return (
    <p class="error" role="alert">
      {message}
    </p>
  );
}
