// orval (fetch client, ../orval.config.cjs): one function per operation resolving to
// `{status, data, headers}` for every declared status; the caller narrows on `status`.
import * as api from './generated/orval/api';
import { fail, main } from './scenario';

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
      ? { ids: r.data.data.assets.map((a) => a._id), total: r.data.data.total }
      : fail('listAssets', r.status, r.data);
  },
  async updateAsset(assetId, metadata) {
    const r = await api.updateAsset(assetId, { metadata });
    return r.status === 200 ? r.data.data.asset.metadata : fail('updateAsset', r.status, r.data);
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
    return r.status === 200 ? r.data.data.projects.map((p) => p._id) : fail('listProjects', r.status, r.data);
  },
  async deleteAssets(assets) {
    const r = await api.deleteAssets(project, { assets });
    return r.status === 200 ? (r.data.data.deleted ?? -1) : fail('deleteAssets', r.status, r.data);
  },
}));
