// orval (fetch client, ../orval.config.cjs): one function per operation resolving to
// `{status, data, headers}` for every declared status; the caller narrows on `status`.
import * as api from './generated/orval/api';
import { need, fail, main } from './scenario';
import { byName, type Caller, formObject, isMultipart, type Operation } from './steps';

// The arguments orval 8.38.0 writes (@orval/core getProps, then sortByPriority): the path
// parameters in the order of the path's placeholders, the body, then `params` (the query
// parameters by their spec names); arguments that are optional move after the required ones,
// and those with a default go last. Then request options.
interface Arg {
  value: unknown;
  required: boolean;
  hasDefault: boolean;
}

function positional(op: Operation, path: Record<string, unknown>, query: Record<string, unknown>, body: unknown): unknown[] {
  const placeholders = [...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
  const args: Arg[] = placeholders.map((name) => {
    const p = op.parameters.find((q) => q.in === 'path' && q.name === name);
    return { value: path[name ?? ''], required: p?.required ?? false, hasDefault: p?.default !== undefined };
  });
  if (op.body) args.push({ value: body, required: op.body.required === true, hasDefault: false });
  const queried = op.parameters.filter((p) => p.in === 'query');
  if (queried.length) args.push({ value: query, required: queried.some((p) => p.required), hasDefault: false });
  // orval's sortByPriority (a stable sort)
  return args.sort((a, b) => {
    if (a.hasDefault !== b.hasDefault) return a.hasDefault ? 1 : -1;
    if (a.required === b.required) return 0;
    return a.required ? -1 : 1;
  }).map((a) => a.value);
}

type Fn = (...args: unknown[]) => Promise<{ status: number; data: unknown }>;
const call = (): Caller => async (c) => {
  const fn = byName(api as unknown as Record<string, Fn>, c.op.id);
  if (typeof fn !== 'function') throw new Error(`orval generated no function ${c.op.id}`);
  const r = await fn(...positional(c.op, c.path, c.query, isMultipart(c) ? formObject(c) : c.body));
  return { ok: r.status >= 200 && r.status < 300, status: r.status, data: r.data };
};

main('orval', ({ project }) => ({
  async getUploadUrl(name) {
    const r = await api.getUploadUrl({ name, project });
    return r.status === 201 ? r.data.data.uploadUrl : fail('getUploadUrl', r.status, r.data);
  },
  async getSignedUrl(url) {
    const r = await api.getSignedUrl({ url, project, type: 'assets' });
    return r.status === 201 ? r.data.data.signedUrl : fail('getSignedUrl', r.status, r.data);
  },
  async importCloudAssets(assets) {
    const r = await api.importCloudAssets(project, { assets: assets.map((a) => ({ ...a, metadata: { from: 'orval' } })) });
    return r.status === 200 || r.status === 201
      ? (r.data.data.assets?.assetsCreated ?? -1)
      : fail('importCloudAssets', r.status, r.data);
  },
  async uploadChatAssets(file) {
    const r = await api.uploadChatAssets(project, { file, priority: 1 });
    return r.status === 201 ? (r.data.data.assets?.assetsCreated ?? -1) : fail('uploadChatAssets', r.status, r.data);
  },
  async listAssets(externalId) {
    const r = await api.listAssets(project, { externalId, page: 1 });
    return r.status === 200
      ? { ids: r.data.data.assets.map((a) => need(a._id, 'asset._id')), total: r.data.data.total }
      : fail('listAssets', r.status, r.data);
  },
  async updateAsset(assetId, metadata) {
    const r = await api.updateAsset(assetId, { metadata });
    return r.status === 200 ? need(r.data.data.asset, 'asset').metadata : fail('updateAsset', r.status, r.data);
  },
  async assignBatches(assetIds, batches) {
    const r = await api.assignBatches({ projectId: project, assetIds, batches });
    return r.status === 200 ? (r.data.data.assets?.modifiedCount ?? -1) : fail('assignBatches', r.status, r.data);
  },
  async importAttachments(externalId, attachmentUrl) {
    const r = await api.importAttachments({ project, attachments: [{ externalId, attachmentUrl }] });
    return r.status === 200 ? (r.data.data.project?.attachmentsImported ?? -1) : fail('importAttachments', r.status, r.data);
  },
  async importLabels(externalId) {
    const r = await api.importLabels({ project, jsonContent: [{ externalId, answer: {} }] });
    return r.status === 200 ? (r.data.data.project ?? '') : fail('importLabels', r.status, r.data);
  },
  async exportTasks(v3) {
    const r = v3 ? await api.exportTasksV3({ project, sendEmail: 'false' }) : await api.exportTasks({ project, type: 'task' });
    return r.status === 200 ? r.data.data.exportPath : fail('exportTasks', r.status, r.data);
  },
  async listProjects() {
    const r = await api.listProjects({ sort: '-createdAt' });
    return r.status === 200 ? r.data.data.projects.map((p) => need(p._id, 'project._id')) : fail('listProjects', r.status, r.data);
  },
  async deleteAssets(assets) {
    const r = await api.deleteAssets(project, { assets });
    return r.status === 200 ? (r.data.data.deleted ?? -1) : fail('deleteAssets', r.status, r.data);
  },
}), call);
