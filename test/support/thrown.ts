/** Test support: runs an action that must throw an error of the given class, and returns that error. */

export function thrown<E extends Error>(
  action: () => unknown,
  errorClass: new (...args: never[]) => E,
): E {
  try {
    action();
  } catch (error) {
    if (error instanceof errorClass) return error;
    throw error;
  }
  throw new Error(`expected ${errorClass.name} to be thrown`);
}
