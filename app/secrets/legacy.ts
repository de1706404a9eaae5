/** The mark of a secret stored in plain text before secrets were sealed: opened as is, sealed at the next save. */
export const LEGACY_PLAIN = "plain:";
