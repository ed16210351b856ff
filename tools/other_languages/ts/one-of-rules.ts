// Compile-time only: the spec's "one of these fields" rules reach the types of all five
// generators, so a body the spec forbids does not compile. Each forbidden body below is marked
// as an expected error, and tsc fails on an expectation left unmet.
// (Exclusivity does not carry: a body with both `labels` and `jsonContent` compiles.)
import type { components } from './generated/openapi-typescript/schema';
import type * as Codegen from './generated/openapi-typescript-codegen';
import type * as Oazapfts from './generated/oazapfts/api';
import type * as Orval from './generated/orval/api';
import type * as Sta from './generated/swagger-typescript-api/api';

type OpenapiTypescript = components['schemas'];
const answer = { objects: [] };
const url = 'https://example.com/a.pdf';

// openapi-typescript
export const openapiTypescriptAllowed: [OpenapiTypescript['AssignBatchesRequest'], OpenapiTypescript['ImportLabelsRequest'], OpenapiTypescript['Attachment']] = [
  { projectId: 'p', assetIds: ['a'], batches: ['b'] },
  { project: 'p', jsonContent: [{ assetId: 'a', answer }] },
  { externalId: 'e', attachmentUrl: url },
];
// @ts-expect-error neither `assets` nor `assetIds`
export const openapiTypescriptNoAssets: OpenapiTypescript['AssignBatchesRequest'] = { project: 'p', batches: ['b'] };
// @ts-expect-error neither `project` nor `projectId`
export const openapiTypescriptNoProject: OpenapiTypescript['AssignBatchesRequest'] = { assets: ['a'], batches: ['b'] };
// @ts-expect-error neither `labels` nor `jsonContent`
export const openapiTypescriptNoLabels: OpenapiTypescript['ImportLabelsRequest'] = { project: 'p' };
// @ts-expect-error a label naming no asset (neither `externalId` nor `assetId`)
export const openapiTypescriptAnonymousLabel: OpenapiTypescript['Label'] = { answer };
// @ts-expect-error an attachment naming no asset
export const openapiTypescriptAnonymousAttachment: OpenapiTypescript['Attachment'] = { attachmentUrl: url };

// openapi-typescript-codegen
export const codegenAllowed: [Codegen.AssignBatchesRequest, Codegen.ImportLabelsRequest, Codegen.Attachment] = [
  { projectId: 'p', assetIds: ['a'], batches: ['b'] },
  { project: 'p', jsonContent: [{ assetId: 'a', answer }] },
  { externalId: 'e', attachmentUrl: url },
];
// @ts-expect-error neither `assets` nor `assetIds`
export const codegenNoAssets: Codegen.AssignBatchesRequest = { project: 'p', batches: ['b'] };
// @ts-expect-error neither `project` nor `projectId`
export const codegenNoProject: Codegen.AssignBatchesRequest = { assets: ['a'], batches: ['b'] };
// @ts-expect-error neither `labels` nor `jsonContent`
export const codegenNoLabels: Codegen.ImportLabelsRequest = { project: 'p' };
// @ts-expect-error a label naming no asset (neither `externalId` nor `assetId`)
export const codegenAnonymousLabel: Codegen.Label = { answer };
// @ts-expect-error an attachment naming no asset
export const codegenAnonymousAttachment: Codegen.Attachment = { attachmentUrl: url };

// oazapfts
export const oazapftsAllowed: [Oazapfts.AssignBatchesRequest, Oazapfts.ImportLabelsRequest, Oazapfts.Attachment] = [
  { projectId: 'p', assetIds: ['a'], batches: ['b'] },
  { project: 'p', jsonContent: [{ assetId: 'a', answer }] },
  { externalId: 'e', attachmentUrl: url },
];
// @ts-expect-error neither `assets` nor `assetIds`
export const oazapftsNoAssets: Oazapfts.AssignBatchesRequest = { project: 'p', batches: ['b'] };
// @ts-expect-error neither `project` nor `projectId`
export const oazapftsNoProject: Oazapfts.AssignBatchesRequest = { assets: ['a'], batches: ['b'] };
// @ts-expect-error neither `labels` nor `jsonContent`
export const oazapftsNoLabels: Oazapfts.ImportLabelsRequest = { project: 'p' };
// @ts-expect-error a label naming no asset (neither `externalId` nor `assetId`)
export const oazapftsAnonymousLabel: Oazapfts.Label = { answer };
// @ts-expect-error an attachment naming no asset
export const oazapftsAnonymousAttachment: Oazapfts.Attachment = { attachmentUrl: url };

// orval
export const orvalAllowed: [Orval.AssignBatchesRequest, Orval.ImportLabelsRequest, Orval.Attachment] = [
  { projectId: 'p', assetIds: ['a'], batches: ['b'] },
  { project: 'p', jsonContent: [{ assetId: 'a', answer }] },
  { externalId: 'e', attachmentUrl: url },
];
// @ts-expect-error neither `assets` nor `assetIds`
export const orvalNoAssets: Orval.AssignBatchesRequest = { project: 'p', batches: ['b'] };
// @ts-expect-error neither `project` nor `projectId`
export const orvalNoProject: Orval.AssignBatchesRequest = { assets: ['a'], batches: ['b'] };
// @ts-expect-error neither `labels` nor `jsonContent`
export const orvalNoLabels: Orval.ImportLabelsRequest = { project: 'p' };
// @ts-expect-error a label naming no asset (neither `externalId` nor `assetId`)
export const orvalAnonymousLabel: Orval.Label = { answer };
// @ts-expect-error an attachment naming no asset
export const orvalAnonymousAttachment: Orval.Attachment = { attachmentUrl: url };

// swagger-typescript-api
export const staAllowed: [Sta.AssignBatchesRequest, Sta.ImportLabelsRequest, Sta.Attachment] = [
  { projectId: 'p', assetIds: ['a'], batches: ['b'] },
  { project: 'p', jsonContent: [{ assetId: 'a', answer }] },
  { externalId: 'e', attachmentUrl: url },
];
// @ts-expect-error neither `assets` nor `assetIds`
export const staNoAssets: Sta.AssignBatchesRequest = { project: 'p', batches: ['b'] };
// @ts-expect-error neither `project` nor `projectId`
export const staNoProject: Sta.AssignBatchesRequest = { assets: ['a'], batches: ['b'] };
// @ts-expect-error neither `labels` nor `jsonContent`
export const staNoLabels: Sta.ImportLabelsRequest = { project: 'p' };
// @ts-expect-error a label naming no asset (neither `externalId` nor `assetId`)
export const staAnonymousLabel: Sta.Label = { answer };
// @ts-expect-error an attachment naming no asset
export const staAnonymousAttachment: Sta.Attachment = { attachmentUrl: url };
