// openapi-typescript (default options) for the types, openapi-fetch for the calls: one typed
// client, paths as written in the spec; `data` is set on 2xx, `error` otherwise. Multipart
// needs a `bodySerializer` that builds the FormData (openapi-fetch sends JSON by default), and
// `format: binary` is typed `string`, so the Blob is cast.
import createClient from 'openapi-fetch';
import type { paths } from './generated/openapi-typescript/schema';
import { need, fail, main, type Settings } from './scenario';
import { type Caller, formData, isMultipart } from './steps';

const client = ({ baseUrl, apiKey }: Settings) => createClient<paths>({ baseUrl, headers: { apikey: apiKey } });

// Any operation: `api.GET/POST/...(path as in the spec, { params: { path, query }, body })`.
// The typed methods take only the spec's paths, so the generic call loosens their type.
type Loose = (
  path: string,
  init: { params: object; body?: unknown; bodySerializer?: (body: unknown) => FormData },
) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
const call = (settings: Settings): Caller => {
  const api = client(settings) as unknown as Record<string, Loose>;
  return async (c) => {
    const send = api[c.op.method];
    if (!send) throw new Error(`openapi-fetch has no ${c.op.method} method`);
    const multipart = isMultipart(c) ? { body: {}, bodySerializer: () => formData(c) } : {};
    const { data, error, response } = await send(c.op.path, {
      params: { path: c.path, query: c.query },
      ...(c.body !== undefined ? { body: c.body } : {}),
      ...multipart,
    });
    return { ok: response.ok, status: response.status, data: response.ok ? data : error };
  };
};

main('openapi-typescript+openapi-fetch', (settings) => {
  const { project } = settings;
  const api = client(settings);
  const path = { projectId: project };
  return {
    async getUploadUrl(name) {
      const { data, error, response } = await api.GET('/getUploadUrl', { params: { query: { name, project } } });
      return data ? data.data.uploadUrl : fail('getUploadUrl', response.status, error);
    },
    async getSignedUrl(url) {
      const { data, error, response } = await api.GET('/getSignedUrl', { params: { query: { url } } });
      return data ? data.data.signedUrl : fail('getSignedUrl', response.status, error);
    },
    async importCloudAssets(assets) {
      const { data, error, response } = await api.POST('/project/{projectId}/cloud', {
        params: { path },
        body: { assets },
      });
      return data ? (data.data.assets?.assetsCreated ?? -1) : fail('importCloudAssets', response.status, error);
    },
    async uploadChatAssets(file) {
      const { data, error, response } = await api.POST('/project/{projectId}/chat', {
        params: { path },
        body: { file: file as unknown as string },
        bodySerializer(body) {
          const form = new FormData();
          for (const [key, value] of Object.entries(body ?? {})) form.append(key, value as Blob | string);
          return form;
        },
      });
      return data ? (data.data.assets?.assetsCreated ?? -1) : fail('uploadChatAssets', response.status, error);
    },
    async listAssets(externalId) {
      const { data, error, response } = await api.GET('/project/{projectId}/assets', {
        params: { path, query: { externalId } },
      });
      return data
        ? { ids: data.data.assets.map((a) => need(a._id, 'asset._id')), total: data.data.total }
        : fail('listAssets', response.status, error);
    },
    async updateAsset(assetId, metadata) {
      const { data, error, response } = await api.POST('/assets/{assetId}', {
        params: { path: { assetId } },
        body: { metadata },
      });
      return data ? need(data.data.asset, 'asset').metadata : fail('updateAsset', response.status, error);
    },
    async assignBatches(assets, batches) {
      const { data, error, response } = await api.POST('/assignBatches', { body: { projectId: project, assets, batches } });
      return data ? (data.data.assets?.modifiedCount ?? -1) : fail('assignBatches', response.status, error);
    },
    async importAttachments(externalId, attachmentUrl) {
      const { data, error, response } = await api.POST('/attachments', {
        body: { project, attachments: [{ externalId, attachmentUrl }] },
      });
      return data ? (data.data.project?.attachmentsImported ?? -1) : fail('importAttachments', response.status, error);
    },
    async importLabels(externalId) {
      const { data, error, response } = await api.POST('/import/labels', {
        body: { project, jsonContent: [{ externalId, answer: { classifications: [] } }] },
      });
      return data ? (data.data.project ?? '') : fail('importLabels', response.status, error);
    },
    async exportTasks(v3) {
      const query = { project, format: 'json' as const, includeAssets: 'true' as const };
      const { data, error, response } = v3
        ? await api.GET('/exportV3', { params: { query } })
        : await api.GET('/export', { params: { query } });
      return data ? data.data.exportPath : fail('exportTasks', response.status, error);
    },
    async listProjects() {
      const { data, error, response } = await api.GET('/listProjects', { params: { query: { limit: 100 } } });
      return data ? data.data.projects.map((p) => need(p._id, 'project._id')) : fail('listProjects', response.status, error);
    },
    async deleteAssets(assets) {
      const { data, error, response } = await api.DELETE('/project/{projectId}/assets', {
        params: { path },
        body: { assets },
      });
      return data ? (data.data.deleted ?? -1) : fail('deleteAssets', response.status, error);
    },
  };
}, call);
