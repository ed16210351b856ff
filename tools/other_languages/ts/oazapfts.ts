// oazapfts: one function per operation; each resolves to `{status, data}` for every declared
// status, so the caller narrows on `status`. Base URL and key go in the exported `defaults`.
import * as api from './generated/oazapfts/api';
import camelCase = require('lodash/camelCase');
import * as ts from 'typescript';
import { need, fail, main, type Settings } from './scenario';
import { byName, type Caller, formObject, isMultipart, type Operation, type Parameter } from './steps';

// The arguments oazapfts 7.5.0 writes (argumentStyle "positional", its default): the required
// parameters in spec order, then the body if the operation has one, then an object of the
// optional parameters, then request options. The object's keys are identifiers made as
// oazapfts makes them (src/helpers/toIdentifier.ts): lodash camelCase, `$` before a
// TypeScript keyword (`type` -> `$type`), the location appended when two names collide.
function identifier(name: string): string {
  const camel = camelCase(name);
  const valid = /^[A-Za-z_$][\w$]*$/.test(camel) && ts.identifierToKeywordKind(ts.factory.createIdentifier(camel)) === undefined;
  return valid ? camel : `$${camel}`;
}

function identifiers(parameters: Parameter[]): Map<Parameter, string> {
  const names = new Map<Parameter, string>();
  for (const p of [...parameters].sort((a, b) => a.name.length - b.name.length)) {
    const name = identifier(p.name);
    names.set(p, [...names.values()].includes(name) ? name + p.in.charAt(0).toUpperCase() + p.in.slice(1) : name);
  }
  return names;
}

function positional(op: Operation, values: Record<string, unknown>, body: unknown): unknown[] {
  const names = identifiers(op.parameters);
  const args: unknown[] = op.parameters.filter((p) => p.required).map((p) => values[p.name]);
  if (op.body) args.push(body);
  const optional = op.parameters.filter((p) => !p.required);
  if (optional.length) args.push(Object.fromEntries(optional.map((p) => [names.get(p), values[p.name]])));
  return args;
}

type Fn = (...args: unknown[]) => Promise<{ status: number; data: unknown }>;
const call = (settings: Settings): Caller => {
  configure(settings);
  return async (c) => {
    const fn = byName(api as unknown as Record<string, Fn>, c.op.id);
    if (typeof fn !== 'function') throw new Error(`oazapfts generated no function ${c.op.id}`);
    const body = isMultipart(c) ? formObject(c) : c.body;
    const r = await fn(...positional(c.op, { ...c.path, ...c.query }, body));
    return { ok: r.status >= 200 && r.status < 300, status: r.status, data: r.data };
  };
};

function configure({ baseUrl, apiKey }: Settings) {
  api.defaults.baseUrl = baseUrl;
  api.defaults.headers = { apikey: apiKey };
}

main('oazapfts', (settings) => {
  const { project } = settings;
  configure(settings);
  return {
    async getUploadUrl(name) {
      const r = await api.getUploadUrl(name, project);
      return r.status === 201 ? r.data.data.uploadUrl : fail('getUploadUrl', r.status, r.data);
    },
    async getSignedUrl(url) {
      const r = await api.getSignedUrl({ url });
      return r.status === 201 ? r.data.data.signedUrl : fail('getSignedUrl', r.status, r.data);
    },
    async importCloudAssets(assets) {
      const r = await api.importCloudAssets(project, { assets, uploadLocal: 'false' });
      return r.status === 200 || r.status === 201
        ? (r.data.data.assets?.assetsCreated ?? -1)
        : fail('importCloudAssets', r.status, r.data);
    },
    async uploadChatAssets(file) {
      const r = await api.uploadChatAssets(project, { file });
      return r.status === 201 ? (r.data.data.assets?.assetsCreated ?? -1) : fail('uploadChatAssets', r.status, r.data);
    },
    async listAssets(externalId) {
      const r = await api.listAssets(project, { externalId });
      return r.status === 200
        ? { ids: r.data.data.assets.map((a) => need(a._id, 'asset._id')), total: r.data.data.total }
        : fail('listAssets', r.status, r.data);
    },
    async updateAsset(assetId, metadata) {
      const r = await api.updateAsset(assetId, { metadata });
      return r.status === 200 ? need(r.data.data.asset, 'asset').metadata : fail('updateAsset', r.status, r.data);
    },
    async assignBatches(assets, batches) {
      const r = await api.assignBatches({ project, assets, batches });
      return r.status === 200 ? (r.data.data.assets?.modifiedCount ?? -1) : fail('assignBatches', r.status, r.data);
    },
    async importAttachments(externalId, attachmentUrl) {
      const r = await api.importAttachments({ project, attachments: [{ externalId, attachmentUrl, attachmentType: 'pdf' }] });
      return r.status === 200
        ? (r.data.data.project?.attachmentsImported ?? -1)
        : fail('importAttachments', r.status, r.data);
    },
    async importLabels(externalId) {
      const r = await api.importLabels({ project, labels: [{ externalId, answer: { objects: [] } }] });
      return r.status === 200 ? (r.data.data.project ?? '') : fail('importLabels', r.status, r.data);
    },
    async exportTasks(v3) {
      const r = v3 ? await api.exportTasksV3(project, { format: 'json' }) : await api.exportTasks(project, { format: 'ndjson' });
      return r.status === 200 ? r.data.data.exportPath : fail('exportTasks', r.status, r.data);
    },
    async listProjects() {
      const r = await api.listProjects({ limit: 100 });
      return r.status === 200 ? r.data.data.projects.map((p) => need(p._id, 'project._id')) : fail('listProjects', r.status, r.data);
    },
    async deleteAssets(assets) {
      const r = await api.deleteAssets(project, { assets });
      return r.status === 200 ? (r.data.data.deleted ?? -1) : fail('deleteAssets', r.status, r.data);
    },
  };
}, call);
