// A row the request names that is not in the shop (NotFound, thrown by app/models): the route
// answers 404 in its own shape; anything else thrown goes on.
import { NotFound } from "../models/errors";

export async function orNotFound<T, U>(work: Promise<T>, answer: (error: NotFound) => U): Promise<T | U> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof NotFound) return answer(error);
    throw error;
  }
}
