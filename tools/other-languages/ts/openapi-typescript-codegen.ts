// openapi-typescript-codegen (--client fetch --useOptions --useUnionTypes): static service classes by tag,
// one options object per call; a non-2xx answer rejects with ApiError. Base URL and key go in
// the exported OpenAPI config. Enums are string unions (`'split'`): the parameters' documented
// defaults do not compile against its TypeScript enums.
import {
  AssetsService,
  ImportExportService,
  OpenAPI,
  ProjectsService,
} from './generated/openapi-typescript-codegen';
import { main } from './scenario';

main('openapi-typescript-codegen', ({ baseUrl, apiKey, project }) => {
  OpenAPI.BASE = baseUrl;
  OpenAPI.HEADERS = { apikey: apiKey };
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
      return { ids: r.data.assets.map((a) => a._id), total: r.data.total };
    },
    async updateAsset(assetId, metadata) {
      return (await AssetsService.updateAsset({ assetId, requestBody: { metadata } })).data.asset.metadata;
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
      return (await ProjectsService.listProjects({ limit: 100 })).data.projects.map((p) => p._id);
    },
    async deleteAssets(assets) {
      return (await AssetsService.deleteAssets({ projectId: project, requestBody: { assets, project } })).data.deleted ?? -1;
    },
  };
});
