/**
 * The data of a typed client's answer. The client's middleware throws an ApiError on a failed
 * answer, so what reaches here succeeded (a 204 has no data):
 *
 *   const session = await call(client.GET('/api/sessions/{id}', { params: { path: { id } } }));
 */
export async function call<T>(answer: Promise<{ data?: T }>): Promise<T> {
  const { data } = await answer;
  return data as T;
}
