// A typed consumer of the spec: proves that the TypeScript types openapi-typescript generates
// from openapi.yaml (ts/generated/) describe three real calls. `make ts-check` compiles this
// with `tsc --strict --noEmit`; nothing here runs. If the spec changes a type these lines rely
// on, compilation fails, which is the point.
import type { components, operations } from '../generated/ango-hub';

type Schemas = components['schemas'];

// listAssets: the 200 body, read field by field.
type ListAssetsOk =
  operations['listAssets']['responses'][200]['content']['application/json'];

export function summarisePage(page: ListAssetsOk): string {
  // Type-level assertions: each fails to compile if the field's type changes in the spec.
  const total: number = page.data.total;
  const firstId: string | undefined = page.data.assets[0]?._id;
  const status: string = page.status;
  const external: string | null | undefined = page.data.assets[0]?.externalId;
  return `${status}: ${page.data.assets.length} of ${total} (first ${firstId ?? '-'}, ${external ?? '-'})`;
}

// importCloudAssets: a request body as the official SDK sends it after local uploads.
type CloudImportBody =
  operations['importCloudAssets']['requestBody']['content']['application/json'];

export const cloudImport: CloudImportBody = {
  assets: [
    { data: 'https://bucket.s3.amazonaws.com/project/assets/5f2b.jpg', externalId: 'cat.jpg', metadata: null },
  ],
  uploadLocal: 'true',
  priority: 0,
};

// `uploadLocal` is the text "true"/"false" (or null), never a JSON boolean.
const uploadLocal: Schemas['UploadLocal'] | null | undefined = cloudImport.uploadLocal;
void uploadLocal;

// exportTasks: query parameters; `project` is required, enums are closed.
type ExportQuery = operations['exportTasks']['parameters']['query'];

export const exportQuery: ExportQuery = {
  project: '507f1f77bcf86cd799439011',
  format: 'ndjson',
  includeAssets: 'true',
  batches: '["65a1f0c2e4b0a1b2c3d4e5f6"]',
};

const formats: Array<Schemas['ExportFormat']> = ['json', 'ndjson', 'split'];
void formats;

type ExportOk = operations['exportTasks']['responses'][200]['content']['application/json'];
export const exportPath = (answer: ExportOk): string => answer.data.exportPath;

// Negative checks: the compiler must reject these; if the spec loosens, the directive itself
// becomes an error ("Unused '@ts-expect-error' directive").
// @ts-expect-error `project` is a required query parameter of exportTasks.
export const missingProject: ExportQuery = { format: 'json' };
// @ts-expect-error `csv` is not an ExportFormat.
export const badFormat: ExportQuery = { project: 'p', format: 'csv' };
// @ts-expect-error `assets` is required in a cloud import body.
export const noAssets: CloudImportBody = { uploadLocal: 'false' };
