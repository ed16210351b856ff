// swagger-typescript-api: one Api class, methods grouped by the path's first segment; each
// resolves to the fetch Response with `data` parsed on 2xx and rejects otherwise. It sends
// the chat upload URL-encoded (the body's second media type), which drops the file, unless
// the call asks for multipart with `{ type: ContentType.FormData }`. Enums are TypeScript enums.
import { Api, BooleanString, ContentType, ExportType, StorageFileType } from './generated/swagger-typescript-api/api';
import { main } from './scenario';

main('swagger-typescript-api', ({ baseUrl, apiKey, project }) => {
  const api = new Api({ baseUrl, baseApiParams: { headers: { apikey: apiKey } } });
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
      return { ids: r.data.data.assets.map((a) => a._id), total: r.data.data.total };
    },
    async updateAsset(assetId, metadata) {
      return (await api.assets.updateAsset(assetId, { metadata })).data.data.asset.metadata;
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
      return (await api.listProjects.listProjects({ page: 1 })).data.data.projects.map((p) => p._id);
    },
    async deleteAssets(assets) {
      return (await api.project.deleteAssets(project, { assets })).data.data.deleted ?? -1;
    },
  };
});
