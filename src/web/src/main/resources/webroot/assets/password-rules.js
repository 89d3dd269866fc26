// The API's rule for new passwords, checked in the browser first: 12 characters to 72 UTF-8 bytes (bcrypt reads no
// more, and the hub refuses rather than truncates).

export const MIN_PASSWORD = 12;
const MAX_PASSWORD_BYTES = 72;

/** What is wrong with a new password, or null. */
export function passwordProblem(password) {
  if (password.length < MIN_PASSWORD) {
    return `Use at least ${MIN_PASSWORD} characters.`;
  }
  if (new TextEncoder().encode(password).length > MAX_PASSWORD_BYTES) {
    return `Use at most ${MAX_PASSWORD_BYTES} bytes (fewer with accents or emoji).`;
  }
  return null;
}
