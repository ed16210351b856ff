// The fetch orval's generated functions call (its `mutator`): base URL and key from the
// environment, the parsed body and status returned in the shape orval's types expect.
import { settings } from './scenario';

export async function angoFetch<T>(url: string, init: RequestInit): Promise<T> {
  const { baseUrl, apiKey } = settings();
  const headers = new Headers(init.headers);
  headers.set('apikey', apiKey);
  const response = await fetch(`${baseUrl}${url}`, { ...init, headers });
  const text = await response.text();
  const data: unknown = text ? JSON.parse(text) : {};
  return { status: response.status, data, headers: response.headers } as T;
}
