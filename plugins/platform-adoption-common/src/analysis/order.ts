/**
 * Code-point order of two strings. For ids (hex) and refs it orders as the
 * database does, and it costs a fraction of `localeCompare`, which showed
 * in the profile of every analysis at 50,000 entities.
 *
 * @public
 */
export const codePointOrder = (a: string, b: string) => {
  if (a === b) return 0;
  return a < b ? -1 : 1;
};
