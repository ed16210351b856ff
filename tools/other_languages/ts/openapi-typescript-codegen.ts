// openapi-typescript-codegen (--client fetch --useOptions --useUnionTypes): static service classes by tag,
// one options object per call; a non-2xx answer rejects with ApiError. Base URL and key go in
// the exported OpenAPI config. Enums are string unions (`'split'`): the parameters' documented
// defaults do not compile against its TypeScript enums.
import {
  ApiError,
  AssetsService,
  ImportExportService,
  OpenAPI,
  ProjectsService,
} from './generated/openapi-typescript-codegen';
import * as generated from './generated/openapi-typescript-codegen';
import { need, main, type Settings } from './scenario';
import { byName, type Caller, formObject, isMultipart, type Operation } from './steps';
import camelcase = require('camelcase');

// Names as openapi-typescript-codegen 0.31.0 makes them (camelcase 6, as it uses): the service
// of the operation's first tag, the method from the operationId, each parameter's key in the
// options object (`_` before a JavaScript reserved word), and the body under `formData` when
// its first known media type is a form, else `requestBody`.
const clean = (name: string) => name.replace(/^[^a-zA-Z]+/g, '').replace(/[^\w-]+/g, '-').trim();
const RESERVED =
  /^(arguments|break|case|catch|class|const|continue|debugger|default|delete|do|else|enum|eval|export|extends|false|finally|for|function|if|implements|import|in|instanceof|interface|let|new|null|package|private|protected|public|return|static|super|switch|this|throw|true|try|typeof|var|void|while|with|yield)$/g;
const parameterName = (name: string) => camelcase(clean(name)).replace(RESERVED, '_$1');
const MEDIA = ['application/json-patch+json', 'application/json', 'application/x-www-form-urlencoded', 'text/json', 'text/plain', 'multipart/form-data', 'multipart/mixed', 'multipart/related', 'multipart/batch'];
const bodyName = (op: Operation) => {
  const media = op.body?.media.find((m) => MEDIA.includes(m.split(';')[0]?.trim() ?? ''));
  return media === 'multipart/form-data' || media === 'application/x-www-form-urlencoded' ? 'formData' : 'requestBody';
};

type Method = (options: Record<string, unknown>) => Promise<unknown>;
const call = (settings: Settings): Caller => {
  configure(settings);
  return async (c) => {
    const service = byName(
      generated as unknown as Record<string, Record<string, Method>>,
      `${camelcase(clean(c.op.tag), { pascalCase: true })}Service`,
    );
    const method = byName(service, camelcase(clean(c.op.id)));
    if (!method) throw new Error(`openapi-typescript-codegen generated no ${c.op.tag} service method ${c.op.id}`);
    const options: Record<string, unknown> = {};
    for (const [name, value] of [...Object.entries(c.path), ...Object.entries(c.query)]) options[parameterName(name)] = value;
    if (isMultipart(c)) options[bodyName(c.op)] = formObject(c);
    else if (c.body !== undefined) options[bodyName(c.op)] = c.body;
    try {
      return { ok: true, data: await method.call(service, options) };
    } catch (error: unknown) {
      if (error instanceof ApiError) return { ok: false, status: error.status, data: error.body };
      throw error;
    }
  };
};

function configure({ baseUrl, apiKey }: Settings) {
  OpenAPI.BASE = baseUrl;
  OpenAPI.HEADERS = { apikey: apiKey };
}

main('openapi-typescript-codegen', (settings) => {
  const { project } = settings;
  configure(settings);
  return {
    async getUploadUrl(name) {
      return (await AssetsService.getUploadUrl({ name, project })).data.uploadUrl;
    },
    async getSignedUrl(url) {
      return (await AssetsService.getSignedUrl({ url })).data.signedUrl;
    },
    async importCloudAssets(assets) {
      const r = await AssetsService.importCloudAssets({ projectId: project, requestBody: { assets, priority: 5 } });
      return r.data.assets?.assetsCreated ?? -1;
    },
    async uploadChatAssets(file) {
      const r = await AssetsService.uploadChatAssets({ projectId: project, formData: { file } });
      return r.data.assets?.assetsCreated ?? -1;
    },
    async listAssets(externalId) {
      const r = await AssetsService.listAssets({ projectId: project, externalId, limit: 100 });
      return { ids: r.data.assets.map((a) => need(a._id, 'asset._id')), total: r.data.total };
    },
    async updateAsset(assetId, metadata) {
      return need((await AssetsService.updateAsset({ assetId, requestBody: { metadata } })).data.asset, 'asset').metadata;
    },
    async assignBatches(assetIds, batches) {
      const r = await AssetsService.assignBatches({ requestBody: { project, assetIds, batches, mode: 'add' } });
      return r.data.assets?.modifiedCount ?? -1;
    },
    async importAttachments(externalId, attachmentUrl) {
      const r = await ImportExportService.importAttachments({
        requestBody: { project, attachments: [{ externalId, attachmentUrl }] },
      });
      return r.data.project?.attachmentsImported ?? -1;
    },
    async importLabels(externalId) {
      const r = await ImportExportService.importLabels({
        requestBody: { project, labels: [{ externalId, answer: { relations: [] }, status: 'Completed' }] },
      });
      return r.data.project ?? '';
    },
    async exportTasks(v3) {
      const r = v3
        ? await ImportExportService.exportTasksV3({ project, includeMetadata: 'true' })
        : await ImportExportService.exportTasks({ project, format: 'split' });
      return r.data.exportPath;
    },
    async listProjects() {
      return (await ProjectsService.listProjects({ limit: 100 })).data.projects.map((p) => need(p._id, 'project._id'));
    },
    async deleteAssets(assets) {
      return (await AssetsService.deleteAssets({ projectId: project, requestBody: { assets, project } })).data.deleted ?? -1;
    },
  };
}, call);
