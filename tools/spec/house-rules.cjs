// House conventions for openapi.yaml, as Redocly CLI rules (wired in redocly.yaml).
// Each rule reports on the operation that breaks the convention, so `make lint` names it.
'use strict';

const isSuccess = (code) => /^2(\d\d|XX)$/i.test(String(code));
const isError = (code) => /^[45](\d\d|XX)$/i.test(String(code));
const ERROR_REF = '#/components/schemas/ErrorResponse';

const hasExample = (media) =>
  media.example !== undefined || (media.examples && Object.keys(media.examples).length > 0);

// Every operation shows an example for each request body and 2xx response media type.
function OperationExamples() {
  return {
    Operation(op, ctx) {
      if (op.requestBody) {
        const { node: body, location } = ctx.resolve(op.requestBody);
        for (const [type, media] of Object.entries(body?.content ?? {})) {
          if (!hasExample(media)) {
            ctx.report({
              message: `Request body ${type} of ${op.operationId} has no example(s).`,
              location: location.child(['content', type]),
            });
          }
        }
      }
      for (const [code, ref] of Object.entries(op.responses ?? {})) {
        if (!isSuccess(code)) continue;
        const { node: response, location } = ctx.resolve(ref);
        for (const [type, media] of Object.entries(response?.content ?? {})) {
          if (!hasExample(media)) {
            ctx.report({
              message: `Response ${code} ${type} of ${op.operationId} has no example(s).`,
              location: location.child(['content', type]),
            });
          }
        }
      }
    },
  };
}

// Every 2xx body is the success envelope: an object declaring `status` and `data`. Whether
// they are required is a claim like any other (the provenance lint wants its own x-source):
// answers no source shows (the SDK-only operations') declare them without requiring them.
function SuccessEnvelope() {
  return {
    Operation(op, ctx) {
      for (const [code, ref] of Object.entries(op.responses ?? {})) {
        if (!isSuccess(code)) continue;
        const { node: response, location } = ctx.resolve(ref);
        for (const [type, media] of Object.entries(response?.content ?? {})) {
          const schema = media.schema ? ctx.resolve(media.schema).node : undefined;
          const props = schema?.properties ?? {};
          const ok = ['status', 'data'].every((k) => k in props);
          if (!ok) {
            ctx.report({
              message: `Response ${code} ${type} of ${op.operationId} must use the success envelope (\`status\` and \`data\`).`,
              location: location.child(['content', type, 'schema']),
            });
          }
        }
      }
    },
  };
}

// Every 4xx/5xx JSON body is the shared ErrorResponse schema, by reference. A 5xx may also
// declare a non-JSON page (a gateway's HTML), since that is what gateways send.
const isJson = (type) => /^application\/(.+\+)?json$/i.test(type);

function ErrorResponseSchema() {
  return {
    Operation(op, ctx) {
      for (const [code, ref] of Object.entries(op.responses ?? {})) {
        if (!isError(code)) continue;
        const { node: response, location } = ctx.resolve(ref);
        const content = response?.content ?? {};
        if (Object.keys(content).length === 0) {
          ctx.report({
            message: `Response ${code} of ${op.operationId} must have an ErrorResponse body.`,
            location,
          });
        }
        for (const [type, media] of Object.entries(content)) {
          if (!isJson(type) && String(code).startsWith('5')) continue;
          if (media.schema?.$ref !== ERROR_REF) {
            ctx.report({
              message: `Response ${code} ${type} of ${op.operationId} must reference ${ERROR_REF}.`,
              location: location.child(['content', type, 'schema']),
            });
          }
        }
      }
    },
  };
}

module.exports = function houseRules() {
  return {
    id: 'house',
    rules: {
      oas3: {
        'operation-examples': OperationExamples,
        'success-envelope': SuccessEnvelope,
        'error-response-schema': ErrorResponseSchema,
      },
    },
  };
};
