// swagger-typescript-api: one Api class, methods grouped by the path's first segment; each
// resolves to the fetch Response with `data` parsed on 2xx and rejects otherwise. It sends
// the chat upload URL-encoded (the body's second media type), which drops the file, unless
// the call asks for multipart with `{ type: ContentType.FormData }`. Enums are TypeScript enums.
import { Api, BooleanString, ContentType, ExportType, StorageFileType } from './generated/swagger-typescript-api/api';
import camelCase = require('lodash/camelCase');
import { need, main, type Settings } from './scenario';
import { byName, type Caller, formObject, isMultipart, type Operation } from './steps';

// swagger-typescript-api 13.13.0 (templates/default/procedure-call.ejs): the method
// `api.<camelCase of the path's first segment>.<operationId>` takes the path parameters in
// spec order, the query object, the body, then request params; optional ones (a query with no
// required parameter, a body declared `required: false`; an undeclared `required` counts as
// required) move after the required ones. Multipart must be asked for, as in the scenario.
function positional(op: Operation, c: { path: Record<string, unknown>; query: unknown; body: unknown }, params: object) {
  const args = op.parameters.filter((p) => p.in === 'path').map((p) => ({ value: c.path[p.name], optional: !p.required }));
  const queried = op.parameters.filter((p) => p.in === 'query');
  if (queried.length) args.push({ value: c.query, optional: !queried.some((p) => p.required) });
  if (op.body) args.push({ value: c.body, optional: op.body.required === false });
  args.push({ value: params, optional: true });
  return [...args.filter((a) => !a.optional), ...args.filter((a) => a.optional)].map((a) => a.value);
}

type Fn = (...args: unknown[]) => Promise<{ status: number; data: unknown }>;
const call = (settings: Settings): Caller => {
  const api = client(settings);
  return async (c) => {
    const group = byName(api as unknown as Record<string, Record<string, Fn>>, camelCase(c.op.path.split('/').filter(Boolean)[0] ?? ''));
    const fn = byName(group, c.op.id);
    if (typeof fn !== 'function') throw new Error(`swagger-typescript-api generated no method for ${c.op.id} (${c.op.path})`);
    const multipart = isMultipart(c);
    const args = positional(c.op, { ...c, body: multipart ? formObject(c) : c.body }, multipart ? { type: ContentType.FormData } : {});
    try {
      const r = await fn.apply(group, args);
      return { ok: true, status: r.status, data: r.data };
    } catch (error: unknown) {
      if (error instanceof Response) return { ok: false, status: error.status, data: (error as Response & { error?: unknown }).error };
      throw error;
    }
  };
};

function client({ baseUrl, apiKey }: Settings) {
  return new Api({ baseUrl, baseApiParams: { headers: { apikey: apiKey } } });
}

main('swagger-typescript-api', (settings) => {
  const { project } = settings;
  const api = client(settings);
  return {
    async getUploadUrl(name) {
      return (await api.getUploadUrl.getUploadUrl({ name, project, type: StorageFileType.Assets })).data.data.uploadUrl;
    },
    async getSignedUrl(url) {
      // The official SDK's form of the request: `name` instead of `url`.
      return (await api.getSignedUrl.getSignedUrl({ name: url, project })).data.data.signedUrl;
    },
    async importCloudAssets(assets) {
      const r = await api.project.importCloudAssets(project, { assets, uploadLocal: null });
      return r.data.data.assets?.assetsCreated ?? -1;
    },
    async uploadChatAssets(file) {
      const named = new File([file], 'conversations.json', { type: file.type }); // typed File, not Blob
      const r = await api.project.uploadChatAssets(project, { file: named }, { type: ContentType.FormData });
      return r.data.data.assets?.assetsCreated ?? -1;
    },
    async listAssets(externalId) {
      const r = await api.project.listAssets(project, { filters: JSON.stringify({ externalId }) });
      return { ids: r.data.data.assets.map((a) => need(a._id, 'asset._id')), total: r.data.data.total };
    },
    async updateAsset(assetId, metadata) {
      return need((await api.assets.updateAsset(assetId, { metadata })).data.data.asset, 'asset').metadata;
    },
    async assignBatches(assets, batches) {
      return (await api.assignBatches.assignBatches({ projectId: project, assets, batches })).data.data.assets?.modifiedCount ?? -1;
    },
    async importAttachments(externalId, attachmentUrl) {
      const r = await api.attachments.importAttachments({ project, attachments: [{ externalId, attachmentUrl }] });
      return r.data.data.project?.attachmentsImported ?? -1;
    },
    async importLabels(externalId) {
      return (await api.import.importLabels({ project, labels: [{ externalId, answer: {} }] })).data.data.project ?? '';
    },
    async exportTasks(v3) {
      const r = v3
        ? await api.exportV3.exportTasksV3({ project, type: ExportType.Task })
        : await api.export.exportTasks({ project, includeHistory: BooleanString.False });
      return r.data.data.exportPath;
    },
    async listProjects() {
      return (await api.listProjects.listProjects({ page: 1 })).data.data.projects.map((p) => need(p._id, 'project._id'));
    },
    async deleteAssets(assets) {
      return (await api.project.deleteAssets(project, { assets })).data.data.deleted ?? -1;
    },
  };
}, call);
