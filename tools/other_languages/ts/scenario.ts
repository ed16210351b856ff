// The one workflow every generated TypeScript client runs against the mock: each operation of
// the spec once (export twice: /export and /exportV3), checking what comes back. An adapter per
// generator (../ts/<generator>.ts) says how that generator's client makes each call, which is
// also what docs/FOR-OTHER-LANGUAGES.md shows. Then every steps file (../steps/*.json) is
// played through the adapter's one generic `Caller` (steps.ts): operations added as data.
import { type Caller, playSteps } from './steps';

// The two bits of Node used here, declared rather than pulling in @types/node.
declare const process: { env: Record<string, string | undefined>; exit(code: number): never };

export interface Settings {
  baseUrl: string; // the API, ending in /v2
  apiKey: string;
  project: string;
}

export interface Client {
  getUploadUrl(name: string): Promise<string>; // data.uploadUrl
  getSignedUrl(url: string): Promise<string>; // data.signedUrl
  importCloudAssets(assets: { data: string; externalId: string }[]): Promise<number>; // assetsCreated
  uploadChatAssets(file: Blob): Promise<number>; // assetsCreated, multipart with the file
  listAssets(externalId: string): Promise<{ ids: string[]; total: number }>;
  updateAsset(assetId: string, metadata: Record<string, string>): Promise<unknown>; // asset.metadata
  assignBatches(assetIds: string[], batches: string[]): Promise<number>; // modifiedCount
  importAttachments(externalId: string, url: string): Promise<number>; // attachmentsImported
  importLabels(externalId: string): Promise<string>; // data.project
  exportTasks(v3: boolean): Promise<string>; // data.exportPath
  deleteAssets(assetIds: string[]): Promise<number>; // deleted
  listProjects(): Promise<string[]>; // data.projects[]._id
}

export function settings(): Settings {
  const get = (name: string): string => {
    const value = process.env[name];
    if (!value) throw new Error(`${name} is not set`);
    return value;
  };
  return { baseUrl: get('ANGO_BASE_URL'), apiKey: get('ANGO_API_KEY'), project: get('ANGO_PROJECT') };
}

export function expect(what: string, actual: unknown, expected: unknown): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}

// A failed call: the generators disagree on how they report one, so adapters throw this.
export function fail(operation: string, status: number, body: unknown): never {
  throw new Error(`${operation}: HTTP ${status} ${JSON.stringify(body)}`);
}

// A field the scenario needs from an answer. The spec marks answer fields required only where a
// source shows them (docs/DISCREPANCIES.md row 83), so generated types leave most optional.
export function need<T>(value: T | null | undefined, what: string): T {
  if (value === undefined || value === null) throw new Error(`the answer has no ${what}`);
  return value;
}

export async function run(generator: string, client: Client): Promise<void> {
  expect('listProjects has the project', (await client.listProjects()).includes(settings().project), true);
  const externalId = `${generator}-cat.png`;
  const bytes = new TextEncoder().encode(`\x89PNG fake image from ${generator}`);

  const uploadUrl = await client.getUploadUrl(externalId);
  const put = await fetch(uploadUrl, { method: 'PUT', body: bytes });
  expect('PUT to the upload URL', put.status, 200);
  const dataUrl = uploadUrl.split('?')[0] ?? uploadUrl;

  expect('importCloudAssets assetsCreated', await client.importCloudAssets([{ data: dataUrl, externalId }]), 1);

  const signed = await client.getSignedUrl(dataUrl);
  const fetched = new Uint8Array(await (await fetch(signed)).arrayBuffer());
  expect('bytes behind the signed URL', Array.from(fetched), Array.from(bytes));

  // Two conversations in the file: the mock creates one asset per conversation it reads, so
  // 2 proves the file arrived and was parsed (without it the mock creates none).
  const conversations = [
    { messages: [{ role: 'user', content: `Hello from ${generator}` }] },
    { messages: [{ role: 'user', content: 'Second conversation' }] },
  ];
  const chatFile = new Blob([JSON.stringify(conversations)], { type: 'application/json' });
  expect('uploadChatAssets assetsCreated', await client.uploadChatAssets(chatFile), 2);

  const listed = await client.listAssets(externalId);
  expect('listAssets total', listed.total, 1);
  const assetId = listed.ids[0];
  if (!assetId) throw new Error('listAssets: no asset');

  expect('updateAsset metadata', await client.updateAsset(assetId, { generator }), { generator });
  expect('assignBatches modifiedCount', await client.assignBatches([assetId], [`${generator} batch`]), 1);
  expect(
    'importAttachments attachmentsImported',
    await client.importAttachments(externalId, 'https://example.com/spec.pdf'),
    1,
  );
  expect('importLabels', await client.importLabels(externalId), '1 / 1 tasks are labeled.');

  for (const v3 of [false, true]) {
    const archive = await fetch(await client.exportTasks(v3));
    const head = new Uint8Array(await archive.arrayBuffer()).slice(0, 2);
    expect(`export${v3 ? 'V3' : ''} archive starts like a zip`, new TextDecoder().decode(head), 'PK');
  }

  expect('deleteAssets deleted', await client.deleteAssets([assetId]), 1);
  expect('listAssets total after delete', (await client.listAssets(externalId)).total, 0);
  console.log(`${generator}: every operation answered as expected`);
}

export function main(generator: string, client: (s: Settings) => Client, call: (s: Settings) => Caller): void {
  const given = settings();
  const both = async () => {
    await run(generator, client(given));
    const played = await playSteps(generator, given.project, call(given));
    console.log(`${generator}: ${played} steps answered as expected`);
  };
  both().catch((error: unknown) => {
    console.error(`${generator}: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
